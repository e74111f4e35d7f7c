package dev.terrace.engine.conformance.peers;

import dev.terrace.engine.conformance.Conformance;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the peers' case tables and finds their fixtures under {@code
 * src/test/resources/conformance/peers/}.
 */
final class PeerCsv {

  static final String DIR = "conformance/peers/";

  private PeerCsv() {}

  /**
   * @param name a file under {@value #DIR}
   * @return the file
   */
  static Path resource(String name) {
    return Conformance.resource(DIR + name);
  }

  /**
   * Reads a case table: a CSV with a header line, comment lines starting with {@code #}.
   *
   * @param name a file under {@value #DIR}
   * @return one map per row, column name to field, blanks around fields removed
   */
  static List<Map<String, String>> read(String name) {
    return Conformance.csv(DIR + name).stream()
        .map(
            row -> {
              Map<String, String> stripped = new LinkedHashMap<>();
              row.forEach((k, v) -> stripped.put(k.strip(), v.strip()));
              return stripped;
            })
        .toList();
  }
}
