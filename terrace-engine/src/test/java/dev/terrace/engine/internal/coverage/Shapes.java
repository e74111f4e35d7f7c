package dev.terrace.engine.internal.coverage;

import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Random test polygons: star-shaped shells around a centre, optionally with a star-shaped hole. */
final class Shapes {

  static final GeometryFactory FACTORY = new GeometryFactory();

  private Shapes() {}

  /**
   * A star-shaped polygon: 6–30 vertices at jittered, evenly spread angles (turned by a random
   * rotation) with radii in [R/2, R]; with a hole of radii in [R/10, 3R/10] when asked. Angular
   * gaps stay under 96°, so the shell keeps a disk of radius 0.33 R around the centre and the hole
   * always fits inside.
   *
   * @param snap if positive, round every vertex to a multiple of it (puts vertices on grid lines)
   */
  static Polygon star(Random rnd, double cx, double cy, double radius, boolean hole, double snap) {
    return star(rnd, cx, cy, radius, hole, snap, 6 + rnd.nextInt(25));
  }

  /**
   * As {@link #star(Random, double, double, double, boolean, double)} with {@code vertices} on the
   * shell.
   */
  static Polygon star(
      Random rnd, double cx, double cy, double radius, boolean hole, double snap, int vertices) {
    LinearRing shell = ring(rnd, cx, cy, radius * 0.5, radius, vertices, snap, rnd.nextBoolean());
    if (!hole) {
      return FACTORY.createPolygon(shell);
    }
    LinearRing inner =
        ring(rnd, cx, cy, radius * 0.1, radius * 0.3, 6 + rnd.nextInt(7), snap, rnd.nextBoolean());
    return FACTORY.createPolygon(shell, new LinearRing[] {inner});
  }

  /** A star, or two stars side by side as a MultiPolygon, centred somewhere in [lo, hi]^2. */
  static Geometry shape(Random rnd, double lo, double hi, double maxRadius, double snap) {
    double radius = 0.2 + rnd.nextDouble() * (maxRadius - 0.2);
    double cx = lo + rnd.nextDouble() * (hi - lo);
    double cy = lo + rnd.nextDouble() * (hi - lo);
    Polygon first = star(rnd, cx, cy, radius, rnd.nextInt(3) > 0, snap);
    if (rnd.nextInt(4) > 0) {
      return first;
    }
    // A second part beyond the first's reach in a random direction.
    double r2 = 0.2 + rnd.nextDouble() * (maxRadius - 0.2);
    double angle = rnd.nextDouble() * 2 * Math.PI;
    double d = radius + r2 + 0.1 + rnd.nextDouble();
    Polygon second =
        star(rnd, cx + d * Math.cos(angle), cy + d * Math.sin(angle), r2, rnd.nextBoolean(), snap);
    return FACTORY.createMultiPolygon(new Polygon[] {first, second});
  }

  private static LinearRing ring(
      Random rnd,
      double cx,
      double cy,
      double rmin,
      double rmax,
      int n,
      double snap,
      boolean reverse) {
    Coordinate[] pts = new Coordinate[n + 1];
    double rotation = rnd.nextDouble() * 2 * Math.PI;
    double step = 2 * Math.PI / n;
    for (int i = 0; i < n; i++) {
      double a = rotation + step * (i + (rnd.nextDouble() - 0.5) * 0.6);
      double r = rmin + rnd.nextDouble() * (rmax - rmin);
      double x = cx + r * Math.cos(a);
      double y = cy + r * Math.sin(a);
      if (snap > 0) {
        x = Math.round(x / snap) * snap;
        y = Math.round(y / snap) * snap;
      }
      pts[reverse ? n - 1 - i : i] = new Coordinate(x, y);
    }
    pts[n] = pts[0].copy();
    return FACTORY.createLinearRing(pts);
  }

  /** The unit square of cell (row, col). */
  static Polygon cell(int row, int col) {
    return FACTORY.createPolygon(
        new Coordinate[] {
          new Coordinate(col, row),
          new Coordinate(col + 1, row),
          new Coordinate(col + 1, row + 1),
          new Coordinate(col, row + 1),
          new Coordinate(col, row)
        });
  }
}
