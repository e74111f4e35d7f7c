package dev.terrace.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.Terrace;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Polygons as wide as the world, around the pole and across the antimeridian, against GDAL's
 * rasterizer on a synthetic 60–80° N grid (see {@code src/test/resources/wideband/README.md}): the
 * counts and means under {@code center} and {@code all_touched} are GDAL's, and the {@code exact}
 * rule covers the polygon's area.
 */
class WidePolygonConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Terrace engine;

  @BeforeAll
  static void open() {
    engine = Terrace.embedded(Conformance.resource("wideband/catalog.json"));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  static Stream<Arguments> cases() throws Exception {
    JsonNode features =
        JSON.readTree(Files.readString(Conformance.resource("wideband/wideband_polygons.geojson")))
            .get("features");
    List<Map<String, String>> expected = Conformance.csv("wideband/wideband_expected.csv");
    return expected.stream()
        .map(
            row -> {
              JsonNode feature = null;
              for (JsonNode f : features) {
                if (f.get("properties").get("id").asText().equals(row.get("id"))) {
                  feature = f;
                }
              }
              try {
                Geometry g = JSON.treeToValue(feature.get("geometry"), Geometry.class);
                return Arguments.of(
                    row.get("id"),
                    row.get("pixel_rule"),
                    g,
                    row.get("pixel_count"),
                    row.get("mean"));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void countsAndMeansAreGdals(
      String id, String rule, Geometry geometry, String count, String mean) {
    ExtractResponse response =
        engine.extract(
            ExtractRequest.builder()
                .geometry(geometry)
                .datasets("wideband:value")
                .pixelRule(PixelRule.of(rule))
                .build());
    ExtractResult r = response.results().get(0);
    if (rule.equals("exact")) {
      double area = Double.parseDouble(count);
      if (area == Math.rint(area)) {
        // Edges on cell boundaries: every cell counted is covered whole.
        assertThat(r.pixelCount()).isEqualTo((long) area);
      } else {
        // Cells cut by the edges count whole, so the count lies between the area and the cells GDAL
        // finds touched.
        long touched =
            Conformance.csv("wideband/wideband_expected.csv").stream()
                .filter(
                    row -> row.get("id").equals(id) && row.get("pixel_rule").equals("all_touched"))
                .mapToLong(row -> Long.parseLong(row.get("pixel_count")))
                .findFirst()
                .orElseThrow();
        assertThat((double) r.pixelCount()).isBetween(area, (double) touched);
      }
      assertThat(r.jsonValue()).isNotNull();
      return;
    }
    assertThat(r.pixelCount()).as("pixel_count").isEqualTo(Long.parseLong(count));
    assertThat(((Number) r.jsonValue()).doubleValue())
        .as("mean")
        .isCloseTo(Double.parseDouble(mean), within(1e-9));
  }
}
