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
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.FieldError;
import dev.terrace.api.Interpolation;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code nodata_count}, {@code min_coverage_frac} and {@code default_value} on lux:elevation, with
 * rectangles on cell edges. lux is 95 × 90 cells of 1/120° from (5.741666…, 50.191666…); in row 1
 * columns 29 and 30 hold nodata (-32768) and columns 31 to 34 hold data; row 2 holds data from
 * column 27 to 35; rows 0 and 1 hold nodata in columns 0 and 1.
 */
class CellOptionsTest {

  private static Terrace terrace;

  @BeforeAll
  static void open() {
    terrace = Terrace.embedded();
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  private static ExtractResult one(ExtractRequest.Builder request) {
    return terrace.extract(request.datasets("lux:elevation").build()).results().get(0);
  }

  private static double number(ExtractRequest.Builder request) {
    return one(request).number().orElseThrow();
  }

  private static double cell(int col, int row) {
    return number(ExtractRequest.builder().geometry(centre(col, row)));
  }

  /**
   * Rows 1 and 2, columns 29 to 32: 8 cells, of which (1, 29) and (1, 30) hold nodata. all_touched
   * takes the cells a rectangle's edges run along too, so it reads the rectangle a tenth of a cell
   * inside.
   */
  private static Polygon block(PixelRule rule) {
    return rule == PixelRule.ALL_TOUCHED ? cells(29.1, 32.9, 1.1, 2.9) : cells(29, 33, 1, 3);
  }

  @Test
  void nodataCountCountsTheCoveredCellsWithoutDataUnderEveryRule() {
    Polygon block = block(PixelRule.EXACT);
    for (PixelRule rule : PixelRule.values()) {
      ExtractRequest.Builder r = ExtractRequest.builder().geometry(block(rule)).pixelRule(rule);
      assertThat(number(r.aggregation(Aggregation.NODATA_COUNT)))
          .as(rule.wireName())
          .isCloseTo(2, within(1e-9));
      assertThat(number(r.aggregation(Aggregation.COUNT)))
          .as(rule.wireName())
          .isCloseTo(6, within(1e-9));
    }
    ExtractResult result =
        one(ExtractRequest.builder().geometry(block).aggregation(Aggregation.NODATA_COUNT));
    assertThat(result.aggregation()).isEqualTo(Aggregation.NODATA_COUNT);
    assertThat(result.coverageFraction()).isCloseTo(0.75, within(1e-9));
  }

  /**
   * Half of each of columns 29 to 32 of row 1 under exact: nodata_count is their covered area, 2 ×
   * 0.5.
   */
  @Test
  void underExactNodataCountIsTheCoveredAreaInCells() {
    ExtractRequest.Builder r =
        ExtractRequest.builder()
            .geometry(cells(29, 33, 1, 1.5))
            .aggregation(Aggregation.NODATA_COUNT);
    assertThat(number(r)).isCloseTo(1, within(1e-9));
  }

  /**
   * Columns -2 to 2 of rows 0 and 1: four nodata cells inside the raster, four cells of area beyond
   * its edge.
   */
  @Test
  void areaBeyondTheEdgeIsNotNodata() {
    ExtractRequest.Builder r =
        ExtractRequest.builder().geometry(cells(-2, 2, 0, 2)).aggregation(Aggregation.NODATA_COUNT);
    assertThat(number(r)).isCloseTo(4, within(1e-9));
    assertThat(number(r.pixelRule(PixelRule.CENTER))).isCloseTo(4, within(1e-9));
    ExtractResult outside =
        one(
            ExtractRequest.builder()
                .geometry(Polygon.rectangle(-120, 40, -119, 41))
                .aggregation(Aggregation.NODATA_COUNT));
    assertThat(outside.number()).hasValue(0);
  }

  /** Cell (0, 0) and its neighbours hold nodata, so bilinear finds none either. */
  @Test
  void aPointCounts1OnNodata0OnDataAndNothingOutside() {
    for (Interpolation how : Interpolation.values()) {
      ExtractRequest.Builder r =
          ExtractRequest.builder().aggregation(Aggregation.NODATA_COUNT).interpolation(how);
      assertThat(number(r.geometry(centre(0, 0)))).as(how.toString()).isEqualTo(1);
      assertThat(number(r.geometry(centre(31, 1)))).as(how.toString()).isEqualTo(0);
      assertThat(one(r.geometry(Point.of(-120, 40))).value()).as(how.toString()).isNull();
    }
    // A batch of single points takes its own path: it must answer the same.
    var batch =
        terrace.batchExtract(
            BatchExtractRequest.builder()
                .geometries(List.of(centre(29, 1), centre(31, 1), Point.of(-120, 40)))
                .datasets("lux:elevation")
                .aggregation(Aggregation.NODATA_COUNT)
                .build());
    assertThat(batch.responses())
        .extracting(x -> x.results().get(0).jsonValue())
        .containsExactly(1.0, 0.0, null);
  }

  /** default_value: the two nodata cells of the block are read as 1000 and count as valid. */
  @Test
  void defaultValueReadsNodataCellsAsValid() {
    double sum =
        number(
            ExtractRequest.builder()
                .geometry(block(PixelRule.CENTER))
                .aggregation(Aggregation.SUM));
    for (PixelRule rule : PixelRule.values()) {
      ExtractRequest.Builder r =
          ExtractRequest.builder().geometry(block(rule)).pixelRule(rule).defaultValue(1000.0);
      assertThat(number(r.aggregation(Aggregation.SUM)))
          .as(rule.wireName())
          .isCloseTo(sum + 2000, within(1e-6));
      assertThat(number(r.aggregation(Aggregation.COUNT)))
          .as(rule.wireName())
          .isCloseTo(8, within(1e-9));
      assertThat(number(r.aggregation(Aggregation.NODATA_COUNT)))
          .as(rule.wireName())
          .isCloseTo(0, within(1e-9));
      assertThat(number(r.aggregation(Aggregation.MAX))).isEqualTo(1000);
      ExtractResult mean = one(r.aggregation(Aggregation.MEAN));
      assertThat(mean.coverageFraction()).isCloseTo(1, within(1e-9));
      if (rule == PixelRule.CENTER) {
        // Under exact, slivers of the neighbours a rectangle on cell edges leaves in floating point
        // count too.
        assertThat(mean.pixelCount()).isEqualTo(8);
      }
    }
    // Points and lines read it too; beyond the raster's edge there is no cell to stand in for.
    assertThat(number(ExtractRequest.builder().geometry(centre(29, 1)).defaultValue(-5.0)))
        .isEqualTo(-5);
    assertThat(
            one(ExtractRequest.builder().geometry(Point.of(-120, 40)).defaultValue(-5.0)).value())
        .isNull();
    assertThat(
            number(
                ExtractRequest.builder()
                    .geometry(cells(-2, 2, 0, 2))
                    .defaultValue(7.0)
                    .aggregation(Aggregation.COUNT)))
        .isCloseTo(4, within(1e-9));
    var line =
        new dev.terrace.api.geojson.LineString(
            new double[][] {
              {WEST + 29.5 * CELL, NORTH - 1.5 * CELL}, {WEST + 31.5 * CELL, NORTH - 1.5 * CELL}
            });
    ExtractRequest.Builder l = ExtractRequest.builder().geometry(line).pixelRule(PixelRule.CENTER);
    double plainMax = number(l.aggregation(Aggregation.MAX));
    assertThat(number(l.defaultValue(5000.0))).isEqualTo(5000);
    assertThat(plainMax).isEqualTo(cell(31, 1));
  }

  /**
   * Row 1 whole and row 2 half, columns 31 and 32 (all data): under exact two cells weigh 1 and two
   * weigh 0.5. A minimum of 0.6 drops the half cells entirely — not missing, so coverage stays 1.
   */
  @Test
  void minCoverageFracIgnoresCellsCoveredLess() {
    Polygon p = cells(31, 33, 1, 2.5);
    ExtractRequest.Builder r = ExtractRequest.builder().geometry(p).aggregation(Aggregation.COUNT);
    assertThat(number(r)).isCloseTo(3, within(1e-9));
    assertThat(number(r.minCoverageFrac(0.5))).isCloseTo(3, within(1e-9));
    ExtractResult dropped = one(r.minCoverageFrac(0.6));
    assertThat(dropped.number().orElseThrow()).isCloseTo(2, within(1e-9));
    assertThat(dropped.coverageFraction()).isCloseTo(1, within(1e-9));
    assertThat(dropped.pixelCount()).isEqualTo(2);
    assertThat(number(r.aggregation(Aggregation.SUM)))
        .isCloseTo(cell(31, 1) + cell(32, 1), within(1e-6));
    // Row 1 whole and row 2 half, columns 29 to 32: nodata weighs 2 (row 1, columns 29 and 30),
    // data 2 + 4 × 0.5.
    // Dropping the half cells leaves the nodata, so coverage falls from 4/6 to 2/4.
    ExtractRequest.Builder n = ExtractRequest.builder().geometry(cells(29, 33, 1, 2.5));
    assertThat(number(n.aggregation(Aggregation.NODATA_COUNT))).isCloseTo(2, within(1e-9));
    assertThat(one(n.aggregation(Aggregation.COUNT)).coverageFraction())
        .isCloseTo(4.0 / 6, within(1e-9));
    n.minCoverageFrac(0.6);
    assertThat(number(n.aggregation(Aggregation.NODATA_COUNT))).isCloseTo(2, within(1e-9));
    ExtractResult kept = one(n.aggregation(Aggregation.COUNT));
    assertThat(kept.number().orElseThrow()).isCloseTo(2, within(1e-9));
    assertThat(kept.coverageFraction()).isCloseTo(0.5, within(1e-9));
    // min_coverage_frac and default_value together: the kept nodata cells are read as the default.
    assertThat(number(n.defaultValue(0.0).aggregation(Aggregation.COUNT)))
        .isCloseTo(4, within(1e-9));
    // 0 keeps every covered cell, as without the option.
    assertThat(
            number(
                ExtractRequest.builder()
                    .geometry(p)
                    .aggregation(Aggregation.COUNT)
                    .minCoverageFrac(0.0)))
        .isCloseTo(3, within(1e-9));
  }

  @Test
  void optionsOutOfRangeNameTheirField() {
    for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
      ExtractRequest request =
          ExtractRequest.builder()
              .geometry(centre(31, 1))
              .datasets("lux:elevation")
              .minCoverageFrac(bad)
              .build();
      assertThatThrownBy(() -> terrace.extract(request))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e ->
                  assertThat(e.fieldErrors())
                      .extracting(FieldError::path)
                      .containsExactly("min_coverage_frac"));
    }
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      BatchExtractRequest request =
          BatchExtractRequest.builder()
              .geometry(centre(31, 1))
              .datasets("lux:elevation")
              .defaultValue(bad)
              .minCoverageFrac(2.0)
              .build();
      assertThatThrownBy(() -> terrace.batchExtract(request))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e ->
                  assertThat(e.fieldErrors())
                      .extracting(FieldError::path)
                      .containsExactlyInAnyOrder("min_coverage_frac", "default_value"));
    }
  }
}
