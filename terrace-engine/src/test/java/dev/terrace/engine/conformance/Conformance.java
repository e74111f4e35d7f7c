package dev.terrace.engine.conformance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.Terrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the conformance tests share: the fixture files (GDAL/GEOS/PROJ answers, see {@code
 * src/test/resources/conformance/README.md}), one embedded engine over the built-in catalog, and a
 * memo of batch answers, so that each (dataset, geometries, rule, statistic) is one batch request
 * however many test cases read it.
 */
public final class Conformance {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Map<Integer, List<ExtractResult>>> ANSWERS =
      new ConcurrentHashMap<>();

  /** Providers served from a test catalog rather than the built-in one, by slug. */
  private static final Map<String, String> TEST_CATALOGS =
      Map.of("bcsd_stack", "timeseries/catalog.json");

  private static final Map<String, Terrace> TEST_ENGINES = new ConcurrentHashMap<>();
  private static final Map<String, Map<Integer, Geometry>> FEATURES = new ConcurrentHashMap<>();
  private static volatile Terrace engine;

  private Conformance() {}

  /**
   * @return the engine over the built-in catalog, shared by every conformance test, closed at JVM
   *     exit
   */
  static Terrace engine() {
    Terrace e = engine;
    if (e == null) {
      synchronized (Conformance.class) {
        if (engine == null) {
          engine = Terrace.embedded();
          Terrace created = engine;
          Runtime.getRuntime().addShutdownHook(new Thread(created::close));
        }
        e = engine;
      }
    }
    return e;
  }

  /**
   * @param datasetId a dataset id
   * @return the engine serving it: the built-in catalog's, or that of the test catalog listing its
   *     provider
   */
  static Terrace engine(String datasetId) {
    String catalog = TEST_CATALOGS.get(datasetId.substring(0, datasetId.indexOf(':')));
    if (catalog == null) {
      return engine();
    }
    return TEST_ENGINES.computeIfAbsent(
        catalog,
        c -> {
          Terrace created = Terrace.embedded(resource(c));
          Runtime.getRuntime().addShutdownHook(new Thread(created::close));
          return created;
        });
  }

  /**
   * @param resource a test resource path, such as {@code conformance/lc_polygons.geojson}
   * @return the file
   */
  public static Path resource(String resource) {
    URL url = Conformance.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a CSV with a header line; fields may be quoted ({@code "..."}, with {@code ""} for a
   * quote), as Python's csv module writes the JSON columns. Lines starting with {@code #} are
   * comments, so that a table can say where its rows come from.
   *
   * @param resource the test resource
   * @return one map per row, column name to the field as written (empty string for an empty field)
   */
  public static List<Map<String, String>> csv(String resource) {
    String text;
    try {
      text = Files.readString(resource(resource), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (lineStart && !quoted && ch == '#') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
        continue;
      }
      lineStart = (ch == '\n' || ch == '\r') && !quoted;
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(ch);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      if (r.size() == 1 && r.get(0).isEmpty()) {
        continue;
      }
      if (r.size() != header.size()) {
        throw new IllegalStateException(
            resource + ": a row has " + r.size() + " fields, the header " + header.size());
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), r.get(c));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Reads a GeoJSON FeatureCollection into the API's geometry records.
   *
   * @param resource the test resource
   * @return feature {@code id} property to geometry, in file order (memoised, unmodifiable)
   */
  static Map<Integer, Geometry> features(String resource) {
    return FEATURES.computeIfAbsent(resource, Conformance::readFeatures);
  }

  private static Map<Integer, Geometry> readFeatures(String resource) {
    try {
      JsonNode root = JSON.readTree(resource(resource).toFile());
      Map<Integer, Geometry> out = new LinkedHashMap<>();
      for (JsonNode feature : root.get("features")) {
        int id = feature.get("properties").get("id").asInt();
        Geometry previous = out.put(id, JSON.treeToValue(feature.get("geometry"), Geometry.class));
        if (previous != null) {
          throw new IllegalStateException(resource + ": duplicate feature id " + id);
        }
      }
      return Collections.unmodifiableMap(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param json a JSON object of class label to fraction, as the {@code *_frac} columns hold it
   * @return the map
   */
  static Map<String, Double> fractions(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Double>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The engine's answers for every feature of a GeoJSON file, from one batch request (memoised).
   *
   * @param datasetId the dataset
   * @param geojson the test resource holding the features
   * @param rule the pixel rule, or null for the request's default
   * @param aggregation the statistic, or null for the request's default
   * @return feature id to the dataset's result
   */
  static Map<Integer, ExtractResult> answers(
      String datasetId, String geojson, PixelRule rule, String aggregation) {
    Map<Integer, ExtractResult> out = new LinkedHashMap<>();
    series(datasetId, geojson, rule, aggregation)
        .forEach(
            (id, results) -> {
              if (results.size() != 1) {
                throw new IllegalStateException(
                    "feature " + id + ": " + results.size() + " results for one dataset");
              }
              out.put(id, results.get(0));
            });
    return out;
  }

  /**
   * The engine's answers for every feature of a GeoJSON file from a time-varying dataset: one batch
   * request over every timestamp (memoised).
   *
   * @return feature id to the dataset's results, one per timestamp in time order
   */
  static Map<Integer, List<ExtractResult>> series(
      String datasetId, String geojson, PixelRule rule, String aggregation) {
    String key = datasetId + '|' + geojson + '|' + rule + '|' + aggregation;
    return ANSWERS.computeIfAbsent(key, k -> batch(datasetId, geojson, rule, aggregation));
  }

  /**
   * @param series a feature's results over time
   * @param date the date a fixture row names, {@code 1999-01-31}
   * @return the result at that date
   */
  static ExtractResult at(List<ExtractResult> series, String date) {
    return series.stream()
        .filter(r -> (date + "T00:00:00Z").equals(r.timestamp()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no result at "
                        + date
                        + " among "
                        + series.stream().map(ExtractResult::timestamp).toList()));
  }

  private static Map<Integer, List<ExtractResult>> batch(
      String datasetId, String geojson, PixelRule rule, String aggregation) {
    Map<Integer, Geometry> features = features(geojson);
    BatchExtractRequest.Builder request =
        BatchExtractRequest.builder()
            .geometries(new ArrayList<>(features.values()))
            .datasetIds(List.of(datasetId));
    if (rule != null) {
      request.pixelRule(rule);
    }
    if (aggregation != null) {
      request.aggregation(aggregation);
    }
    BatchExtractResponse response = engine(datasetId).batchExtract(request.build());
    if (response.responses().size() != features.size()) {
      throw new IllegalStateException(
          "batch of "
              + features.size()
              + " geometries answered "
              + response.responses().size()
              + " times");
    }
    Map<Integer, List<ExtractResult>> out = new LinkedHashMap<>();
    int i = 0;
    for (int id : features.keySet()) {
      ExtractResponse r = response.responses().get(i++);
      out.put(id, r.results());
    }
    return out;
  }

  /**
   * @param selector a fixture column and the value that picks a raster's rows, {@code band=1} or
   *     {@code variable=pr}
   * @param row a fixture row
   * @return whether the row is one of that raster's
   */
  static boolean selects(String selector, Map<String, String> row) {
    String[] kv = selector.split("=");
    return row.get(kv[0]).equals(kv[1]);
  }

  /**
   * @return the field as a double; the field must not be empty
   */
  static double num(Map<String, String> row, String column) {
    String v = row.get(column);
    if (v == null) {
      throw new IllegalArgumentException("no column " + column);
    }
    if (v.isEmpty()) {
      throw new IllegalArgumentException("column " + column + " is empty in row " + row.get("id"));
    }
    return Double.parseDouble(v);
  }
}
