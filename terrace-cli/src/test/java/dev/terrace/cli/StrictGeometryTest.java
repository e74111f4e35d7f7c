package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The embedded engine gets its geometry from the command line as the service gets it from a body: a
 * null inside the coordinates or a string for a number is refused, not read as 0.
 */
class StrictGeometryTest {

  @Test
  void aNullCoordinateIsRefused() {
    Cli.Result run =
        Cli.run(
            "extract",
            "-g",
            "{\"type\":\"Point\",\"coordinates\":[null,49.7]}",
            "-d",
            "lux:elevation");
    assertThat(run.exitCode()).as(run.out()).isNotZero();
    assertThat(run.err()).contains("not a GeoJSON geometry");
  }

  @Test
  void aValidPointStillReads() {
    Cli.Result run =
        Cli.run(
            "extract",
            "-g",
            "{\"type\":\"Point\",\"coordinates\":[6.13,49.61]}",
            "-d",
            "lux:elevation",
            "--compact");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"value\":300");
  }
}
