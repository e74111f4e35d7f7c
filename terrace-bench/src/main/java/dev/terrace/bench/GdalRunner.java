package dev.terrace.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one of the GDAL scripts shipped with the benchmarks under Debian's Python (which has {@code
 * osgeo.gdal}) and returns what it printed.
 */
final class GdalRunner {

  static final String PYTHON = "/usr/bin/python3";

  private GdalRunner() {}

  static String run(String script, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile("terrace-bench-", ".py");
    try (InputStream in = GdalRunner.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new IllegalStateException("missing benchmark resource " + script);
      }
      Files.write(file, in.readAllBytes());
    }
    try {
      List<String> command = new ArrayList<>(List.of(PYTHON, file.toString()));
      command.addAll(List.of(args));
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().putAll(env);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(
            PYTHON
                + " "
                + script
                + " failed (exit "
                + p.exitValue()
                + "); install gdal-bin and python3-gdal (see terrace-bench/scripts/README.md)");
      }
      return out;
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
