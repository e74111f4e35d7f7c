package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** --min-coverage-frac, --default-value and the nodata_count statistic reach the request. */
class CellOptionsCliTest {

  /** The centre of lux cell (row 1, column 29), which holds nodata. */
  private static final String ON_NODATA =
      "{\"type\":\"Point\",\"coordinates\":[5.9875,50.17916666666667]}";

  /**
   * Row 1 whole and row 2 half, columns 31 and 32 of lux, all with data: two cells weigh 1, two
   * 0.5.
   */
  private static final String HALF_ROW =
      "{\"type\":\"Polygon\",\"coordinates\":[[[6.0,50.170833333333334],"
          + "[6.016666666666667,50.170833333333334],[6.016666666666667,50.18333333333333],[6.0,50.18333333333333],"
          + "[6.0,50.170833333333334]]]}";

  @Test
  void nodataCountAndDefaultValue() {
    Cli.Result counted =
        Cli.run(
            "extract",
            "-g",
            ON_NODATA,
            "-d",
            "lux:elevation",
            "--aggregation",
            "nodata_count",
            "--compact");
    assertThat(counted.exitCode()).as(counted.err()).isZero();
    assertThat(counted.out()).contains("\"value\":1");
    Cli.Result filled =
        Cli.run(
            "extract",
            "-g",
            ON_NODATA,
            "-d",
            "lux:elevation",
            "--default-value",
            "-5",
            "--compact");
    assertThat(filled.exitCode()).as(filled.err()).isZero();
    assertThat(filled.out()).contains("\"value\":-5");
  }

  @Test
  void minCoverageFracDropsPartCells() {
    Cli.Result all =
        Cli.run(
            "extract",
            "-g",
            HALF_ROW,
            "-d",
            "lux:elevation",
            "--aggregation",
            "count",
            "--compact");
    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.out()).containsPattern("\"value\":(3|2\\.99999)");
    Cli.Result kept =
        Cli.run(
            "extract",
            "-g",
            HALF_ROW,
            "-d",
            "lux:elevation",
            "--aggregation",
            "count",
            "--min-coverage-frac",
            "0.6",
            "--compact");
    assertThat(kept.exitCode()).as(kept.err()).isZero();
    assertThat(kept.out()).containsPattern("\"value\":(2|1\\.99999)");
    Cli.Result refused =
        Cli.run("extract", "-g", HALF_ROW, "-d", "lux:elevation", "--min-coverage-frac", "2");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("min_coverage_frac");
  }
}
