package dev.terrace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: it only dispatches to its subcommands. */
@Command(name = "terrace", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Raster attribute extraction for points and polygons: run the HTTP service, manage its keys.",
    subcommands = {ServeCommand.class, KeysCommand.class},
    footer = {"%nExamples:", "  terrace serve --port 8000",
        "  terrace keys create --name etl --scope extract --scope catalog:read"})
final class TerraceCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a command: serve or keys");
  }
}
