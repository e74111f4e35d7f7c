package dev.terrace.engine.conformance.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.LineString;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry column of the case tables, in the peers' own terms:
 *
 * <ul>
 *   <li>{@code polygons.geojson#0}: the first feature of a rasterstats vector (converted to
 *       lon/lat), whose statistics rasterstats' tests read as {@code stats[0]};
 *   <li>{@code point_query#245309 1000064}: a point of rasterstats' {@code test_point.py}, by its
 *       coordinates in slope.tif's CRS, sent as the lon/lat {@code point_queries.csv} holds for it;
 *   <li>{@code rect xmin ymin xmax ymax}: exactextract's {@code make_rect};
 *   <li>{@code polygon x y; x y; ...} (closed), {@code line x y; x y; ...}, {@code point x y}: the
 *       peers' WKT;
 *   <li>{@code circle x y r n}: a circle of n segments, as shapely's {@code buffer} approximates
 *       one;
 *   <li>{@code geojson {...}}: anything else.
 * </ul>
 */
final class PeerGeometry {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PeerGeometry() {}

  static Geometry parse(String text) {
    String t = text.strip();
    int hash = t.indexOf('#');
    if (hash > 0 && t.substring(0, hash).endsWith(".geojson")) {
      return feature(t.substring(0, hash), Integer.parseInt(t.substring(hash + 1)));
    }
    if (t.startsWith("point_query#")) {
      return pointQuery(t.substring("point_query#".length()));
    }
    int space = t.indexOf(' ');
    String kind = t.substring(0, space).toLowerCase(Locale.ROOT);
    String rest = t.substring(space + 1).strip();
    switch (kind) {
      case "rect":
        {
          double[] v = numbers(rest);
          return Polygon.rectangle(v[0], v[1], v[2], v[3]);
        }
      case "polygon":
        return Polygon.of(coordinates(rest));
      case "line":
        return new LineString(coordinates(rest));
      case "point":
        {
          double[] v = numbers(rest);
          return Point.of(v[0], v[1]);
        }
      case "circle":
        {
          double[] v = numbers(rest);
          int n = (int) v[3];
          double[][] ring = new double[n + 1][];
          for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            ring[i] = new double[] {v[0] + v[2] * Math.cos(a), v[1] + v[2] * Math.sin(a)};
          }
          ring[n] = ring[0];
          return Polygon.of(ring);
        }
      case "geojson":
        try {
          return JSON.readValue(rest, Geometry.class);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      default:
        throw new IllegalArgumentException("unknown geometry: " + text);
    }
  }

  private static double[] numbers(String text) {
    String[] parts = text.trim().split("\\s+");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i]);
    }
    return out;
  }

  private static double[][] coordinates(String text) {
    List<double[]> out = new ArrayList<>();
    for (String xy : text.split("[;,]")) {
      out.add(numbers(xy));
    }
    return out.toArray(double[][]::new);
  }

  private static Geometry feature(String file, int index) {
    try {
      JsonNode root = JSON.readTree(PeerCsv.resource("rasterstats/" + file).toFile());
      JsonNode features = root.get("features");
      if (index < features.size()) {
        return JSON.treeToValue(features.get(index).get("geometry"), Geometry.class);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException(file + " has no feature " + index);
  }

  private static Geometry pointQuery(String xy) {
    double[] v = numbers(xy);
    for (Map<String, String> row : PeerCsv.read("rasterstats/point_queries.csv")) {
      if (Double.parseDouble(row.get("x")) == v[0] && Double.parseDouble(row.get("y")) == v[1]) {
        return Point.of(Double.parseDouble(row.get("lon")), Double.parseDouble(row.get("lat")));
      }
    }
    throw new IllegalArgumentException("point_queries.csv has no point " + xy);
  }
}
