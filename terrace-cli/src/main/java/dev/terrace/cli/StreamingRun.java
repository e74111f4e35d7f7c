package dev.terrace.cli;

import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.InputRow;
import dev.terrace.engine.internal.rows.RowSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch in chunks of {@code batchSize} rows in input order (read, extract, write, flush): no
 * temporary files, memory bounded by the chunk, but each chunk decodes the tiles its rows fall in.
 * How a service is asked, which sorts nothing of ours by its tiles.
 */
final class StreamingRun {

  private final Service service;
  private final ExtractOptions options;
  private final int batchSize;

  StreamingRun(Service service, ExtractOptions options, int batchSize) {
    this.service = service;
    this.options = options;
    this.batchSize = batchSize;
  }

  /**
   * @return the rows written
   */
  long run(RowSource source, RowSink sink, Progress progress, RowReport report) throws IOException {
    long rows = 0;
    try (sink) {
      List<InputRow> chunk = new ArrayList<>(batchSize);
      while (true) {
        chunk.clear();
        for (InputRow r; chunk.size() < batchSize && (r = source.next()) != null; ) {
          chunk.add(r);
        }
        if (chunk.isEmpty()) {
          return rows;
        }
        List<Geometry> geometries = new ArrayList<>(chunk.size());
        chunk.stream().filter(r -> r.geometry() != null).forEach(r -> geometries.add(r.geometry()));
        List<Extraction.Outcome> outcomes =
            Extraction.run(service.api(), options::batch, geometries, service.maxBatch());
        int next = 0;
        for (InputRow r : chunk) {
          Extraction.Outcome o =
              r.geometry() == null ? new Extraction.Outcome(null, r.error()) : outcomes.get(next++);
          report.row(r, o);
          sink.write(r, o);
        }
        sink.flush();
        rows += chunk.size();
        progress.update(rows, source.bytesRead());
      }
    }
  }
}
