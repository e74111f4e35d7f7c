package dev.terrace.engine.geometry;

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
 * Polygons that cross ±180° longitude, however they are written: already split into parts on each side
 * (RFC 7946's advice, which needs nothing), with longitudes running past 180 (170 … 190), or with an edge
 * that jumps across the line (179 → −179). The last two are unwrapped into one continuous ring, cut at 180°
 * and the eastern part moved back by 360°, so every part lies in [−180, 180].
 */
final class Antimeridian {

  private Antimeridian() {}

  /**
   * @param lonLat a polygon in longitude/latitude
   * @return the polygon itself when it stays within [−180, 180], otherwise its parts on each side
   */
  static Geometry split(Polygon lonLat) {
    GeometryFactory f = lonLat.getFactory();
    Polygon unwrapped = unwrap(lonLat);
    Envelope e = unwrapped.getEnvelopeInternal();
    if (e.getMinX() >= -180 && e.getMaxX() <= 180) {
      return unwrapped;
    }
    double shift = e.getMaxX() > 180 ? -360 : 360;
    Geometry inside = unwrapped.intersection(f.toGeometry(new Envelope(-180, 180, -90, 90)));
    Geometry beyond = unwrapped.intersection(f.toGeometry(shift < 0
        ? new Envelope(180, 540, -90, 90) : new Envelope(-540, -180, -90, 90)));
    Geometry moved = AffineTransformation.translationInstance(shift, 0).transform(beyond);
    List<Polygon> parts = new ArrayList<>();
    collect(inside, parts);
    collect(moved, parts);
    return f.createMultiPolygon(parts.toArray(Polygon[]::new));
  }

  private static void collect(Geometry g, List<Polygon> out) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
        out.add(p);
      }
    }
  }

  /** Rewrites each ring so that no edge spans more than 180° of longitude. */
  private static Polygon unwrap(Polygon p) {
    GeometryFactory f = p.getFactory();
    boolean changed = false;
    LinearRing shell = unwrap((LinearRing) p.getExteriorRing());
    changed |= shell != p.getExteriorRing();
    LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
    for (int i = 0; i < holes.length; i++) {
      holes[i] = unwrap((LinearRing) p.getInteriorRingN(i));
      changed |= holes[i] != p.getInteriorRingN(i);
    }
    return changed ? f.createPolygon(shell, holes) : p;
  }

  private static LinearRing unwrap(LinearRing ring) {
    Coordinate[] c = ring.getCoordinates();
    boolean jumps = false;
    for (int i = 1; i < c.length && !jumps; i++) {
      jumps = Math.abs(c[i].x - c[i - 1].x) > 180;
    }
    if (!jumps) {
      return ring;
    }
    Coordinate[] out = new Coordinate[c.length];
    out[0] = c[0].copy();
    double offset = 0;
    for (int i = 1; i < c.length; i++) {
      double d = c[i].x - c[i - 1].x;
      if (d > 180) {
        offset -= 360;
      } else if (d < -180) {
        offset += 360;
      }
      out[i] = new Coordinate(c[i].x + offset, c[i].y);
    }
    // A ring that jumps an odd number of times circles a pole; it cannot be closed by unwrapping.
    if (out[out.length - 1].x != out[0].x) {
      throw new IllegalArgumentException("ring circles a pole: its edges cross the antimeridian an odd number of times");
    }
    return ring.getFactory().createLinearRing(out);
  }
}
