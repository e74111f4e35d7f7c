package dev.terrace.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.internal.rows.Csv;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.InputRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch's output, written row by row in input order and flushed after every chunk, so that an
 * interrupted run leaves complete rows (and at most one partial last line) for {@code --resume} to
 * continue from.
 */
abstract class RowSink implements AutoCloseable {

  final ResultColumns results;
  final Writer out;

  RowSink(Path file, boolean append, ResultColumns results) throws IOException {
    this.results = results;
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(
                Files.newOutputStream(
                    file,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING),
                StandardCharsets.UTF_8),
            1 << 16);
  }

  abstract void write(InputRow row, Extraction.Outcome outcome) throws IOException;

  void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * CSV: the input's columns, one per dataset × statistic, then {@code error} (empty when the row
   * succeeded).
   */
  static final class CsvSink extends RowSink {
    private final List<String> columns;
    private final StringBuilder line = new StringBuilder();

    CsvSink(Path file, boolean append, List<String> inputColumns, ResultColumns results)
        throws IOException {
      super(file, append, results);
      this.columns = header(inputColumns, results);
    }

    static List<String> header(List<String> inputColumns, ResultColumns results) {
      List<String> all = new ArrayList<>(inputColumns);
      all.addAll(results.names());
      all.add(ResultColumns.ERROR);
      return all;
    }

    static String headerLine(List<String> inputColumns, ResultColumns results) {
      StringBuilder b = new StringBuilder();
      Csv.append(b, header(inputColumns, results));
      return b.toString();
    }

    void writeHeader() throws IOException {
      line.setLength(0);
      Csv.append(line, columns);
      out.write(line.toString());
    }

    @Override
    void write(InputRow row, Extraction.Outcome outcome) throws IOException {
      for (Map<String, Object> record : results.records(row, outcome)) {
        List<String> cells = new ArrayList<>(columns.size());
        for (String c : columns) {
          cells.add(Cells.text(record.get(c)));
        }
        line.setLength(0);
        Csv.append(line, cells);
        out.write(line.toString());
      }
    }
  }

  /**
   * NDJSON: one JSON object per line (per cell with {@code cells}), the input's columns and the
   * added ones; {@code error} only on failure.
   */
  static final class NdjsonSink extends RowSink {
    NdjsonSink(Path file, boolean append, ResultColumns results) throws IOException {
      super(file, append, results);
    }

    @Override
    void write(InputRow row, Extraction.Outcome outcome) throws IOException {
      for (Map<String, Object> record : results.records(row, outcome)) {
        out.write(JsonStyle.MAPPER.writeValueAsString(record));
        out.write('\n');
      }
    }
  }

  /**
   * A GeoJSON FeatureCollection: each row a feature, its geometry and its columns as properties;
   * with {@code cells} each cell a feature, a point at its centre.
   */
  static final class GeoJsonSink extends RowSink {
    private static final ObjectWriter FEATURE = JsonStyle.MAPPER.writerFor(Geometry.class);
    private boolean first = true;

    GeoJsonSink(Path file, ResultColumns results) throws IOException {
      super(file, false, results);
      out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
    }

    @Override
    void write(InputRow row, Extraction.Outcome outcome) throws IOException {
      for (Map<String, Object> record : results.records(row, outcome)) {
        if (!first) {
          out.write(",\n");
        }
        first = false;
        // A cell's feature is its centre; written as a Geometry so that Jackson adds the "type"
        // members.
        Geometry geometry =
            results.perCell() ? CellRows.geometry(row.geometry(), record) : row.geometry();
        out.write(FEATURE.writeValueAsString(new Feature(geometry, record)));
      }
    }

    @Override
    public void close() throws IOException {
      out.write("\n]}\n");
      super.close();
    }
  }
}
