package dev.terrace.engine.internal.geometry;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A validated request geometry as JTS, in the request's CRS, with polygons crossing the
 * antimeridian split.
 *
 * @param geometry a Point/MultiPoint, LineString/MultiLineString, or Polygon/MultiPolygon
 * @param kind which of the three it is
 * @param vertices how many vertices the request gave
 * @param warnings what reading the geometry did that the caller should know (a repair, overlapping
 *     parts, a ring read as planar), each prefixed with the path of what it concerns; an
 *     unmodifiable copy
 */
public record RequestGeometry(Geometry geometry, Kind kind, int vertices, List<String> warnings) {

  /** Copies the warnings. */
  public RequestGeometry {
    warnings = List.copyOf(warnings);
  }

  /**
   * A geometry read without remark.
   *
   * @param geometry the geometry
   * @param kind which kind it is
   * @param vertices how many vertices the request gave
   */
  public RequestGeometry(Geometry geometry, Kind kind, int vertices) {
    this(geometry, kind, vertices, List.of());
  }

  /** What an extraction does with the geometry. */
  public enum Kind {
    /** Read the cell under each point. */
    POINTS,
    /** Read the cells each line passes through. */
    LINES,
    /** Summarise the cells each polygon covers. */
    AREAS
  }
}
