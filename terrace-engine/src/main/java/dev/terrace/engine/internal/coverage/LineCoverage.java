package dev.terrace.engine.internal.coverage;

import dev.terrace.api.PixelRule;
import java.util.Objects;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;

/**
 * Which cells a line passes through, and with what weight, under a {@link PixelRule}. The line must
 * be in pixel space, as for {@link Coverage}: cell (row, col) is [col, col+1] x [row, row+1].
 *
 * <ul>
 *   <li>{@link PixelRule#EXACT}: each cell weighs the length of line inside it, in cell units
 *       (exactextract's semantics for lines): a diagonal across two unit cells weighs √2 in each.
 *       The weights add up to the line's length. A piece running exactly along a cell side belongs
 *       to the cell below or to the right of it (the cell {@code floor} picks), so it is counted
 *       once.
 *   <li>{@link PixelRule#CENTER}: the cells GDAL's rasterizer burns for a line without {@code
 *       ALL_TOUCHED}: per segment, the integer Bresenham walk between the cells holding its two
 *       ends, as {@code GDALdllImageLine} does it (its error term and tie-breaking, and GDAL 3.6's
 *       direction: from the segment's second vertex to its first). Weight 1 each.
 *   <li>{@link PixelRule#ALL_TOUCHED}: every cell that holds a piece of the line of positive length
 *       (a piece along a cell side counts as for EXACT). Weight 1 each.
 * </ul>
 *
 * <p>Parts of a MultiLineString, and segments that cross a cell again, add their lengths under
 * EXACT; under the other rules a cell counts once. A line of zero length covers nothing under EXACT
 * and ALL_TOUCHED and its one cell under CENTER (GDAL burns it). Cells beyond the raster are
 * reported too: the caller counts them as missing.
 */
public final class LineCoverage {

  private LineCoverage() {}

  /**
   * @param pixelSpaceLine a LineString or MultiLineString (or a collection of them) in pixel space
   * @param rule how a cell's weight is decided
   * @return the cells, in the order the line first reaches them
   * @throws IllegalArgumentException for a non-linear component or a non-finite coordinate
   */
  public static LineCells compute(Geometry pixelSpaceLine, PixelRule rule) {
    Objects.requireNonNull(pixelSpaceLine, "pixelSpaceLine");
    Objects.requireNonNull(rule, "rule");
    LineCells cells = new LineCells();
    add(pixelSpaceLine, rule, cells);
    return cells;
  }

  private static void add(Geometry g, PixelRule rule, LineCells cells) {
    if (g instanceof LineString line) {
      CoordinateSequence seq = line.getCoordinateSequence();
      for (int i = 0; i < seq.size(); i++) {
        if (!Double.isFinite(seq.getX(i)) || !Double.isFinite(seq.getY(i))) {
          throw new IllegalArgumentException(
              "non-finite coordinate in line: (" + seq.getX(i) + ", " + seq.getY(i) + ")");
        }
      }
      for (int i = 0; i + 1 < seq.size(); i++) {
        double xa = seq.getX(i);
        double ya = seq.getY(i);
        double xb = seq.getX(i + 1);
        double yb = seq.getY(i + 1);
        if (rule == PixelRule.CENTER) {
          // GDAL 3.6 burns each segment walking from its second vertex back to its first;
          // Bresenham's ties
          // fall the other way round in the opposite direction, so the walk must go the same way.
          bresenham(xb, yb, xa, ya, cells);
        } else {
          walk(xa, ya, xb, yb, rule == PixelRule.EXACT, cells);
        }
      }
      if (rule == PixelRule.CENTER && seq.size() == 1) {
        cells.mark((int) Math.floor(seq.getY(0)), (int) Math.floor(seq.getX(0)));
      }
    } else if (g instanceof GeometryCollection gc) {
      // MultiLineString is a GeometryCollection; so is a collection of lines.
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        add(gc.getGeometryN(i), rule, cells);
      }
    } else {
      throw new IllegalArgumentException(
          "line coverage needs a linear geometry, got " + g.getGeometryType());
    }
  }

  /**
   * Splits segment a–b where it crosses the integer columns and rows, and gives each piece to the
   * cell that holds its midpoint: exact lengths (up to the rounding of one parameter per crossing),
   * and a piece along a cell side goes to the cell {@code floor} picks.
   */
  private static void walk(
      double xa, double ya, double xb, double yb, boolean exact, LineCells cells) {
    double dx = xb - xa;
    double dy = yb - ya;
    double length = Math.hypot(dx, dy);
    if (length == 0) {
      return;
    }
    // Next integer column and row the segment crosses, walked in the segment's direction.
    int stepX = dx > 0 ? 1 : -1;
    int stepY = dy > 0 ? 1 : -1;
    double nextX = dx > 0 ? Math.floor(xa) + 1 : Math.ceil(xa) - 1;
    double nextY = dy > 0 ? Math.floor(ya) + 1 : Math.ceil(ya) - 1;
    double t0 = 0;
    while (t0 < 1) {
      double tx = dx == 0 ? Double.POSITIVE_INFINITY : (nextX - xa) / dx;
      double ty = dy == 0 ? Double.POSITIVE_INFINITY : (nextY - ya) / dy;
      double t1 = Math.min(1, Math.min(tx, ty));
      if (tx <= t1) {
        nextX += stepX;
      }
      if (ty <= t1) {
        nextY += stepY;
      }
      if (t1 > t0) {
        double tm = (t0 + t1) * 0.5;
        int col = (int) Math.floor(xa + tm * dx);
        int row = (int) Math.floor(ya + tm * dy);
        if (exact) {
          cells.add(row, col, (t1 - t0) * length);
        } else {
          cells.mark(row, col);
        }
      }
      t0 = t1;
    }
  }

  /**
   * GDAL's {@code GDALdllImageLine} for one segment: Bresenham between the cells holding the two
   * ends, the error term and its tie-breaking ({@code error > 0} steps the minor axis) as there, so
   * that the same cells come out.
   */
  private static void bresenham(double xa, double ya, double xb, double yb, LineCells cells) {
    int x = (int) Math.floor(xa);
    int y = (int) Math.floor(ya);
    int x1 = (int) Math.floor(xb);
    int y1 = (int) Math.floor(yb);
    int deltaX = Math.abs(x1 - x);
    int deltaY = Math.abs(y1 - y);
    int stepX = x > x1 ? -1 : 1;
    int stepY = y > y1 ? -1 : 1;
    if (deltaX >= deltaY) {
      int xError = deltaY << 1;
      int yError = xError - (deltaX << 1);
      int error = xError - deltaX;
      for (int i = 0; i <= deltaX; i++) {
        cells.mark(y, x);
        if (error > 0) {
          y += stepY;
          error += yError;
        } else {
          error += xError;
        }
        x += stepX;
      }
    } else {
      int yError = deltaX << 1;
      int xError = yError - (deltaY << 1);
      int error = yError - deltaY;
      for (int i = 0; i <= deltaY; i++) {
        cells.mark(y, x);
        if (error > 0) {
          x += stepX;
          error += xError;
        } else {
          error += yError;
        }
        y += stepY;
      }
    }
  }
}
