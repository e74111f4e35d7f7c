package dev.terrace.engine.conformance.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the peers' case tables and finds their fixtures under {@code src/test/resources/conformance/peers/}. */
final class PeerCsv {

  static final String DIR = "conformance/peers/";

  private PeerCsv() {}

  /**
   * @param name a file under {@value #DIR}
   * @return the file
   */
  static Path resource(String name) {
    URL url = PeerCsv.class.getClassLoader().getResource(DIR + name);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + DIR + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a CSV with a header line. Fields may be quoted ({@code "..."}, {@code ""} for a quote); lines starting
   * with {@code #} are comments, so that a table can say where its rows come from.
   *
   * @param name a file under {@value #DIR}
   * @return one map per row, column name to field
   */
  static List<Map<String, String>> read(String name) {
    String text;
    try {
      text = Files.readString(resource(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (lineStart && !quoted && ch == '#') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
        continue;
      }
      lineStart = false;
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n') {
        record.add(field.toString());
        field.setLength(0);
        if (!(record.size() == 1 && record.get(0).isBlank())) {
          records.add(record);
        }
        record = new ArrayList<>();
        lineStart = true;
      } else if (ch != '\r') {
        field.append(ch);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      if (r.size() != header.size()) {
        throw new IllegalStateException(name + ": row has " + r.size() + " fields, header " + header.size() + ": " + r);
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), r.get(c).strip());
      }
      rows.add(row);
    }
    return rows;
  }
}
