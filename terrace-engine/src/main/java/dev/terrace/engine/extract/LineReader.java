package dev.terrace.engine.extract;

import dev.terrace.engine.raster.Band;
import dev.terrace.engine.raster.RasterSource;
import dev.terrace.engine.stats.CellAccumulator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads each cell a line (already in pixel space) passes through, once, with weight 1: the line is walked in
 * steps of a quarter cell, which finds every cell it crosses by more than a sliver, and the cells are then
 * read as points at their centres.
 */
final class LineReader {

  private static final double STEP = 0.25;

  private LineReader() {}

  static Measurement read(RasterSource raster, int bandNumber, Band band, Geometry pixels, CellAccumulator values) {
    return PointReader.read(raster, bandNumber, band, cells(pixels), false, values);
  }

  /** @return the centre of each cell the line passes through, once each, as a MultiPoint in pixel space */
  static Geometry cells(Geometry pixels) {
    Set<Long> seen = new HashSet<>();
    List<Coordinate> centres = new ArrayList<>();
    for (int g = 0; g < pixels.getNumGeometries(); g++) {
      Coordinate[] c = pixels.getGeometryN(g).getCoordinates();
      for (int i = 0; i + 1 < c.length; i++) {
        double dx = c[i + 1].x - c[i].x;
        double dy = c[i + 1].y - c[i].y;
        int steps = (int) Math.ceil(Math.hypot(dx, dy) / STEP);
        for (int s = 0; s <= steps; s++) {
          double t = steps == 0 ? 0 : (double) s / steps;
          double col = Math.floor(c[i].x + t * dx);
          double row = Math.floor(c[i].y + t * dy);
          if (seen.add(((long) row << 32) ^ ((long) col & 0xFFFFFFFFL))) {
            centres.add(new Coordinate(col + 0.5, row + 0.5));
          }
        }
      }
    }
    return pixels.getFactory().createMultiPointFromCoords(centres.toArray(Coordinate[]::new));
  }
}
