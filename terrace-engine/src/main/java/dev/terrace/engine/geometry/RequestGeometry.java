package dev.terrace.engine.geometry;

import org.locationtech.jts.geom.Geometry;

/**
 * A validated request geometry as JTS, in the request's CRS, with polygons crossing the antimeridian split.
 *
 * @param geometry a Point/MultiPoint, LineString/MultiLineString, or Polygon/MultiPolygon
 * @param kind which of the three it is
 * @param vertices how many vertices the request gave
 */
public record RequestGeometry(Geometry geometry, Kind kind, int vertices) {

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
