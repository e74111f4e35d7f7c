package dev.terrace.engine.internal.geometry;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Whether a polygon is one the coverage sweep can measure: JTS's {@link IsValidOp} finds the first
 * problem (a self-intersection, a hole outside its shell or around it, …) and the ring it lies on,
 * so that the request can be refused naming both; {@link GeometryFixer} mends it when the request
 * asks for that.
 */
final class RingValidity {

  /**
   * The first problem JTS finds.
   *
   * @param ring the index of the ring it lies on (0 the shell, then the holes in order)
   * @param message JTS's description, such as {@code Self-intersection}
   * @param at where, in the polygon's coordinates
   */
  record Problem(int ring, String message, Coordinate at) {}

  private RingValidity() {}

  /**
   * @return the polygon's first problem, or null when it is valid
   */
  static Problem check(Polygon p) {
    TopologyValidationError e = new IsValidOp(p).getValidationError();
    if (e == null) {
      return null;
    }
    Coordinate at = e.getCoordinate();
    return new Problem(ringOf(p, at, e.getErrorType()), e.getMessage(), at);
  }

  /**
   * @return the repaired polygon(s), possibly empty when nothing of the input has an area
   */
  static Geometry repair(Polygon p) {
    return GeometryFixer.fix(p);
  }

  /**
   * The ring a problem lies on. Problems of a hole name the hole even where it touches the shell,
   * since the hole is what is out of place.
   */
  private static int ringOf(Polygon p, Coordinate at, int type) {
    boolean holeFirst =
        type == TopologyValidationError.HOLE_OUTSIDE_SHELL
            || type == TopologyValidationError.NESTED_HOLES;
    if (holeFirst) {
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        if (touches(p.getInteriorRingN(i), at)) {
          return i + 1;
        }
      }
    }
    if (at == null || touches(p.getExteriorRing(), at)) {
      return 0;
    }
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      if (touches(p.getInteriorRingN(i), at)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static boolean touches(LineString ring, Coordinate at) {
    return at != null
        && ring.distance(ring.getFactory().createPoint(at)) <= 1e-9 * Math.max(1, Math.abs(at.x));
  }
}
