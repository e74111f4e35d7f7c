package dev.terrace.engine.internal.rows;

import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.GeometryCollection;
import dev.terrace.api.geojson.LineString;
import dev.terrace.api.geojson.MultiLineString;
import dev.terrace.api.geojson.MultiPoint;
import dev.terrace.api.geojson.MultiPolygon;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * JTS geometries, as a WKT column or a GeoPackage's WKB gives them, to the API's GeoJSON records (x
 * and y; a z or m is dropped).
 */
public final class JtsGeometries {

  private JtsGeometries() {}

  /**
   * @param what the geometry's source, e.g. a column's name, for messages
   * @throws IllegalArgumentException when the geometry is empty (a collection may be) or of a type
   *     GeoJSON has not
   */
  public static Geometry toRecord(org.locationtech.jts.geom.Geometry g, String what) {
    if (g.isEmpty() && !(g instanceof org.locationtech.jts.geom.GeometryCollection)) {
      throw new IllegalArgumentException(what + " is an empty " + g.getGeometryType());
    }
    return switch (g) {
      case org.locationtech.jts.geom.Point p -> new Point(position(p.getCoordinate()));
      case org.locationtech.jts.geom.LineString l -> new LineString(positions(l.getCoordinates()));
      case org.locationtech.jts.geom.Polygon p -> new Polygon(rings(p));
      case org.locationtech.jts.geom.MultiPoint m -> new MultiPoint(positions(m.getCoordinates()));
      case org.locationtech.jts.geom.MultiLineString m -> {
        double[][][] lines = new double[m.getNumGeometries()][][];
        for (int i = 0; i < lines.length; i++) {
          lines[i] = positions(m.getGeometryN(i).getCoordinates());
        }
        yield new MultiLineString(lines);
      }
      case org.locationtech.jts.geom.MultiPolygon m -> {
        double[][][][] polygons = new double[m.getNumGeometries()][][][];
        for (int i = 0; i < polygons.length; i++) {
          polygons[i] = rings((org.locationtech.jts.geom.Polygon) m.getGeometryN(i));
        }
        yield new MultiPolygon(polygons);
      }
      case org.locationtech.jts.geom.GeometryCollection c -> {
        List<Geometry> parts = new ArrayList<>(c.getNumGeometries());
        for (int i = 0; i < c.getNumGeometries(); i++) {
          parts.add(toRecord(c.getGeometryN(i), what));
        }
        yield new GeometryCollection(parts);
      }
      default ->
          throw new IllegalArgumentException(what + " holds an unsupported " + g.getGeometryType());
    };
  }

  private static double[][][] rings(org.locationtech.jts.geom.Polygon p) {
    double[][][] rings = new double[1 + p.getNumInteriorRing()][][];
    rings[0] = positions(p.getExteriorRing().getCoordinates());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      rings[i + 1] = positions(p.getInteriorRingN(i).getCoordinates());
    }
    return rings;
  }

  private static double[][] positions(Coordinate[] cs) {
    double[][] out = new double[cs.length][];
    for (int i = 0; i < cs.length; i++) {
      out[i] = position(cs[i]);
    }
    return out;
  }

  private static double[] position(Coordinate c) {
    return new double[] {c.getX(), c.getY()};
  }
}
