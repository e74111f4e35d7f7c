package dev.terrace.engine.internal.netcdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The committed netCDF fixtures under {@code src/test/resources/netcdf}. */
final class NcFixtures {

  private NcFixtures() {}

  static Path file(String name) {
    try {
      return Path.of(NcFixtures.class.getResource("/netcdf/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing fixture " + name, e);
    }
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a CSV without quoted fields (the fixture set's point files) into one map per row. */
  static List<Map<String, String>> csv(String name) {
    try {
      List<String> lines = Files.readAllLines(file(name));
      String[] header = lines.get(0).strip().split(",", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.strip().split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], i < fields.length ? fields[i] : "");
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
