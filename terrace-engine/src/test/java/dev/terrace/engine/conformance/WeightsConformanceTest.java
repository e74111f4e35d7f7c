package dev.terrace.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.CoverageWeight;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.Terrace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weighted statistics and {@code coverage_weight} against exactextract itself: every row of {@code
 * src/test/resources/weights/expected.csv} (exactextract's CLI over the synthetic rasters and
 * seeded polygons of that folder; see its README) must come out of the embedded engine within 2e-7
 * relative, or be null where exactextract answered NaN (a covered cell without a weight and no
 * {@code default_weight}).
 *
 * <p>Where Terrace deliberately answers otherwise the row's {@code terrace} column holds its answer
 * and {@code why} the reason, and that is asserted instead: {@code outside_weights}, a polygon
 * whose box misses the weights' extent, which exactextract skips even with a {@code default_weight}
 * while Terrace weighs its cells {@code default_weight} as it does a polygon partly outside the
 * weights, so that its answers are exactextract's unweighted mean and its sum times the weight.
 *
 * <p>Why 2e-7 and not 1e-9: exactextract keeps coverage fractions and cell areas in 32-bit floats
 * ({@code Raster<float>}, {@code SphericalAreaRaster<float>}), Terrace in doubles, so each term of
 * a sum differs by up to 6e-8 relative and a ratio of two sums by up to 1.2e-7 (the worst seen is
 * 3.5e-8). With {@code coverage_weight} none, where no fraction enters, the two agree to 1e-14.
 *
 * <p>One request per (case, statistic): a batch of all the polygons.
 */
class WeightsConformanceTest {

  private static final String DIR = "weights/";
  private static final double REL = 2e-7;

  /**
   * A std or variance near 0 is a difference of nearly equal sums: compared to 1e-9 of the values'
   * scale.
   */
  private static final double ABS_FLOOR = 1e-9 * 150;

  private static final Map<String, Map<Integer, ExtractResult>> ANSWERS = new ConcurrentHashMap<>();
  private static volatile Terrace terrace;

  /**
   * A row of expected.csv; {@code classValue} is set for weighted_frac only, {@code expected} null
   * for NaN.
   */
  record Row(
      String caseName,
      String values,
      String weights,
      Double defaultWeight,
      CoverageWeight coverage,
      Double minCoverage,
      Double defaultValue,
      int id,
      String aggregation,
      String classValue,
      Double expected,
      String why) {

    /**
     * Terrace's answer: exactextract's, or the {@code terrace} column where {@code why} says it
     * differs.
     */
    static Row of(Map<String, String> r) {
      String terrace = r.get("terrace");
      Double expected =
          terrace.isEmpty()
              ? number(r.get("value"))
              : terrace.equals("null") ? null : Double.valueOf(terrace);
      return new Row(
          r.get("case"),
          r.get("values"),
          r.get("weights"),
          number(r.get("default_weight")),
          r.get("coverage_weight").isEmpty() ? null : CoverageWeight.of(r.get("coverage_weight")),
          number(r.get("min_coverage_frac")),
          number(r.get("default_value")),
          Integer.parseInt(r.get("id")),
          r.get("aggregation"),
          r.get("class"),
          expected,
          r.get("why"));
    }

    String request() {
      return caseName + " " + aggregation;
    }
  }

  static Stream<Arguments> rows() {
    return Conformance.csv(DIR + "expected.csv").stream()
        .map(Row::of)
        .map(
            r ->
                Arguments.of(
                    Named.of(
                        r.caseName()
                            + " "
                            + r.aggregation()
                            + (r.classValue().isEmpty() ? "" : " class " + r.classValue())
                            + " polygon "
                            + r.id()
                            + " = "
                            + r.expected()
                            + (r.why().isEmpty() ? "" : " (" + r.why() + ")"),
                        r)));
  }

  @ParameterizedTest
  @MethodSource("rows")
  void matchesExactextract(Row row) {
    ExtractResult result = answer(row);
    Double got =
        row.classValue().isEmpty()
            ? (result.jsonValue() == null ? null : result.number().orElseThrow())
            : share(result, row.classValue());
    if (row.expected() == null) {
      assertThat(got).as("no value expected: %s", result).isNull();
      return;
    }
    assertThat(got).as("no value: %s", result).isNotNull();
    assertThat(Math.abs(got - row.expected()))
        .as("%s vs exactextract %s", got, row.expected())
        .isLessThanOrEqualTo(Math.max(REL * Math.abs(row.expected()), floor(row)));
  }

  /**
   * weighted_frac names no class exactextract does not: the rows above check only exactextract's.
   */
  @ParameterizedTest
  @MethodSource("fracPolygons")
  void weightedFracHasExactextractsClasses(List<Row> rows) {
    ExtractResult result = answer(rows.get(0));
    Set<Double> theirs =
        rows.stream().map(r -> Double.valueOf(r.classValue())).collect(Collectors.toSet());
    Set<Double> ours =
        result.jsonValue() == null
            ? Set.of()
            : result.distribution().keySet().stream()
                .map(Double::valueOf)
                .collect(Collectors.toSet());
    assertThat(ours).as("%s", result).isSubsetOf(theirs);
  }

  static Stream<Arguments> fracPolygons() {
    Map<String, List<Row>> byPolygon = new LinkedHashMap<>();
    Conformance.csv(DIR + "expected.csv").stream()
        .map(Row::of)
        .filter(r -> !r.classValue().isEmpty())
        .forEach(
            r ->
                byPolygon
                    .computeIfAbsent(r.request() + " polygon " + r.id(), k -> new ArrayList<>())
                    .add(r));
    return byPolygon.entrySet().stream().map(e -> Arguments.of(Named.of(e.getKey(), e.getValue())));
  }

  private static double floor(Row row) {
    return row.aggregation().equals("weighted_std")
        ? ABS_FLOOR
        : row.aggregation().equals("weighted_variance") ? ABS_FLOOR * ABS_FLOOR : 0;
  }

  /** A class's share in weighted_frac's object, whose keys may be written "1" or "1.0". */
  private static Double share(ExtractResult result, String classValue) {
    if (result.jsonValue() == null) {
      return null;
    }
    double wanted = Double.parseDouble(classValue);
    return result.distribution().entrySet().stream()
        .filter(e -> Double.parseDouble(e.getKey()) == wanted)
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(0.0);
  }

  private static ExtractResult answer(Row row) {
    return ANSWERS.computeIfAbsent(row.request(), k -> batch(row)).get(row.id());
  }

  private static Map<Integer, ExtractResult> batch(Row row) {
    Map<Integer, Geometry> features = Conformance.features(DIR + "polygons.geojson");
    BatchExtractRequest.Builder request =
        BatchExtractRequest.builder()
            .geometries(new ArrayList<>(features.values()))
            .datasets("weights:" + row.values())
            .aggregation(row.aggregation())
            .coverageWeight(row.coverage())
            .minCoverageFrac(row.minCoverage())
            .defaultValue(row.defaultValue())
            .defaultWeight(row.defaultWeight());
    if (!row.weights().isEmpty()) {
      request.weights("weights:" + row.weights());
    }
    BatchExtractResponse response = terrace().batchExtract(request.build());
    Map<Integer, ExtractResult> out = new LinkedHashMap<>();
    int i = 0;
    for (int id : features.keySet()) {
      out.put(id, response.responses().get(i++).results().get(0));
    }
    return out;
  }

  static Terrace terrace() {
    if (terrace == null) {
      synchronized (WeightsConformanceTest.class) {
        if (terrace == null) {
          terrace = Terrace.embedded(Conformance.resource(DIR + "catalog.json"));
        }
      }
    }
    return terrace;
  }

  @AfterAll
  static void close() {
    if (terrace != null) {
      terrace.close();
      terrace = null;
    }
  }

  private static Double number(String field) {
    return field == null || field.isEmpty() ? null : Double.valueOf(field);
  }
}
