package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --aggregation cells}: one output row per cell, carrying its input row's columns, in every
 * output format; an input row without a cell is still written, with its error if it failed.
 */
class CellsCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double CELL = 1.0 / 120;
  private static final double WEST = 5.741666666666666;
  private static final double NORTH = 50.191666666666663;

  @TempDir Path dir;

  /**
   * Row 1: two whole cells of lux, (70, 30) and (70, 31). Row 2: one point. Row 3: off the raster.
   * Row 4: no geometry.
   */
  @BeforeEach
  void input() throws Exception {
    double w = WEST + 30 * CELL;
    double e = WEST + 32 * CELL;
    double n = NORTH - 70 * CELL;
    double s = NORTH - 71 * CELL;
    Files.writeString(
        dir.resolve("in.csv"),
        "id,wkt\n"
            + "a,\"POLYGON(("
            + w
            + " "
            + s
            + ","
            + e
            + " "
            + s
            + ","
            + e
            + " "
            + n
            + ","
            + w
            + " "
            + n
            + ","
            + w
            + " "
            + s
            + "))\"\n"
            + "b,POINT(6.13 49.61)\n"
            + "c,POINT(20 10)\n"
            + "d,\n");
  }

  @Test
  void csvHasOneRowPerCellWithTheInputColumns() throws Exception {
    Cli.Result run = batch("out.csv", "--pixel-rule", "center");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    List<String> lines = Files.readString(dir.resolve("out.csv")).lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "id,wkt,dataset_id,timestamp,row,col,value,coverage,center_x,center_y,"
                + "raster_x,raster_y,error");
    assertThat(lines).hasSize(6);
    assertThat(lines.get(1)).startsWith("a,").contains(",lux:elevation,,70,30,").endsWith(",");
    assertThat(lines.get(2)).startsWith("a,").contains(",lux:elevation,,70,31,");
    assertThat(lines.get(3))
        .startsWith("b,POINT(6.13 49.61),lux:elevation,,")
        .contains(",300.0,1.0,");
    assertThat(lines.get(4))
        .as("off the raster: no cell, still a row")
        .startsWith("c,POINT(20 10),,,,,,,,,,,");
    assertThat(lines.get(5)).startsWith("d,,,,,,,,,,,,").doesNotEndWith(",");
  }

  @Test
  void ndjsonAndGeoJsonHaveOneObjectOrFeaturePerCell() throws Exception {
    assertThat(batch("out.ndjson", "--pixel-rule", "center").exitCode()).isEqualTo(1);
    assertThat(batch("out.geojson", "--pixel-rule", "center").exitCode()).isEqualTo(1);

    List<JsonNode> objects =
        Files.readAllLines(dir.resolve("out.ndjson")).stream().map(this::json).toList();
    assertThat(objects)
        .extracting(o -> o.path("id").asText())
        .containsExactly("a", "a", "b", "c", "d");
    assertThat(objects.get(1).path("col").asInt()).isEqualTo(31);
    assertThat(objects.get(1).path("center_x").asDouble())
        .isEqualTo(objects.get(1).path("raster_x").asDouble());
    JsonNode features = JSON.readTree(dir.resolve("out.geojson").toFile()).path("features");
    assertThat(features).hasSize(5);
    JsonNode cell = features.get(0);
    assertThat(cell.at("/geometry/type").asText()).as("a cell is its centre").isEqualTo("Point");
    assertThat(cell.at("/geometry/coordinates/0").asDouble())
        .isEqualTo(cell.at("/properties/center_x").asDouble());
    assertThat(cell.at("/properties/value").asDouble())
        .isEqualTo(objects.get(0).path("value").asDouble());
    assertThat(features.get(3).at("/geometry/type").asText())
        .as("no cell: the input's geometry")
        .isEqualTo("Point");
  }

  @Test
  void extractPrintsATableWithOneLinePerCell() {
    double lat = NORTH - 70.5 * CELL;
    String line =
        "{\"type\":\"LineString\",\"coordinates\":[["
            + (WEST + 30.5 * CELL)
            + ","
            + lat
            + "],["
            + (WEST + 35.5 * CELL)
            + ","
            + lat
            + "]]}";
    Cli.Result run =
        Cli.run(
            "extract",
            "-g",
            line,
            "-d",
            "lux:elevation",
            "--aggregation",
            "cells",
            "--format",
            "table");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith("DATASET")
        .contains("ROW", "COL", "VALUE", "COVERAGE", "CENTER_X");
    assertThat(lines).hasSize(7);
    assertThat(lines.get(1)).startsWith("lux:elevation").contains(" 70 ", " 30 ");
  }

  @Test
  void resumeIsRefusedSinceOutputRowsAreCells() {
    Cli.Result run = batch("out.csv", "--resume");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("--resume").contains("cells");
  }

  private Cli.Result batch(String out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "batch",
                "--dataset",
                "lux:elevation",
                "--aggregation",
                "cells",
                "--in",
                dir.resolve("in.csv").toString(),
                "--out",
                dir.resolve(out).toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
