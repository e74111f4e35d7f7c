package dev.terrace.engine.internal.rows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.engine.internal.json.StrictJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Newline-delimited GeoJSON: a Feature per line. Lines are independent, so a line that is not JSON
 * fails its own row, not the input; blank lines are skipped.
 */
public final class NdjsonSource implements RowSource {

  private final CountingInputStream counted;
  private final BufferedReader lines;
  private final List<String> columns;
  private InputRow peeked;
  private long line;

  /**
   * @throws IOException when the file cannot be read
   */
  public NdjsonSource(Path file) throws IOException {
    this.counted = new CountingInputStream(Files.newInputStream(file));
    this.lines =
        new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), 1 << 16);
    peeked = read();
    columns = peeked == null ? List.of() : List.copyOf(peeked.fields().keySet());
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public InputRow next() throws IOException {
    InputRow row = peeked;
    if (row != null) {
      peeked = read();
    }
    return row;
  }

  private InputRow read() throws IOException {
    for (String text; (text = lines.readLine()) != null; ) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode feature;
      try {
        feature = StrictJson.MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        return new InputRow(
            line, Map.of(), null, "line " + line + ": not JSON: " + e.getOriginalMessage());
      }
      return GeoJsonSource.row(feature, line, "line " + line);
    }
    return null;
  }

  @Override
  public long bytesRead() {
    return counted.count();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
