package dev.terrace.engine;

import static dev.terrace.engine.LuxCells.CELL;
import static dev.terrace.engine.LuxCells.NORTH;
import static dev.terrace.engine.LuxCells.WEST;
import static dev.terrace.engine.LuxCells.cells;
import static dev.terrace.engine.LuxCells.centre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CoverageWeight;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code weights}, the {@code weighted_*} statistics and {@code coverage_weight} on the built-in
 * samples, with answers worked out by hand from the cells' values (read as points): lux:elevation
 * is 95 × 90 cells of 1/120° from (5.741666…, 50.191666…), and row 2 holds data from column 27 to
 * 35. The comparison with exactextract itself, on other grids too, is {@code
 * conformance.WeightsConformanceTest}.
 */
class WeightsTest {

  /** exactextract's sphere. */
  private static final double R = 6_378_137;

  private static Terrace terrace;

  @BeforeAll
  static void open() {
    terrace = Terrace.embedded();
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  private static double cell(int col, int row) {
    return number(ExtractRequest.builder().geometry(centre(col, row)));
  }

  private static ExtractResult one(ExtractRequest.Builder request) {
    return terrace.extract(request.datasets("lux:elevation").build()).results().get(0);
  }

  private static double number(ExtractRequest.Builder request) {
    return one(request).number().orElseThrow();
  }

  @Test
  void aDatasetWeightedByItselfGivesTheSumOfSquaresOverTheSum() {
    double a = cell(30, 2);
    double b = cell(31, 2);
    // Half of column 30 and all of column 31: coverage 0.5 and 1.
    ExtractRequest.Builder r =
        ExtractRequest.builder().geometry(cells(30.5, 32, 2, 3)).weights("lux:elevation");
    double sumW = 0.5 * a + b;
    double sumXW = 0.5 * a * a + b * b;
    assertThat(number(r.aggregation(Aggregation.WEIGHTED_MEAN)))
        .isCloseTo(sumXW / sumW, within(1e-9));
    assertThat(number(r.aggregation(Aggregation.WEIGHTED_SUM))).isCloseTo(sumXW, within(1e-6));
    double mean = sumXW / sumW;
    double variance = (0.5 * a * (a - mean) * (a - mean) + b * (b - mean) * (b - mean)) / sumW;
    assertThat(number(r.aggregation(Aggregation.WEIGHTED_VARIANCE)))
        .isCloseTo(variance, within(1e-6));
    assertThat(number(r.aggregation(Aggregation.WEIGHTED_STD)))
        .isCloseTo(Math.sqrt(variance), within(1e-9));
    ExtractResult frac = one(r.aggregation(Aggregation.WEIGHTED_FRAC));
    assertThat(frac.distribution().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1, within(1e-12));
    // The unweighted statistics of the same cells, for contrast: the coverage alone weighs them.
    assertThat(number(ExtractRequest.builder().geometry(cells(30.5, 32, 2, 3))))
        .isCloseTo((0.5 * a + b) / 1.5, within(1e-9));
  }

  @Test
  void aWeightedPointAnswersItsOwnValueAndBatchesOfPointsToo() {
    Point p = Point.of(WEST + 31.5 * CELL, NORTH - 2.5 * CELL);
    double value = cell(31, 2);
    assertThat(
            number(
                ExtractRequest.builder()
                    .geometry(p)
                    .aggregation(Aggregation.WEIGHTED_MEAN)
                    .weights("lux:elevation")))
        .isEqualTo(value);
    assertThat(
            number(
                ExtractRequest.builder()
                    .geometry(p)
                    .aggregation(Aggregation.WEIGHTED_SUM)
                    .weights("lux:elevation")))
        .isCloseTo(value * value, within(1e-6));
    var batch =
        terrace.batchExtract(
            BatchExtractRequest.builder()
                .geometry(p)
                .geometry(Point.of(WEST + 30.5 * CELL, NORTH - 2.5 * CELL))
                .datasets("lux:elevation")
                .aggregation(Aggregation.WEIGHTED_MEAN)
                .weights("lux:elevation")
                .build());
    assertThat(batch.responses())
        .extracting(e -> e.results().get(0).number().orElseThrow())
        .containsExactly(value, cell(30, 2));
  }

  @Test
  void coverageWeightNoneCountsEveryTouchedCellAsWhole() {
    // Two by two cells, centred on a cell: nine cells touched, four covered in all.
    Polygon quarters = cells(30.5, 32.5, 2.5, 4.5);
    assertThat(number(ExtractRequest.builder().geometry(quarters).aggregation(Aggregation.COUNT)))
        .isCloseTo(4, within(1e-9));
    assertThat(
            number(
                ExtractRequest.builder()
                    .geometry(quarters)
                    .aggregation(Aggregation.COUNT)
                    .coverageWeight(CoverageWeight.NONE)))
        .isEqualTo(9);
    double mean =
        (cell(30, 2)
                + cell(31, 2)
                + cell(32, 2)
                + cell(30, 3)
                + cell(31, 3)
                + cell(32, 3)
                + cell(30, 4)
                + cell(31, 4)
                + cell(32, 4))
            / 9;
    assertThat(
            number(ExtractRequest.builder().geometry(quarters).coverageWeight(CoverageWeight.NONE)))
        .isCloseTo(mean, within(1e-9));
  }

  @Test
  void areaWeightsCountCellsByTheirAreaInDegreesOrOnTheSphere() {
    Polygon twoCells = cells(30, 32, 2, 3);
    assertThat(
            number(
                ExtractRequest.builder()
                    .geometry(twoCells)
                    .aggregation(Aggregation.COUNT)
                    .coverageWeight(CoverageWeight.AREA_CARTESIAN)))
        .isCloseTo(2 * CELL * CELL, within(1e-15));
    double top = Math.toRadians(NORTH - 2 * CELL);
    double bottom = Math.toRadians(NORTH - 3 * CELL);
    double cellM2 = R * R * Math.toRadians(CELL) * (Math.sin(top) - Math.sin(bottom));
    assertThat(
            number(
                ExtractRequest.builder()
                    .geometry(twoCells)
                    .aggregation(Aggregation.COUNT)
                    .coverageWeight(CoverageWeight.AREA_SPHERICAL_M2)))
        .isCloseTo(2 * cellM2, within(1e-6));
    // About 595 m × 927 m at 50° N.
    assertThat(cellM2).isBetween(5.4e5, 5.6e5);
    // Area weights leave the mean of equal-area cells as it was.
    assertThat(
            number(
                ExtractRequest.builder()
                    .geometry(twoCells)
                    .coverageWeight(CoverageWeight.AREA_SPHERICAL_M2)))
        .isCloseTo((cell(30, 2) + cell(31, 2)) / 2, within(1e-9));
  }

  @Test
  void sphericalAreasOfAProjectedGridAreRefusedForThatDatasetWithAWarning() {
    ExtractResponse response =
        terrace.extract(
            ExtractRequest.builder()
                .geometry(Polygon.rectangle(-34.86, -8.02, -34.85, -8.01))
                .datasets("olinda:elevation", "lux:elevation")
                .coverageWeight(CoverageWeight.AREA_SPHERICAL_M2)
                .build());
    assertThat(response.results().get(0).quality()).isEqualTo(Quality.MISSING);
    assertThat(response.results().get(0).jsonValue()).isNull();
    assertThat(response.warnings())
        .anyMatch(w -> w.startsWith("olinda:elevation") && w.contains("area_cartesian"));
  }

  @Test
  void weightedStatisticsNeedWeightsThatExistOrAreRefusedNamingTheField() {
    Polygon p = cells(30, 32, 2, 3);
    assertRefused(
        ExtractRequest.builder().geometry(p).aggregation(Aggregation.WEIGHTED_MEAN),
        "weights",
        "needs weights");
    // As in exactextract, where one request asks for several statistics, the unweighted ones ignore
    // weights.
    assertThat(number(ExtractRequest.builder().geometry(p).weights("lux:elevation")))
        .isEqualTo(number(ExtractRequest.builder().geometry(p)));
    assertRefused(
        ExtractRequest.builder()
            .geometry(p)
            .aggregation(Aggregation.WEIGHTED_SUM)
            .weights("lux:nope"),
        "weights",
        "unknown dataset");
    assertRefused(
        ExtractRequest.builder().geometry(p).defaultWeight(1.0), "default_weight", "set weights");
    assertRefused(
        ExtractRequest.builder()
            .geometry(p)
            .aggregation(Aggregation.WEIGHTED_SUM)
            .weights("lux:elevation")
            .defaultWeight(Double.NaN),
        "default_weight",
        "finite");
  }

  private static void assertRefused(ExtractRequest.Builder request, String field, String message) {
    assertThatThrownBy(() -> one(request))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.fieldErrors())
                    .singleElement()
                    .satisfies(
                        error -> {
                          assertThat(error.path()).isEqualTo(field);
                          assertThat(error.msg()).contains(message);
                        }));
  }

  @Test
  void pixelRulesApplyBeforeTheWeights() {
    // Under center, the half-covered column 30 does not count at all.
    ExtractRequest.Builder r =
        ExtractRequest.builder()
            .geometry(cells(30.6, 32, 2, 3))
            .weights("lux:elevation")
            .aggregation(Aggregation.WEIGHTED_MEAN)
            .pixelRule(PixelRule.CENTER);
    assertThat(number(r)).isEqualTo(cell(31, 2));
    assertThat(List.of(one(r).pixelCount())).containsExactly(1L);
  }
}
