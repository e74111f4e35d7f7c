package dev.terrace.engine.internal.geometry;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Polygons that cross ±180° longitude, however they are written: already split into parts on each
 * side (RFC 7946's advice, which needs nothing), with longitudes running past 180 (170 … 190), or
 * with an edge that jumps across the line (179 → −179). The last two are unwrapped into one
 * continuous ring, cut at 180° and the eastern part moved back by 360°, so every part lies in
 * [−180, 180].
 *
 * <p>The rule, and the only one: <b>a ring crosses the antimeridian exactly where one of its edges
 * spans more than 180° of longitude</b> (RFC 7946, section 3.1.9). The width of the polygon plays
 * no part, so a box 200° or 340° wide whose edges are each at most 180° long is the planar box it
 * is. An edge whose two ends both lie on the antimeridian (from 180 to −180, or back) runs along it
 * and crosses nothing, so a band drawn from −180 to 180 is the full-width band GDAL reads. A ring
 * that crosses an odd number of times cannot be closed by unwrapping; it is read as the planar
 * polygon its coordinates describe, as GDAL reads it (the reader warns).
 */
final class Antimeridian {

  private Antimeridian() {}

  /**
   * @param lonLat a polygon in longitude/latitude
   * @return the polygon itself when none of its rings crosses the antimeridian; otherwise its parts
   *     on each side, or — when a ring crosses an odd number of times — the polygon as written
   */
  static Geometry split(Polygon lonLat) {
    Polygon unwrapped = unwrap(lonLat);
    return cut(unwrapped == null ? lonLat : unwrapped);
  }

  /**
   * @param unwrapped a polygon whose rings are continuous, possibly running past ±180
   * @return the polygon itself when it lies within [−180, 180], otherwise its parts on each side,
   *     moved back
   */
  static Geometry cut(Polygon unwrapped) {
    GeometryFactory f = unwrapped.getFactory();
    Envelope e = unwrapped.getEnvelopeInternal();
    if (e.getMinX() >= -180 && e.getMaxX() <= 180) {
      return unwrapped;
    }
    double shift = e.getMaxX() > 180 ? -360 : 360;
    Geometry inside = unwrapped.intersection(f.toGeometry(new Envelope(-180, 180, -90, 90)));
    Geometry beyond =
        unwrapped.intersection(
            f.toGeometry(
                shift < 0 ? new Envelope(180, 540, -90, 90) : new Envelope(-540, -180, -90, 90)));
    Geometry moved = AffineTransformation.translationInstance(shift, 0).transform(beyond);
    List<Polygon> parts = new ArrayList<>();
    collect(inside, parts);
    collect(moved, parts);
    return f.createMultiPolygon(parts.toArray(Polygon[]::new));
  }

  /**
   * @return whether the edge from {@code x0} to {@code x1} crosses the antimeridian: it spans more
   *     than 180° of longitude and does not merely run along the line from one of its sides to the
   *     other
   */
  static boolean crosses(double x0, double x1) {
    return Math.abs(x1 - x0) > 180 && !(Math.abs(x0) == 180 && Math.abs(x1) == 180);
  }

  private static void collect(Geometry g, List<Polygon> out) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
        out.add(p);
      }
    }
  }

  /**
   * Rewrites each ring so that no crossing edge spans more than 180° of longitude.
   *
   * @return the polygon (itself when no ring crosses), or null when a ring crosses an odd number of
   *     times
   */
  static Polygon unwrap(Polygon p) {
    GeometryFactory f = p.getFactory();
    boolean changed = false;
    LinearRing shell = unwrap((LinearRing) p.getExteriorRing());
    if (shell == null) {
      return null;
    }
    changed |= shell != p.getExteriorRing();
    LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
    for (int i = 0; i < holes.length; i++) {
      holes[i] = unwrap((LinearRing) p.getInteriorRingN(i));
      if (holes[i] == null) {
        return null;
      }
      changed |= holes[i] != p.getInteriorRingN(i);
    }
    return changed ? f.createPolygon(shell, holes) : p;
  }

  private static LinearRing unwrap(LinearRing ring) {
    Coordinate[] c = ring.getCoordinates();
    boolean jumps = false;
    for (int i = 1; i < c.length && !jumps; i++) {
      jumps = crosses(c[i - 1].x, c[i].x);
    }
    if (!jumps) {
      return ring;
    }
    Coordinate[] out = new Coordinate[c.length];
    out[0] = c[0].copy();
    double offset = 0;
    for (int i = 1; i < c.length; i++) {
      double d = c[i].x - c[i - 1].x;
      if (crosses(c[i - 1].x, c[i].x)) {
        offset += d > 0 ? -360 : 360;
      } else if (Math.abs(d) == 360) {
        // Along the line: the end is the same meridian as the start, on the side the ring is
        // already on.
        offset += d > 0 ? -360 : 360;
      }
      out[i] = new Coordinate(c[i].x + offset, c[i].y);
    }
    // A ring that crosses an odd number of times circles a pole; unwrapping cannot close it.
    if (out[out.length - 1].x != out[0].x) {
      return null;
    }
    return ring.getFactory().createLinearRing(out);
  }
}
