package dev.terrace.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.Aggregation;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Weights in another CRS, which exactextract refuses: each value cell weighs what the weight cell
 * under its centre holds. {@code weights:w_mercator} is a Web Mercator grid of 1500 m cells from
 * (1112900.5, 6446700.25) whose cell (col, row) weighs {@code 1 + col % 7 + (row % 5) / 4}, so the
 * expected answers follow from the spherical Mercator formulas, the values of the cells and their
 * coverage, all computed here by hand.
 */
class OtherCrsWeightsTest {

  private static final double CELL = 1.0 / 64;
  private static final double WEST = 10;
  private static final double NORTH = 50;
  private static final double R = 6_378_137;
  private static final double MERC_X0 = 1112900.5;
  private static final double MERC_Y0 = 6446700.25;
  private static final double MERC_CELL = 1500;

  private static Terrace terrace;

  @BeforeAll
  static void open() {
    terrace = Terrace.embedded(Conformance.resource("weights/catalog.json"));
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  /** The weight of the Mercator cell under the centre of value cell (col, row). */
  private static double weightAtCentre(int col, int row) {
    double lon = Math.toRadians(WEST + (col + 0.5) * CELL);
    double lat = Math.toRadians(NORTH - (row + 0.5) * CELL);
    double x = R * lon;
    double y = R * Math.log(Math.tan(Math.PI / 4 + lat / 2));
    int c = (int) Math.floor((x - MERC_X0) / MERC_CELL);
    int r = (int) Math.floor((MERC_Y0 - y) / MERC_CELL);
    return 1 + c % 7 + (r % 5) / 4.0;
  }

  private static OptionalDouble value(int col, int row) {
    return terrace
        .extract(
            ExtractRequest.builder()
                .datasets("weights:values")
                .geometry(Point.of(WEST + (col + 0.5) * CELL, NORTH - (row + 0.5) * CELL))
                .build())
        .results()
        .get(0)
        .number();
  }

  /** Columns c0 to c1 and rows r0 to r1 of the value grid, in fractional cells. */
  private static Polygon cells(double c0, double c1, double r0, double r1) {
    return Polygon.rectangle(
        WEST + c0 * CELL, NORTH - r1 * CELL, WEST + c1 * CELL, NORTH - r0 * CELL);
  }

  /** How much of [i, i + 1) lies in [from, to). */
  private static double overlap(int i, double from, double to) {
    return Math.max(0, Math.min(i + 1, to) - Math.max(i, from));
  }

  private static double weightedMean(Polygon polygon, PixelRule rule) {
    return terrace
        .extract(
            ExtractRequest.builder()
                .datasets("weights:values")
                .geometry(polygon)
                .pixelRule(rule)
                .aggregation(Aggregation.WEIGHTED_MEAN)
                .weights("weights:w_mercator")
                .build())
        .results()
        .get(0)
        .number()
        .orElseThrow();
  }

  @Test
  void eachCellWeighsTheWeightUnderItsCentre() {
    double c0 = 11.6;
    double c1 = 19.3;
    double r0 = 7.7;
    double r1 = 13.2;
    double sum = 0;
    double weights = 0;
    double centreSum = 0;
    double centreWeights = 0;
    int used = 0;
    for (int row = (int) r0; row < r1; row++) {
      for (int col = (int) c0; col < c1; col++) {
        OptionalDouble v = value(col, row);
        if (v.isEmpty()) {
          continue;
        }
        used++;
        double w = weightAtCentre(col, row);
        double coverage = overlap(col, c0, c1) * overlap(row, r0, r1);
        sum += v.getAsDouble() * coverage * w;
        weights += coverage * w;
        if (coverage == 1) {
          centreSum += v.getAsDouble() * w;
          centreWeights += w;
        }
      }
    }
    assertThat(used).as("cells with values in the block").isGreaterThan(40);
    assertThat(weightedMean(cells(c0, c1, r0, r1), PixelRule.EXACT))
        .isCloseTo(sum / weights, within(1e-9 * Math.abs(sum / weights)));
    // The centre rule: the rectangle's edges stop short of the edge cells' centres, so only the
    // whole cells count.
    assertThat(weightedMean(cells(c0, c1, r0, r1), PixelRule.CENTER))
        .isCloseTo(centreSum / centreWeights, within(1e-9 * Math.abs(centreSum / centreWeights)));
  }
}
