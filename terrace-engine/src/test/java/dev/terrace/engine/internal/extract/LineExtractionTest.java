package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.LineString;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import org.junit.jupiter.api.Test;

/**
 * A line reads each cell it passes through once, weighted by the pixel rule: by the length of line
 * in the cell (EXACT), 1 for each cell GDAL burns (CENTER) or the line touches (ALL_TOUCHED).
 */
class LineExtractionTest {

  private static final double CELL = 1.0 / 120;
  private static final double WEST = 5.741666666666666;
  private static final double NORTH = 50.191666666666663;
  private static final double LAT = NORTH - 70.5 * CELL;
  // From the centre of column 30 to the centre of column 35, along row 70: six cells, five cells
  // long.
  private static final LineString LINE =
      new LineString(new double[][] {{WEST + 30.5 * CELL, LAT}, {WEST + 35.5 * CELL, LAT}});

  @Test
  void exactWeighsEachCellByTheLengthOfLineInsideIt() {
    try (Terrace terrace = Terrace.embedded()) {
      double[] v = new double[36];
      for (int c = 30; c <= 35; c++) {
        v[c] =
            terrace
                .extract(ExtractRequest.of(Point.of(WEST + (c + 0.5) * CELL, LAT), "lux:elevation"))
                .results()
                .get(0)
                .number()
                .orElseThrow();
      }
      // Half a cell in the end columns, a whole cell in the four between.
      assertThat(read(terrace, PixelRule.EXACT, "count")).isCloseTo(5, within(1e-9));
      double sum = 0.5 * v[30] + v[31] + v[32] + v[33] + v[34] + 0.5 * v[35];
      assertThat(read(terrace, PixelRule.EXACT, "sum")).isCloseTo(sum, within(1e-6));
      assertThat(read(terrace, PixelRule.EXACT, "mean")).isCloseTo(sum / 5, within(1e-6));
      double plain = v[30] + v[31] + v[32] + v[33] + v[34] + v[35];
      for (PixelRule rule : new PixelRule[] {PixelRule.CENTER, PixelRule.ALL_TOUCHED}) {
        assertThat(read(terrace, rule, "count")).as(rule.toString()).isEqualTo(6);
        assertThat(read(terrace, rule, "sum")).as(rule.toString()).isCloseTo(plain, within(1e-6));
      }
    }
  }

  @Test
  void aDiagonalAcrossTwoCellsWeighsRootTwoInEachUnderExact() {
    // From the top-left corner of cell (70, 30) to the bottom-right corner of cell (71, 31).
    LineString diagonal =
        new LineString(
            new double[][] {
              {WEST + 30 * CELL, NORTH - 70 * CELL}, {WEST + 32 * CELL, NORTH - 72 * CELL}
            });
    try (Terrace terrace = Terrace.embedded()) {
      ExtractResult count =
          terrace
              .extract(
                  ExtractRequest.builder()
                      .geometry(diagonal)
                      .datasets("lux:elevation")
                      .aggregation("count")
                      .pixelRule(PixelRule.EXACT)
                      .build())
              .results()
              .get(0);
      assertThat(count.number().orElseThrow()).isCloseTo(2 * Math.sqrt(2), within(1e-6));
    }
  }

  private static double read(Terrace terrace, PixelRule rule, String aggregation) {
    return terrace
        .extract(
            ExtractRequest.builder()
                .geometry(LINE)
                .datasets("lux:elevation")
                .aggregation(aggregation)
                .pixelRule(rule)
                .build())
        .results()
        .get(0)
        .number()
        .orElseThrow();
  }
}
