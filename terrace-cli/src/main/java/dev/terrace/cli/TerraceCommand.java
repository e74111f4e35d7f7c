package dev.terrace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: it only dispatches to its subcommands. */
@Command(
    name = "terrace",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Raster attribute extraction for points and polygons: extract values here or from a service,"
          + " run jobs on a service, run the HTTP service, manage its keys.",
      "Every command has --help with examples."
    },
    subcommands = {
      ExtractCommand.class,
      BatchCommand.class,
      CatalogCommand.class,
      JobsCommand.class,
      ServeCommand.class,
      KeysCommand.class
    },
    footer = {
      "%nExamples:",
      "  terrace extract --dataset lux:elevation --geometry '{\"type\":\"Point\",\"coordinates\":[6.13,49.61]}'",
      "  terrace batch --dataset lux:elevation --in points.csv --out values.csv",
      "  terrace catalog datasets",
      "  terrace jobs submit --url http://localhost:8000 -d lux:elevation --in points.csv --wait --out values.csv",
      "  terrace serve --port 8000",
      "  terrace keys create --name etl --scope extract --scope catalog:read"
    })
final class TerraceCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing a command: extract, batch, catalog, jobs, serve or keys");
  }
}
