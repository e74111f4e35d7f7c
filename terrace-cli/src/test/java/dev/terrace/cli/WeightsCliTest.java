package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * --weights, --default-weight and --coverage-weight reach the request, and their misuse names the
 * field.
 */
class WeightsCliTest {

  /**
   * Row 1 whole and row 2 half, columns 31 and 32 of lux, all with data: two cells weigh 1, two
   * 0.5.
   */
  private static final String HALF_ROW =
      "{\"type\":\"Polygon\",\"coordinates\":[[[6.0,50.170833333333334],"
          + "[6.016666666666667,50.170833333333334],[6.016666666666667,50.18333333333333],[6.0,50.18333333333333],"
          + "[6.0,50.170833333333334]]]}";

  /**
   * Three quarters of each of columns 31 and 32 and of rows 1 and 2 of lux: four cells, 2.25
   * covered.
   */
  private static final String INSIDE_FOUR =
      "{\"type\":\"Polygon\",\"coordinates\":[[[6.002083333333333,50.168749999999996],[6.0145833333333325,50.168749999999996],[6.0145833333333325,50.18125],[6.002083333333333,50.18125],[6.002083333333333,50.168749999999996]]]}";

  @Test
  void coverageWeightNoneCountsEveryTouchedCellAsWhole() {
    Cli.Result none =
        Cli.run(
            "extract",
            "-g",
            INSIDE_FOUR,
            "-d",
            "lux:elevation",
            "--aggregation",
            "count",
            "--coverage-weight",
            "none",
            "--compact");
    assertThat(none.exitCode()).as(none.err()).isZero();
    assertThat(none.out()).contains("\"value\":4");
  }

  @Test
  void weightedMeanNeedsWeights() {
    Cli.Result weighted =
        Cli.run(
            "extract",
            "-g",
            HALF_ROW,
            "-d",
            "lux:elevation",
            "--aggregation",
            "weighted_sum",
            "--weights",
            "lux:elevation",
            "--default-weight",
            "0",
            "--compact");
    assertThat(weighted.exitCode()).as(weighted.err()).isZero();
    assertThat(weighted.out()).contains("\"aggregation\":\"weighted_sum\"");
    Cli.Result refused =
        Cli.run("extract", "-g", HALF_ROW, "-d", "lux:elevation", "--aggregation", "weighted_mean");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("weights");
    Cli.Result unknown =
        Cli.run("extract", "-g", HALF_ROW, "-d", "lux:elevation", "--coverage-weight", "area");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err()).contains("area_spherical_m2");
  }
}
