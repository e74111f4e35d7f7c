package dev.terrace.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Int64 and UInt64 rasters through the embedded API give GDAL's exact integers: the value of each
 * point, and min, max, majority, minority, variety and unique over polygons with the centre rule,
 * as the generator in {@code geotiff/int64} computed them with numpy on GDAL's ReadAsArray and
 * RasterizeLayer.
 */
class Int64ExtractionTest {

  private static Terrace terrace;
  private static Map<String, double[][]> polygons;

  @BeforeAll
  static void open(@TempDir Path dir) throws Exception {
    Path fixtures = fixtures();
    StringBuilder datasets = new StringBuilder();
    try (Stream<Path> files = Files.list(fixtures)) {
      for (Path tif : files.filter(p -> p.toString().endsWith(".tif")).sorted().toList()) {
        datasets
            .append(datasets.isEmpty() ? "" : ",")
            .append("{\"name\":\"")
            .append(name(tif.getFileName().toString()))
            .append("\",\"path\":")
            .append(new ObjectMapper().writeValueAsString(tif.toString()))
            .append(",\"data_type\":\"categorical\"}");
      }
    }
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        "{\"providers\":[{\"slug\":\"wide\",\"protocol\":\"cog\",\"datasets\":["
            + datasets
            + "]}]}");
    terrace = Terrace.embedded(catalog);
    polygons = readPolygons(fixtures.resolve("polygons.geojson"));
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  static Stream<Arguments> points() throws Exception {
    return csv("expected_points.csv").stream()
        .map(
            row ->
                Arguments.of(
                    Named.of(
                        row.get("file")
                            + " col "
                            + row.get("col")
                            + " row "
                            + row.get("row")
                            + " = "
                            + row.get("value"),
                        row)));
  }

  static Stream<Arguments> zones() throws Exception {
    return csv("expected_zonal.csv").stream()
        .map(row -> Arguments.of(Named.of(row.get("file") + " " + row.get("polygon"), row)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void aPointReadsTheExactInteger(Map<String, String> expected) {
    Point point =
        Point.of(Double.parseDouble(expected.get("lon")), Double.parseDouble(expected.get("lat")));
    ExtractResult r = terrace.extract(ExtractRequest.of(point, dataset(expected))).results().get(0);
    if (expected.get("value").isEmpty()) {
      assertThat(r.jsonValue()).isNull();
    } else {
      assertThat(exact(r.jsonValue())).isEqualTo(new BigInteger(expected.get("value")));
      assertThat(r.jsonValue()).isInstanceOfAny(Long.class, BigInteger.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zones")
  void aPolygonGivesTheExactMinMaxMajorityMinorityAndClasses(Map<String, String> expected) {
    Polygon polygon = Polygon.of(polygons.get(expected.get("polygon")));
    assertThat(exact(value(polygon, expected, "min")))
        .isEqualTo(new BigInteger(expected.get("min")));
    assertThat(exact(value(polygon, expected, "max")))
        .isEqualTo(new BigInteger(expected.get("max")));
    assertThat(exact(value(polygon, expected, "majority")))
        .isEqualTo(new BigInteger(expected.get("majority")));
    assertThat(exact(value(polygon, expected, "minority")))
        .isEqualTo(new BigInteger(expected.get("minority")));
    assertThat(((Number) value(polygon, expected, "count")).doubleValue())
        .isEqualTo(Double.parseDouble(expected.get("count")));
    assertThat(((Number) value(polygon, expected, "variety")).doubleValue())
        .isEqualTo(Double.parseDouble(expected.get("variety")));

    List<BigInteger> unique =
        ((List<?>) value(polygon, expected, "unique"))
            .stream().map(Int64ExtractionTest::exact).toList();
    assertThat(unique)
        .containsExactlyElementsOf(
            Arrays.stream(expected.get("unique").split(" ")).map(BigInteger::new).toList());

    Map<?, ?> distribution = (Map<?, ?>) value(polygon, expected, "distribution");
    assertThat(distribution.keySet().stream().map(k -> new BigInteger((String) k)).toList())
        .containsExactlyElementsOf(unique);
  }

  private static Object value(Polygon polygon, Map<String, String> expected, String aggregation) {
    return terrace
        .extract(
            ExtractRequest.builder()
                .geometry(polygon)
                .datasets(dataset(expected))
                .aggregation(aggregation)
                .pixelRule(PixelRule.CENTER)
                .build())
        .results()
        .get(0)
        .jsonValue();
  }

  /**
   * Exact values come as Long, or BigInteger beyond a long; a Double here would have lost digits.
   */
  private static BigInteger exact(Object value) {
    assertThat(value).isInstanceOfAny(Long.class, BigInteger.class);
    return new BigInteger(value.toString());
  }

  private static String dataset(Map<String, String> row) {
    return "wide:" + name(row.get("file"));
  }

  private static String name(String file) {
    return file.replace(".tif", "");
  }

  private static Path fixtures() throws URISyntaxException {
    return Path.of(
            Int64ExtractionTest.class.getResource("/geotiff/int64/expected_points.csv").toURI())
        .getParent();
  }

  private static Map<String, double[][]> readPolygons(Path geojson) throws IOException {
    Map<String, double[][]> out = new HashMap<>();
    for (JsonNode f : new ObjectMapper().readTree(geojson.toFile()).get("features")) {
      JsonNode ring = f.get("geometry").get("coordinates").get(0);
      double[][] xy = new double[ring.size()][];
      for (int i = 0; i < xy.length; i++) {
        xy[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
      }
      out.put(f.get("properties").get("name").asText(), xy);
    }
    return out;
  }

  private static List<Map<String, String>> csv(String name) throws Exception {
    List<String> lines = Files.readAllLines(fixtures().resolve(name));
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }
}
