package dev.terrace.openapi;

import dev.terrace.openapi.client.model.Geometry;
import dev.terrace.openapi.client.model.LineString;
import dev.terrace.openapi.client.model.MultiLineString;
import dev.terrace.openapi.client.model.MultiPolygon;
import dev.terrace.openapi.client.model.Point;
import dev.terrace.openapi.client.model.Polygon;
import java.util.Arrays;
import java.util.List;

/**
 * GeoJSON geometries built with the generated model, as a user of the generated client writes them.
 */
final class Geo {

  private Geo() {}

  static Geometry point(double lon, double lat) {
    return new Geometry(new Point().type(Point.TypeEnum.POINT).coordinates(List.of(lon, lat)));
  }

  /** A lon/lat rectangle, counter-clockwise from its south-west corner. */
  static Geometry box(double west, double south, double east, double north) {
    return new Geometry(
        new Polygon().type(Polygon.TypeEnum.POLYGON).coordinates(ring(west, south, east, north)));
  }

  static Geometry boxes(double[]... boxes) {
    return new Geometry(
        new MultiPolygon()
            .type(MultiPolygon.TypeEnum.MULTI_POLYGON)
            .coordinates(Arrays.stream(boxes).map(b -> ring(b[0], b[1], b[2], b[3])).toList()));
  }

  static Geometry line(double[]... positions) {
    return new Geometry(
        new LineString().type(LineString.TypeEnum.LINE_STRING).coordinates(positions(positions)));
  }

  static Geometry lines(double[][]... lines) {
    return new Geometry(
        new MultiLineString()
            .type(MultiLineString.TypeEnum.MULTI_LINE_STRING)
            .coordinates(Arrays.stream(lines).map(Geo::positions).toList()));
  }

  private static List<List<List<Double>>> ring(
      double west, double south, double east, double north) {
    return List.of(
        positions(
            new double[][] {
              {west, south}, {east, south}, {east, north}, {west, north}, {west, south}
            }));
  }

  private static List<List<Double>> positions(double[]... positions) {
    return Arrays.stream(positions).map(p -> List.of(p[0], p[1])).toList();
  }
}
