package dev.terrace.engine.geometry;

import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.GeometryCollection;
import dev.terrace.api.geojson.LineString;
import dev.terrace.api.geojson.MultiLineString;
import dev.terrace.api.geojson.MultiPoint;
import dev.terrace.api.geojson.MultiPolygon;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.InvalidRequestException;
import dev.terrace.engine.InvalidRequestException.FieldError;
import dev.terrace.engine.InvalidRequestException.Kind;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;

/**
 * Turns a request's GeoJSON geometry into JTS, refusing what cannot be measured — unclosed or too-short
 * rings, NaN or infinite coordinates, latitudes beyond ±90, too many vertices — with the path of the
 * offending coordinate. Nothing is repaired silently. Polygons crossing the antimeridian are split.
 */
public final class GeometryReader {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final int maxVertices;
  private final boolean lonLat;
  private final List<Object> root;
  private final List<FieldError> errors = new ArrayList<>();
  /** The path inside the geometry being read, e.g. {@code geometries, 3} within a collection. */
  private final List<Object> prefix = new ArrayList<>();
  private int vertices;

  private GeometryReader(int maxVertices, boolean lonLat, List<Object> root) {
    this.maxVertices = maxVertices;
    this.lonLat = lonLat;
    this.root = root;
  }

  /**
   * @param geometry the request's geometry, possibly a Feature
   * @param maxVertices the most vertices accepted
   * @param lonLat whether coordinates are longitude/latitude (so latitudes must lie in [−90, 90] and
   *     antimeridian crossings are split)
   * @param path where the geometry sits in the request, e.g. {@code "geometry"} or {@code "geometries", 3}
   * @return the validated geometry
   * @throws InvalidRequestException naming each offending field
   */
  public static RequestGeometry read(dev.terrace.api.geojson.Geometry geometry, int maxVertices, boolean lonLat,
      Object... path) {
    GeometryReader reader = new GeometryReader(maxVertices, lonLat, List.of(path));
    RequestGeometry out = reader.read(geometry);
    if (!reader.errors.isEmpty()) {
      throw new InvalidRequestException(Kind.VALIDATION_ERROR, reader.errors);
    }
    if (reader.vertices > maxVertices) {
      throw InvalidRequestException.of(Kind.REQUEST_LIMIT, "the geometry has " + reader.vertices
          + " vertices; the limit is " + maxVertices, "too_many_vertices", path);
    }
    return out;
  }

  private RequestGeometry read(dev.terrace.api.geojson.Geometry g) {
    if (g instanceof Feature feature) {
      if (feature.geometry() == null) {
        error("a Feature without a geometry cannot be extracted", "missing", "geometry");
        return null;
      }
      return withPrefix("geometry", () -> read(feature.geometry()));
    }
    if (g == null) {
      error("a geometry is required", "missing");
      return null;
    }
    Geometry jts = switch (g) {
      case Point p -> FACTORY.createPoint(coordinate(p.coordinates(), "coordinates"));
      case MultiPoint m -> FACTORY.createMultiPointFromCoords(coordinates(m.coordinates(), 1, "coordinates"));
      case LineString l -> FACTORY.createLineString(coordinates(l.coordinates(), 2, "coordinates"));
      case MultiLineString m -> lines(m.coordinates());
      case Polygon p -> polygon(p.coordinates(), "coordinates");
      case MultiPolygon m -> multiPolygon(m.coordinates());
      case GeometryCollection c -> collection(c);
      case Feature f -> throw new AssertionError("unwrapped above");
    };
    if (jts == null || !errors.isEmpty()) {
      return null;
    }
    RequestGeometry.Kind kind = switch (jts.getDimension()) {
      case 0 -> RequestGeometry.Kind.POINTS;
      case 1 -> RequestGeometry.Kind.LINES;
      default -> RequestGeometry.Kind.AREAS;
    };
    return new RequestGeometry(jts, kind, vertices);
  }

  private Geometry lines(double[][][] lines) {
    if (lines == null || lines.length == 0) {
      error("a MultiLineString needs at least one line", "too_short", "coordinates");
      return null;
    }
    org.locationtech.jts.geom.LineString[] out = new org.locationtech.jts.geom.LineString[lines.length];
    for (int i = 0; i < lines.length; i++) {
      Coordinate[] c = coordinates(lines[i], 2, "coordinates", i);
      out[i] = c == null ? null : FACTORY.createLineString(c);
    }
    return errors.isEmpty() ? FACTORY.createMultiLineString(out) : null;
  }

  private Geometry multiPolygon(double[][][][] polygons) {
    if (polygons == null || polygons.length == 0) {
      error("a MultiPolygon needs at least one polygon", "too_short", "coordinates");
      return null;
    }
    List<org.locationtech.jts.geom.Polygon> parts = new ArrayList<>();
    for (int i = 0; i < polygons.length; i++) {
      Geometry g = polygon(polygons[i], "coordinates", i);
      for (int k = 0; g != null && k < g.getNumGeometries(); k++) {
        parts.add((org.locationtech.jts.geom.Polygon) g.getGeometryN(k));
      }
    }
    return errors.isEmpty() ? FACTORY.createMultiPolygon(parts.toArray(org.locationtech.jts.geom.Polygon[]::new))
        : null;
  }

  private Geometry collection(GeometryCollection c) {
    if (c.geometries() == null || c.geometries().isEmpty()) {
      error("a GeometryCollection needs at least one geometry", "too_short", "geometries");
      return null;
    }
    List<Geometry> parts = new ArrayList<>();
    for (int i = 0; i < c.geometries().size(); i++) {
      int index = i;
      RequestGeometry part = withPrefix("geometries", () -> withPrefix(index, () -> read(c.geometries().get(index))));
      if (part != null) {
        parts.add(part.geometry());
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    int dimension = parts.get(0).getDimension();
    if (parts.stream().anyMatch(p -> p.getDimension() != dimension)) {
      error("a GeometryCollection must hold only points, only lines or only polygons", "mixed_geometry",
          "geometries");
      return null;
    }
    return FACTORY.buildGeometry(flatten(parts));
  }

  private static List<Geometry> flatten(List<Geometry> parts) {
    List<Geometry> out = new ArrayList<>();
    for (Geometry p : parts) {
      for (int i = 0; i < p.getNumGeometries(); i++) {
        out.add(p.getGeometryN(i));
      }
    }
    return out;
  }

  private Geometry polygon(double[][][] rings, Object... at) {
    if (rings == null || rings.length == 0) {
      error("a polygon needs an exterior ring", "too_short", at);
      return null;
    }
    LinearRing[] built = new LinearRing[rings.length];
    for (int r = 0; r < rings.length; r++) {
      built[r] = ring(rings[r], append(at, r));
    }
    if (!errors.isEmpty()) {
      return null;
    }
    org.locationtech.jts.geom.Polygon polygon = FACTORY.createPolygon(built[0],
        java.util.Arrays.copyOfRange(built, 1, built.length));
    if (!lonLat) {
      return polygon;
    }
    try {
      return Antimeridian.split(polygon);
    } catch (IllegalArgumentException e) {
      error(e.getMessage(), "value_error", at);
      return null;
    }
  }

  private LinearRing ring(double[][] ring, Object[] at) {
    Coordinate[] c = coordinates(ring, 4, at);
    if (c == null) {
      return null;
    }
    if (!c[0].equals2D(c[c.length - 1])) {
      error("the ring is not closed: its last position must repeat its first", "unclosed_ring", at);
      return null;
    }
    return FACTORY.createLinearRing(c);
  }

  private Coordinate[] coordinates(double[][] positions, int min, Object... at) {
    if (positions == null || positions.length < min) {
      error("needs at least " + min + " positions, got " + (positions == null ? 0 : positions.length), "too_short", at);
      return null;
    }
    Coordinate[] out = new Coordinate[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = coordinate(positions[i], append(at, i));
      if (out[i] == null) {
        return null;
      }
    }
    return out;
  }

  private Coordinate coordinate(double[] position, Object... at) {
    vertices++;
    if (position == null || position.length < 2) {
      error("a position needs x and y (longitude, latitude)", "too_short", at);
      return null;
    }
    double x = position[0];
    double y = position[1];
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      error("coordinates must be finite numbers, got [" + x + ", " + y + "]", "not_finite", at);
      return null;
    }
    if (lonLat && (y < -90 || y > 90 || x < -540 || x > 540)) {
      error("longitude must lie in [-180, 180] (up to ±540 for rings crossing the antimeridian) and latitude in "
          + "[-90, 90], got [" + x + ", " + y + "]; coordinates are [longitude, latitude]", "out_of_range", at);
      return null;
    }
    return new Coordinate(x, y);
  }

  private <T> T withPrefix(Object part, java.util.function.Supplier<T> body) {
    prefix.add(part);
    try {
      return body.get();
    } finally {
      prefix.remove(prefix.size() - 1);
    }
  }

  private void error(String msg, String type, Object... at) {
    List<Object> loc = new ArrayList<>(root);
    loc.addAll(prefix);
    loc.addAll(List.of(at));
    if (errors.size() < 20) {
      errors.add(new FieldError(loc, msg, type));
    }
  }

  private static Object[] append(Object[] at, Object next) {
    Object[] out = java.util.Arrays.copyOf(at, at.length + 1);
    out[at.length] = next;
    return out;
  }
}
