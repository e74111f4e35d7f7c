package dev.terrace.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}: the settings file {@link Defaults} reads options from. */
final class ConfigOption {

  @Option(
      names = "--" + Defaults.CONFIG,
      paramLabel = "FILE",
      description =
          "Settings file (.properties, .yaml or .json) of name: value pairs named like the long options"
              + " (port: 8080). A flag beats TERRACE_<NAME> in the environment, which beats the file.")
  Path file;
}
