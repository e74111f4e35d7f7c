package dev.terrace.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Where an option not given on the command line takes its value from: the environment variable
 * {@code TERRACE_<NAME>} ({@code --rate-limit} reads {@code TERRACE_RATE_LIMIT}), then the {@code
 * --config} file's {@code <name>} key ({@code rate-limit} or {@code rate_limit}), then the option's
 * own default. So a flag beats the environment, which beats the file.
 */
final class Defaults implements IDefaultValueProvider {

  static final String CONFIG = "config";

  private final Map<String, String> env;
  private final Map<Path, Map<String, String>> files = new HashMap<>();

  Defaults(Map<String, String> env) {
    this.env = env;
  }

  /** The environment variable an option reads: {@code --max-body} → {@code TERRACE_MAX_BODY}. */
  static String envName(OptionSpec option) {
    return "TERRACE_" + key(option).toUpperCase(Locale.ROOT).replace('-', '_');
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String fromEnv = env.get(envName(option));
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    if (CONFIG.equals(key(option))) {
      return null;
    }
    Path file = configFile(option.command());
    try {
      return file == null ? null : settings(file, option.command().root()).get(key(option));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(option.command().commandLine(), e.getMessage(), e);
    }
  }

  private Path configFile(CommandSpec command) {
    OptionSpec config = command.findOption(CONFIG);
    if (config == null) {
      return null;
    }
    Object given = config.getValue();
    if (given != null) {
      return (Path) given;
    }
    String fromEnv = env.get(envName(config));
    return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv.strip());
  }

  private Map<String, String> settings(Path file, CommandSpec root) {
    return files.computeIfAbsent(
        file,
        f -> {
          Map<String, String> settings = ConfigFile.read(f);
          Set<String> known = new TreeSet<>();
          collectKeys(root, known);
          Set<String> unknown = new HashSet<>(settings.keySet());
          unknown.removeAll(known);
          if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                "unknown setting(s) "
                    + new TreeSet<>(unknown)
                    + " in "
                    + f
                    + "; the settings are: "
                    + String.join(", ", known));
          }
          return settings;
        });
  }

  private static void collectKeys(CommandSpec command, Set<String> into) {
    command.options().stream()
        .filter(o -> !o.usageHelp() && !o.versionHelp())
        .map(Defaults::key)
        .filter(k -> !CONFIG.equals(k))
        .forEach(into::add);
    command.subcommands().values().forEach(sub -> collectKeys(sub.getCommandSpec(), into));
  }

  private static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }
}
