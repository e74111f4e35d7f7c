package dev.terrace.engine.internal.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.JobResultsFormat;
import dev.terrace.api.JobRow;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.engine.internal.rows.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A job's rows written in the layouts of {@code jobs.results}, the service's and the command line's
 * alike: NDJSON a row per line; CSV the input's columns, then {@code row, dataset_id, timestamp,
 * value, quality, coverage_fraction, pixel_count, error}, a line per result and a failed row a line
 * with its error; GeoJSON a FeatureCollection, a feature per row.
 */
public final class JobRowWriter {

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

  private final JobResultsFormat format;
  private final Writer out;
  private final boolean header;

  /**
   * @param header whether a CSV starts with its header line; not when rows are added to a file
   */
  public JobRowWriter(JobResultsFormat format, Writer out, boolean header) {
    this.format = format;
    this.out = out;
    this.header = header;
  }

  /**
   * Writes every row of the stream, and flushes.
   *
   * @return the rows written
   */
  public long write(Stream<JobRow> rows) throws IOException {
    long count;
    try {
      count =
          switch (format) {
            case NDJSON -> ndjson(rows.iterator());
            case CSV -> csv(rows.iterator());
            case GEOJSON -> geoJson(rows.iterator());
          };
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
    return count;
  }

  private long ndjson(Iterator<JobRow> rows) throws IOException {
    long count = 0;
    while (rows.hasNext()) {
      out.write(StrictJson.MAPPER.writeValueAsString(rows.next()));
      out.write('\n');
      count++;
    }
    return count;
  }

  /**
   * The input's columns are the first row's, as the service takes them, so that every line has the
   * header's cells.
   */
  private long csv(Iterator<JobRow> rows) throws IOException {
    List<String> columns = null;
    StringBuilder line = new StringBuilder();
    long count = 0;
    while (rows.hasNext()) {
      JobRow row = rows.next();
      if (columns == null) {
        columns = new ArrayList<>(row.properties().keySet());
        if (header) {
          List<String> names = new ArrayList<>(columns);
          names.addAll(RESULT_COLUMNS);
          line.setLength(0);
          Csv.append(line, names);
          out.write(line.toString());
        }
      }
      List<String> carried = new ArrayList<>(columns.size());
      for (String c : columns) {
        carried.add(text(StrictJson.MAPPER.valueToTree(row.properties().get(c))));
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
      count++;
    }
    return count;
  }

  private static List<String> cells(List<String> carried, JobRow row, ExtractResult r) {
    List<String> cells = new ArrayList<>(carried);
    cells.add(Long.toString(row.row()));
    if (r == null) {
      cells.addAll(List.of("", "", "", "", "", ""));
    } else {
      JsonNode json = StrictJson.MAPPER.valueToTree(r);
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

  /**
   * A feature per row: its geometry; its columns, {@code row}, {@code results} and {@code error}.
   */
  private long geoJson(Iterator<JobRow> rows) throws IOException {
    out.write("{\"type\":\"FeatureCollection\",\"features\":[");
    long count = 0;
    while (rows.hasNext()) {
      ObjectNode row = StrictJson.MAPPER.valueToTree(rows.next());
      ObjectNode feature = StrictJson.MAPPER.createObjectNode();
      feature.put("type", "Feature");
      feature.set("geometry", row.get("geometry"));
      ObjectNode properties = feature.putObject("properties");
      properties.setAll((ObjectNode) row.get("properties"));
      properties.set("row", row.get("row"));
      properties.set("results", row.get("results"));
      properties.set("error", row.get("error"));
      out.write(count == 0 ? "\n" : ",\n");
      out.write(StrictJson.MAPPER.writeValueAsString(feature));
      count++;
    }
    out.write("\n]}\n");
    return count;
  }
}
