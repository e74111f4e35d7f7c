package dev.terrace.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.terrace.api.Aggregation;
import dev.terrace.api.Cell;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.geojson.Geometry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terrace extract}: one geometry × the datasets, the {@code extract} response as JSON or a
 * table.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Extracts the datasets' values over one geometry and prints the extract response: JSON"
          + " (indented on a terminal, one line in a pipe) or a table.",
      "Runs the engine here (the built-in catalog, or --catalog FILE) or asks a service (--url); both print the"
          + " same JSON."
    },
    footer = {
      "%nExamples:",
      "  terrace extract --dataset lux:elevation --geometry '{\"type\":\"Point\",\"coordinates\":[6.13,49.61]}'",
      "  terrace extract --dataset lux:elevation --geometry @examples/parcel.geojson --aggregation max --format table",
      "  terrace extract --catalog examples/catalog.yaml --dataset my_dem:elevation --geometry @examples/parcel.geojson"
          + " --timeout 10s",
      "  terrace extract --url http://localhost:8000 --dataset lux:elevation --geometry @examples/parcel.geojson"
    })
final class ExtractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ServiceOptions service;

  @Mixin ExtractOptions options;

  @Mixin TimeoutOption timeout;

  @Mixin JsonStyle json;

  @Option(
      names = {"-g", "--geometry"},
      required = true,
      paramLabel = "GEOJSON|@FILE",
      description =
          "The geometry (or a Feature) as GeoJSON in lon/lat, @FILE to read it from a file, or - for"
              + " stdin.")
  String geometry;

  @Option(
      names = "--format",
      paramLabel = "json|table",
      defaultValue = "json",
      description = "json (the API's response) or table (default: ${DEFAULT-VALUE}).")
  Format format;

  enum Format {
    json,
    table
  }

  @Override
  public Integer call() {
    Geometry shape = parse(geometry);
    ExtractResponse response;
    try (Service s = service.open(1, timeout.value())) {
      response = s.api().extract(options.request(shape));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(json.write(response));
    } else {
      (options.aggregation.equals(Aggregation.CELLS) ? cellTable(response) : table(response))
          .print(out);
      response.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
    }
    out.flush();
    spec.commandLine().getErr().flush();
    return Main.OK;
  }

  private static Table table(ExtractResponse response) {
    Table table =
        new Table("DATASET", "VALUE", "UNITS", "QUALITY", "COVERAGE", "PIXELS", "TIMESTAMP");
    for (ExtractResult r : response.results()) {
      table.row(
          r.datasetId(),
          r.value() == null ? null : Cells.text(r.jsonValue()),
          r.units(),
          r.quality(),
          r.coverageFraction(),
          r.pixelCount(),
          r.timestamp());
    }
    return table;
  }

  /** One line per cell, as {@code batch} writes them. */
  private static Table cellTable(ExtractResponse response) {
    Table table =
        new Table(
            "DATASET",
            "TIMESTAMP",
            "ROW",
            "COL",
            "VALUE",
            "COVERAGE",
            "CENTER_X",
            "CENTER_Y",
            "RASTER_X",
            "RASTER_Y");
    for (ExtractResult r : response.results()) {
      for (Cell c : r.cells()) {
        table.row(
            r.datasetId(),
            r.timestamp(),
            c.row(),
            c.col(),
            c.value(),
            c.coverage(),
            c.centerX(),
            c.centerY(),
            c.rasterX(),
            c.rasterY());
      }
    }
    return table;
  }

  /** Inline GeoJSON, {@code @FILE} or {@code -}. */
  static Geometry parse(String arg) {
    return parse("--geometry", arg);
  }

  /** Inline GeoJSON, {@code @FILE} or {@code -}, for the option named {@code option}. */
  static Geometry parse(String option, String arg) {
    String text;
    String source = option;
    try {
      if (arg.equals("-")) {
        text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        source = "the GeoJSON on stdin";
      } else if (arg.startsWith("@")) {
        Path file = Path.of(arg.substring(1));
        if (!Files.isRegularFile(file)) {
          throw new IllegalArgumentException(option + " " + arg + ": no such file");
        }
        text = Files.readString(file);
        source = file.toString();
      } else {
        text = arg;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + option + " " + arg + ": " + e.getMessage(), e);
    }
    if (text.contains("\"FeatureCollection\"")) {
      throw new IllegalArgumentException(
          source
              + " is a FeatureCollection: 'terrace batch --in FILE' extracts"
              + " each of its features");
    }
    try {
      Geometry g = JsonStyle.GEOMETRY.readValue(text, Geometry.class);
      if (g == null) {
        throw new IllegalArgumentException(
            source + " is empty: give a GeoJSON geometry or Feature");
      }
      return g;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          source
              + " is not a GeoJSON geometry or Feature: "
              + e.getOriginalMessage()
              + "; for example {\"type\":\"Point\",\"coordinates\":[6.13,49.61]}",
          e);
    }
  }
}
