package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch input and output formats, and rows that cannot be extracted: written with their error,
 * never dropped.
 */
class BatchInputTest {

  @TempDir Path dir;

  @Test
  void malformedRowsAreReportedWithTheirLineAndWrittenWithTheirError() throws Exception {
    Files.writeString(
        Files.createDirectories(dir.resolve(Examples.INPUTS)).resolve("points.csv"),
        """
        id,lon,lat,name
        1,6.13,49.61,"a, b"
        2,abc,49.7,x
        3,6.0,49.8

        4,6.2,49.9,"two
        lines"
        5,6.1,49.7,ok
        """);
    Launcher.Result run = Launcher.run(dir, Examples.BATCH);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err())
        .contains("line 3: lon 'abc' is not a number")
        .contains("line 4: 3 fields where the header of points.csv has 4")
        .contains("Wrote 5 rows to values.csv", "2 failed");
    List<String> lines = Files.readString(dir.resolve("values.csv")).lines().toList();
    assertThat(lines)
        .containsExactly(
            "id,lon,lat,name,lux:elevation_mean,error",
            "1,6.13,49.61,\"a, b\",300.0,",
            "2,abc,49.7,x,,line 3: lon 'abc' is not a number",
            "3,6.0,49.8,,,line 4: 3 fields where the header of points.csv has 4",
            "4,6.2,49.9,\"two",
            "lines\",294.0,",
            lines.get(6));
    assertThat(lines.get(6)).startsWith("5,6.1,49.7,ok,").endsWith(",");
  }

  @Test
  void wktRowsToGeoJsonAndABadGeometryFailsOnlyItsRow() throws Exception {
    Files.writeString(
        dir.resolve("parcels.csv"),
        """
        id,wkt
        1,"POLYGON((6 49.6,6.2 49.6,6.2 49.8,6 49.6))"
        2,POINT(6.13 49.61)
        3,"POLYGON((6 49.6,6.2 49.6,6 49.6))"
        4,"POLYGON((6 49.6, 6.2"
        """);
    Cli.Result run =
        Cli.run(
            "batch",
            "--dataset",
            "lux:elevation",
            "--in",
            dir.resolve("parcels.csv").toString(),
            "--out",
            dir.resolve("parcels.geojson").toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("line 4: ").contains("line 5: wkt is not valid WKT");
    JsonNode features =
        new ObjectMapper().readTree(dir.resolve("parcels.geojson").toFile()).get("features");
    assertThat(features).hasSize(4);
    assertThat(features.get(0).get("geometry").get("type").asText()).isEqualTo("Polygon");
    assertThat(features.get(0).get("properties").get("lux:elevation_mean").asDouble())
        .isBetween(250.0, 450.0);
    assertThat(features.get(1).get("properties").get("lux:elevation_mean").asDouble())
        .isEqualTo(300.0);
    assertThat(features.get(2).get("properties").get("error").asText()).isNotBlank();
    assertThat(features.get(3).get("geometry").isNull()).isTrue();
    assertThat(features.get(3).get("properties").get("error").asText()).contains("line 5");
  }

  @Test
  void aBowtieFailsOnlyItsRowUnlessRepaired() throws Exception {
    Files.writeString(
        dir.resolve("shapes.csv"),
        """
        id,wkt
        1,"POLYGON((5 49,7 51,7 49,5 51,5 49))"
        2,"POLYGON((6 49.6,6.2 49.6,6.2 49.8,6 49.8,6 49.6))"
        """);
    String in = dir.resolve("shapes.csv").toString();
    Cli.Result refused =
        Cli.run(
            "batch",
            "-d",
            "lux:elevation",
            "--in",
            in,
            "--out",
            dir.resolve("refused.csv").toString());
    assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
    List<String> rows = Files.readString(dir.resolve("refused.csv")).lines().toList();
    assertThat(rows.get(1))
        .contains("coordinates[0]: the polygon is not valid: Self-intersection at [6.0, 50.0]")
        .doesNotContain("geometries[");
    assertThat(rows.get(2)).startsWith("2,").endsWith(",");
    Cli.Result repaired =
        Cli.run(
            "batch",
            "-d",
            "lux:elevation",
            "--repair",
            "--in",
            in,
            "--out",
            dir.resolve("repaired.csv").toString());
    assertThat(repaired.exitCode()).as(repaired.err()).isEqualTo(0);
    assertThat(Files.readString(dir.resolve("repaired.csv")).lines().skip(1))
        .allSatisfy(row -> assertThat(row).endsWith(","));
  }

  @Test
  void anExistingOutputIsKeptUnlessResumedOrOverwritten() throws Exception {
    Files.writeString(dir.resolve("points.csv"), "lon,lat\n6.13,49.61\n");
    Files.writeString(dir.resolve("values.csv"), "precious\n");
    String in = dir.resolve("points.csv").toString();
    String out = dir.resolve("values.csv").toString();
    Cli.Result refused = Cli.run("batch", "-d", "lux:elevation", "--in", in, "--out", out);
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("exists", "--resume", "--overwrite");
    assertThat(Files.readString(dir.resolve("values.csv"))).isEqualTo("precious\n");

    Cli.Result other =
        Cli.run("batch", "-d", "lux:elevation", "--in", in, "--out", out, "--resume");
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("other columns");

    Cli.Result replaced =
        Cli.run("batch", "-d", "lux:elevation", "--in", in, "--out", out, "--overwrite");
    assertThat(replaced.exitCode()).as(replaced.err()).isZero();
    assertThat(Files.readString(dir.resolve("values.csv")))
        .isEqualTo("lon,lat,lux:elevation_mean,error\n" + "6.13,49.61,300.0,\n");
  }

  @Test
  void resumeCutsOffAPartialLastRow() throws Exception {
    Files.writeString(dir.resolve("points.csv"), "lon,lat\n6.13,49.61\n6.2,49.9\n6.1,49.7\n");
    Files.writeString(
        dir.resolve("values.ndjson"),
        "{\"lon\":\"6.13\",\"lat\":\"49.61\",\"lux:elevation_mean\":300.0}\n"
            + "{\"lon\":\"6.2\",\"la");
    Cli.Result run =
        Cli.run(
            "batch",
            "-d",
            "lux:elevation",
            "--in",
            dir.resolve("points.csv").toString(),
            "--out",
            dir.resolve("values.ndjson").toString(),
            "--resume");
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(dir.resolve("values.ndjson"));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1))
        .isEqualTo("{\"lon\":\"6.2\",\"lat\":\"49.9\",\"lux:elevation_mean\":294.0}");
  }

  @Test
  void everyCommandHasHelpWithAnExampleAndTheExitCodes() {
    for (String[] command :
        List.of(
            new String[] {"extract"},
            new String[] {"batch"},
            new String[] {"catalog"},
            new String[] {"catalog", "providers"},
            new String[] {"catalog", "datasets"},
            new String[] {"catalog", "dataset"})) {
      String[] args = new String[command.length + 1];
      System.arraycopy(command, 0, args, 0, command.length);
      args[command.length] = "--help";
      Cli.Result help = Cli.run(args);
      assertThat(help.exitCode()).isZero();
      assertThat(help.out())
          .contains(
              "Examples:", "  terrace " + command[0], "Exit codes:", "could not be reached", "3 ");
    }
  }
}
