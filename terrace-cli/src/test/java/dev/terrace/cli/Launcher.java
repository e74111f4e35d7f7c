package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ./terrace} script as a subprocess. The tests run before the jar is packaged,
 * so the script is pointed at this module's classes with {@code TERRACE_CLASSPATH} instead of
 * building; no other {@code TERRACE_*} variable of the calling environment leaks in.
 */
final class Launcher {

  static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  static final Path SCRIPT = ROOT.resolve("terrace");

  /** What a finished run printed. */
  record Result(int exitCode, String out, String err) {}

  private Launcher() {}

  /**
   * The script with these arguments, run in {@code dir}; stdout and stderr are left to the caller.
   */
  static ProcessBuilder command(Path dir, List<String> args) {
    String classpath = System.getProperty("java.class.path");
    assertThat(classpath).contains("picocli");
    List<String> all = new ArrayList<>();
    all.add(SCRIPT.toString());
    all.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(all).directory(dir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("TERRACE_"));
    pb.environment().put("TERRACE_CLASSPATH", classpath);
    return pb;
  }

  /**
   * Runs a command line written as in a shell (see {@link #split}) to its end, at most two minutes.
   */
  static Result run(Path dir, String commandLine) throws IOException, InterruptedException {
    return run(dir, split(commandLine));
  }

  static Result run(Path dir, List<String> args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "stdout-", ".txt");
    Path err = Files.createTempFile(dir, "stderr-", ".txt");
    Process p = command(dir, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("terrace %s finished", args).isTrue();
    } finally {
      p.destroyForcibly();
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * The arguments of a command line as a shell splits it, for the examples here and in the README:
   * words apart by spaces, single-quoted words kept whole; the leading {@code terrace} dropped.
   */
  static List<String> split(String commandLine) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : commandLine.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    assertThat(words.get(0)).isEqualTo("terrace");
    return words.subList(1, words.size());
  }
}
