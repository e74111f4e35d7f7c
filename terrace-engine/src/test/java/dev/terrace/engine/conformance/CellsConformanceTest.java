package dev.terrace.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.Cell;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cells {@code cells} returns for the fixture polygons are the cells GDAL's answers are over
 * ({@code src/test/resources/conformance/README.md}): under {@code center} and {@code all_touched}
 * their number and the sum of their values are GDAL rasterize's count and sum (where the
 * conformance rules compare them: centre counts equal to GDAL's, all-touched rows with
 * touched_geom_diff 0); under {@code exact} their coverages sum to GEOS's covered area and their
 * coverage-weighted values to its weighted sum, over exact_ncells cells.
 */
class CellsConformanceTest {

  static Stream<Arguments> sources() {
    return Stream.of(
        Arguments.of("elev_lux", "lux:elevation"),
        Arguments.of("olinda_dem_utm25s", "olinda:elevation"),
        Arguments.of("lc", "pr_landcover:land_cover"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void centerCellsCountAndSumToGdal(String fixture, String datasetId) {
    Map<Integer, ExtractResult> answers = answers(fixture, datasetId, PixelRule.CENTER);
    int compared = 0;
    for (Map<String, String> row : rows(fixture)) {
      List<Cell> cells = cellsOf(answers, row);
      assertThat((double) cells.size())
          .as("feature %s", row.get("id"))
          .isBetween(
              Conformance.num(row, "center_count_lo"), Conformance.num(row, "center_count_hi"));
      if (cells.size() == Conformance.num(row, "center_count") && !cells.isEmpty()) {
        assertThat(sum(cells, false))
            .as("feature %s", row.get("id"))
            .isCloseTo(
                Conformance.num(row, "center_sum"),
                within(1e-9 * Math.abs(Conformance.num(row, "center_sum"))));
        assertThat(cells).allSatisfy(c -> assertThat(c.coverage()).isEqualTo(1));
        compared++;
      }
    }
    assertThat(compared).as("features compared").isGreaterThan(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void allTouchedCellsCountAndSumToGdal(String fixture, String datasetId) {
    Map<Integer, ExtractResult> answers = answers(fixture, datasetId, PixelRule.ALL_TOUCHED);
    int compared = 0;
    for (Map<String, String> row : rows(fixture)) {
      if (Conformance.num(row, "touched_geom_diff") != 0) {
        continue;
      }
      List<Cell> cells = cellsOf(answers, row);
      assertThat((double) cells.size())
          .as("feature %s", row.get("id"))
          .isEqualTo(Conformance.num(row, "touched_count"));
      if (!cells.isEmpty()) {
        assertThat(sum(cells, false))
            .as("feature %s", row.get("id"))
            .isCloseTo(
                Conformance.num(row, "touched_sum"),
                within(1e-9 * Math.abs(Conformance.num(row, "touched_sum"))));
      }
      compared++;
    }
    assertThat(compared).as("features compared").isGreaterThan(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void exactCoveragesSumToTheCoveredArea(String fixture, String datasetId) {
    Map<Integer, ExtractResult> answers = answers(fixture, datasetId, PixelRule.EXACT);
    for (Map<String, String> row : rows(fixture)) {
      List<Cell> cells = cellsOf(answers, row);
      String id = row.get("id");
      assertThat((double) cells.size())
          .as("feature %s", id)
          .isEqualTo(Conformance.num(row, "exact_ncells"));
      assertThat(cells)
          .allSatisfy(c -> assertThat(c.coverage()).isGreaterThan(0).isLessThanOrEqualTo(1));
      double count = Conformance.num(row, "exact_count");
      assertThat(cells.stream().mapToDouble(Cell::coverage).sum())
          .as("feature %s", id)
          .isCloseTo(count, within(1e-6 * count + 1e-12));
      if (!cells.isEmpty()) {
        double sum = Conformance.num(row, "exact_sum");
        assertThat(sum(cells, true))
            .as("feature %s", id)
            .isCloseTo(sum, within(1e-6 * Math.abs(sum) + 1e-9));
      }
      assertThat(cells)
          .isSortedAccordingTo(
              (a, b) ->
                  a.row() != b.row()
                      ? Long.compare(a.row(), b.row())
                      : Long.compare(a.col(), b.col()));
    }
  }

  private static Map<Integer, ExtractResult> answers(
      String fixture, String datasetId, PixelRule rule) {
    return Conformance.answers(
        datasetId, "conformance/" + fixture + "_polygons.geojson", rule, "cells");
  }

  private static List<Map<String, String>> rows(String fixture) {
    return Conformance.csv("conformance/" + fixture + "_polygons_expected.csv").stream()
        .filter(row -> Conformance.selects("band=1", row))
        .toList();
  }

  private static List<Cell> cellsOf(Map<Integer, ExtractResult> answers, Map<String, String> row) {
    ExtractResult result = answers.get(Integer.parseInt(row.get("id")));
    assertThat(result.pixelCount()).isEqualTo(result.cells().size());
    return result.cells();
  }

  private static double sum(List<Cell> cells, boolean weighted) {
    return cells.stream().mapToDouble(c -> weighted ? c.value() * c.coverage() : c.value()).sum();
  }
}
