package dev.terrace.engine.internal.geometry;

import dev.terrace.api.ErrorType;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.geojson.Feature;
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
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.TopologyException;

/**
 * Turns a request's GeoJSON geometry into JTS, refusing what cannot be measured — unclosed or
 * too-short rings, NaN or infinite coordinates, latitudes beyond ±90, too many vertices — with the
 * path of the offending coordinate. Nothing is repaired silently: an invalid polygon (a
 * self-intersecting ring, a hole outside its shell or around it) is refused naming its ring and
 * JTS's first problem with its coordinate, unless the request asks for repair, which {@link
 * org.locationtech.jts.geom.util.GeometryFixer} does and a warning reports. Overlapping parts of a
 * MultiPolygon are not refused: they are read as their union, with a warning. In longitude/latitude
 * a ring crosses the antimeridian only where one of its edges spans more than 180° of longitude
 * (RFC 7946); such polygons are split there, everything else is read as the planar polygon it is,
 * however wide (see {@code Antimeridian}).
 */
public final class GeometryReader {

  /**
   * The error type of a well-formed polygon that is not valid (OGC simple features): it can be
   * repaired, and in a batch it fails only its own entry.
   */
  public static final String INVALID_GEOMETRY = "invalid_geometry";

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final int maxVertices;
  private final boolean lonLat;
  private final boolean repair;
  private final List<Object> root;
  private final List<FieldError> errors = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  /** The path inside the geometry being read, e.g. {@code geometries, 3} within a collection. */
  private final List<Object> prefix = new ArrayList<>();

  private int vertices;

  private GeometryReader(int maxVertices, boolean lonLat, boolean repair, List<Object> root) {
    this.maxVertices = maxVertices;
    this.lonLat = lonLat;
    this.repair = repair;
    this.root = root;
  }

  /**
   * @param geometry the request's geometry, possibly a Feature
   * @param maxVertices the most vertices accepted
   * @param lonLat whether coordinates are longitude/latitude (so latitudes must lie in [−90, 90]
   *     and antimeridian crossings are split)
   * @param repair whether an invalid polygon is repaired (with a warning) rather than refused
   * @param path where the geometry sits in the request, e.g. {@code "geometry"} or {@code
   *     "geometries", 3}
   * @return the validated geometry, with what was done to it in its warnings
   * @throws InvalidRequestException naming each offending field; an invalid polygon's error has the
   *     type {@value #INVALID_GEOMETRY}
   */
  public static RequestGeometry read(
      dev.terrace.api.geojson.Geometry geometry,
      int maxVertices,
      boolean lonLat,
      boolean repair,
      Object... path) {
    GeometryReader reader = new GeometryReader(maxVertices, lonLat, repair, List.of(path));
    RequestGeometry out = reader.read(geometry);
    if (!reader.errors.isEmpty()) {
      throw new InvalidRequestException(ErrorType.VALIDATION_ERROR, reader.errors);
    }
    if (reader.vertices > maxVertices) {
      throw InvalidRequestException.of(
          ErrorType.REQUEST_LIMIT,
          "the geometry has " + reader.vertices + " vertices; the limit is " + maxVertices,
          "too_many_vertices",
          path);
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
    Geometry jts =
        switch (g) {
          case Point p -> FACTORY.createPoint(coordinate(p.coordinates(), "coordinates"));
          case MultiPoint m ->
              FACTORY.createMultiPointFromCoords(coordinates(m.coordinates(), 1, "coordinates"));
          case LineString l ->
              FACTORY.createLineString(coordinates(l.coordinates(), 2, "coordinates"));
          case MultiLineString m -> lines(m.coordinates());
          case Polygon p -> polygon(p.coordinates(), "coordinates");
          case MultiPolygon m -> multiPolygon(m.coordinates());
          case GeometryCollection c -> collection(c);
          case Feature f -> throw new AssertionError("unwrapped above");
        };
    if (jts == null || !errors.isEmpty()) {
      return null;
    }
    RequestGeometry.Kind kind =
        switch (jts.getDimension()) {
          case 0 -> RequestGeometry.Kind.POINTS;
          case 1 -> RequestGeometry.Kind.LINES;
          default -> RequestGeometry.Kind.AREAS;
        };
    return new RequestGeometry(jts, kind, vertices, warnings);
  }

  private Geometry lines(double[][][] lines) {
    if (lines == null || lines.length == 0) {
      error("a MultiLineString needs at least one line", "too_short", "coordinates");
      return null;
    }
    org.locationtech.jts.geom.LineString[] out =
        new org.locationtech.jts.geom.LineString[lines.length];
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
    List<Geometry> read = new ArrayList<>();
    for (int i = 0; i < polygons.length; i++) {
      Geometry g = polygon(polygons[i], "coordinates", i);
      read.add(g);
      for (int k = 0; g != null && k < g.getNumGeometries(); k++) {
        parts.add((org.locationtech.jts.geom.Polygon) g.getGeometryN(k));
      }
    }
    if (errors.isEmpty()) {
      warnIfOverlapping(read);
    }
    return errors.isEmpty()
        ? FACTORY.createMultiPolygon(parts.toArray(org.locationtech.jts.geom.Polygon[]::new))
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
      RequestGeometry part =
          withPrefix("geometries", () -> withPrefix(index, () -> read(c.geometries().get(index))));
      if (part != null) {
        parts.add(part.geometry());
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    int dimension = parts.get(0).getDimension();
    if (parts.stream().anyMatch(p -> p.getDimension() != dimension)) {
      error(
          "a GeometryCollection must hold only points, only lines or only polygons",
          "mixed_geometry",
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
    org.locationtech.jts.geom.Polygon written =
        FACTORY.createPolygon(built[0], java.util.Arrays.copyOfRange(built, 1, built.length));
    // Validity is judged on the unwrapped polygon: a ring written 179 -> -179 is only
    // self-intersecting when read
    // the long way round, which is not how it is meant.
    org.locationtech.jts.geom.Polygon planar = written;
    if (lonLat) {
      planar = Antimeridian.unwrap(written);
      if (planar == null) {
        planar = written;
        warn(
            at,
            "a ring crosses the antimeridian an odd number of times (it circles a pole), so it cannot be"
                + " split there; it is read as the planar longitude/latitude polygon its coordinates describe, as GDAL"
                + " reads it");
      }
    }
    Geometry valid = valid(planar, at);
    if (valid == null) {
      return null;
    }
    if (!lonLat) {
      return valid;
    }
    try {
      List<org.locationtech.jts.geom.Polygon> parts = new ArrayList<>();
      for (int i = 0; i < valid.getNumGeometries(); i++) {
        Geometry cut = Antimeridian.cut((org.locationtech.jts.geom.Polygon) valid.getGeometryN(i));
        for (int k = 0; k < cut.getNumGeometries(); k++) {
          parts.add((org.locationtech.jts.geom.Polygon) cut.getGeometryN(k));
        }
      }
      return parts.size() == 1
          ? parts.get(0)
          : FACTORY.createMultiPolygon(parts.toArray(org.locationtech.jts.geom.Polygon[]::new));
    } catch (TopologyException e) {
      error(
          "the polygon cannot be cut at the antimeridian: " + e.getMessage(), INVALID_GEOMETRY, at);
      return null;
    }
  }

  /**
   * @return the polygon when it is valid, its repair when it is not and the request allows that,
   *     otherwise null with the error naming the ring and JTS's first problem
   */
  private Geometry valid(org.locationtech.jts.geom.Polygon polygon, Object[] at) {
    RingValidity.Problem problem = RingValidity.check(polygon);
    if (problem == null) {
      return polygon;
    }
    Object[] ring = append(at, problem.ring());
    String what =
        problem.message()
            + (problem.at() == null
                ? ""
                : " at [" + longitude(problem.at().x) + ", " + problem.at().y + "]");
    if (!repair) {
      error(
          "the polygon is not valid: " + what + ". Send \"repair\": true to have it repaired",
          INVALID_GEOMETRY,
          ring);
      return null;
    }
    Geometry fixed = RingValidity.repair(polygon);
    List<org.locationtech.jts.geom.Polygon> parts = new ArrayList<>();
    org.locationtech.jts.geom.util.PolygonExtracter.getPolygons(fixed, parts);
    parts.removeIf(Geometry::isEmpty);
    if (parts.isEmpty()) {
      error(
          "the polygon is not valid ("
              + what
              + ") and nothing with an area is left when it is repaired",
          INVALID_GEOMETRY,
          ring);
      return null;
    }
    warn(
        ring,
        "the polygon was not valid ("
            + what
            + "); it was repaired with JTS's GeometryFixer, as the request"
            + " asked");
    return FACTORY.createMultiPolygon(parts.toArray(org.locationtech.jts.geom.Polygon[]::new));
  }

  /**
   * @return a longitude of an unwrapped ring written back into [−180, 180], as the request would
   *     have it
   */
  private double longitude(double x) {
    if (!lonLat) {
      return x;
    }
    return x > 180 ? x - 360 : x < -180 ? x + 360 : x;
  }

  /**
   * Overlapping parts are not an error: the coverage sweep reads a MultiPolygon as the union of its
   * parts. They are worth a word, since the caller may have meant to count the overlap twice.
   */
  private void warnIfOverlapping(List<Geometry> parts) {
    for (int i = 0; i < parts.size(); i++) {
      for (int j = i + 1; j < parts.size(); j++) {
        Geometry a = parts.get(i);
        Geometry b = parts.get(j);
        if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())
            && a.relate(b, "T********")) {
          warn(
              new Object[] {"coordinates"},
              "polygons "
                  + i
                  + " and "
                  + j
                  + " of the MultiPolygon overlap; a"
                  + " MultiPolygon is read as the union of its parts, so cells under both count once");
          return;
        }
      }
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
      error(
          "needs at least " + min + " positions, got " + (positions == null ? 0 : positions.length),
          "too_short",
          at);
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
      error(
          "longitude must lie in [-180, 180] (up to ±540 for rings crossing the antimeridian) and latitude in "
              + "[-90, 90], got ["
              + x
              + ", "
              + y
              + "]; coordinates are [longitude, latitude]",
          "out_of_range",
          at);
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

  private void warn(Object[] at, String msg) {
    List<Object> loc = new ArrayList<>(root);
    loc.addAll(prefix);
    loc.addAll(List.of(at));
    warnings.add(new FieldError(loc, msg, "warning").path() + ": " + msg);
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
