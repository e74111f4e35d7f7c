package dev.terrace.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.JobResultsFormat;
import dev.terrace.api.JobRow;
import dev.terrace.engine.internal.rows.Csv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** A job's rows, as stored (a {@link JobRow} per JSON line), written in the format asked for. */
final class JobResultsWriter {

  private static final List<String> RESULT_COLUMNS =
      List.of(
          "row",
          "dataset_id",
          "timestamp",
          "value",
          "quality",
          "coverage_fraction",
          "pixel_count",
          "error");

  private JobResultsWriter() {}

  static void write(JobResultsFormat format, Stream<String> lines, OutputStream sink)
      throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16);
    try {
      switch (format) {
        case NDJSON -> lines.forEach(line -> append(out, line + "\n"));
        case CSV -> csv(lines.iterator(), out);
        case GEOJSON -> geoJson(lines.iterator(), out);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }

  /**
   * A line per result, a failed row a line with its error; the input's columns are the first row's,
   * so that every line has the header's cells.
   */
  private static void csv(Iterator<String> lines, Writer out) throws IOException {
    List<String> columns = null;
    StringBuilder line = new StringBuilder();
    while (lines.hasNext()) {
      JobRow row = Json.MAPPER.readValue(lines.next(), JobRow.class);
      if (columns == null) {
        columns = new ArrayList<>(row.properties().keySet());
        List<String> header = new ArrayList<>(columns);
        header.addAll(RESULT_COLUMNS);
        line.setLength(0);
        Csv.append(line, header);
        out.write(line.toString());
      }
      List<String> carried = new ArrayList<>(columns.size());
      for (String c : columns) {
        carried.add(text(Json.MAPPER.valueToTree(row.properties().get(c))));
      }
      if (row.results().isEmpty()) {
        line.setLength(0);
        Csv.append(line, cells(carried, row, null));
        out.write(line.toString());
      }
      for (ExtractResult r : row.results()) {
        line.setLength(0);
        Csv.append(line, cells(carried, row, r));
        out.write(line.toString());
      }
    }
  }

  private static List<String> cells(List<String> carried, JobRow row, ExtractResult r) {
    List<String> cells = new ArrayList<>(carried);
    cells.add(Long.toString(row.row()));
    if (r == null) {
      cells.addAll(List.of("", "", "", "", "", ""));
    } else {
      JsonNode json = Json.MAPPER.valueToTree(r);
      cells.add(r.datasetId());
      cells.add(text(json.get("timestamp")));
      cells.add(text(json.get("value")));
      cells.add(text(json.get("quality")));
      cells.add(text(json.get("coverage_fraction")));
      cells.add(text(json.get("pixel_count")));
    }
    cells.add(row.error() == null ? "" : row.error());
    return cells;
  }

  private static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "";
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static void geoJson(Iterator<String> lines, Writer out) throws IOException {
    out.write("{\"type\":\"FeatureCollection\",\"features\":[");
    boolean first = true;
    while (lines.hasNext()) {
      ObjectNode row = (ObjectNode) Json.MAPPER.readTree(lines.next());
      ObjectNode feature = Json.MAPPER.createObjectNode();
      feature.put("type", "Feature");
      feature.set("geometry", row.get("geometry"));
      ObjectNode properties = feature.putObject("properties");
      properties.setAll((ObjectNode) row.get("properties"));
      properties.set("row", row.get("row"));
      properties.set("results", row.get("results"));
      properties.set("error", row.get("error"));
      out.write(first ? "\n" : ",\n");
      out.write(Json.MAPPER.writeValueAsString(feature));
      first = false;
    }
    out.write("\n]}\n");
  }

  private static void append(Writer out, String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
