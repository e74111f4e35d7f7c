package dev.terrace.engine.internal.rows;

import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.GeometryCollection;
import dev.terrace.api.geojson.LineString;
import dev.terrace.api.geojson.MultiLineString;
import dev.terrace.api.geojson.MultiPoint;
import dev.terrace.api.geojson.MultiPolygon;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.internal.extract.Zonal;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Puts the rows of a chunk in an order where neighbours follow each other, so that each request of
 * at most {@code maxBatch} geometries covers few tiles: rows in file order are often scattered over
 * the whole raster.
 */
public final class Locality {

  private static final GeometryFactory JTS = new GeometryFactory();

  private Locality() {}

  /** The indices of {@code geometries} along the engine's locality curve, by one vertex of each. */
  static int[] order(List<Geometry> geometries) {
    List<org.locationtech.jts.geom.Geometry> points = new ArrayList<>(geometries.size());
    for (Geometry g : geometries) {
      double[] xy = vertex(g);
      points.add(
          xy == null || xy.length < 2 || !Double.isFinite(xy[0]) || !Double.isFinite(xy[1])
              ? JTS.createPoint()
              : JTS.createPoint(new Coordinate(xy[0], xy[1])));
    }
    return Zonal.localityOrder(points);
  }

  /**
   * One vertex of a geometry, or null if it has none; malformed geometries fail later, in the
   * request.
   */
  private static double[] vertex(Geometry g) {
    try {
      return switch (g) {
        case Point p -> p.coordinates();
        case MultiPoint m -> m.coordinates()[0];
        case LineString l -> l.coordinates()[0];
        case MultiLineString m -> m.coordinates()[0][0];
        case Polygon p -> p.coordinates()[0][0];
        case MultiPolygon m -> m.coordinates()[0][0][0];
        case GeometryCollection c ->
            c.geometries().isEmpty() ? null : vertex(c.geometries().get(0));
        case Feature f -> f.geometry() == null ? null : vertex(f.geometry());
      };
    } catch (RuntimeException e) {
      return null;
    }
  }
}
