package dev.terrace.engine.internal.jobs;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.engine.internal.rows.ExternalSort;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.InputRow;
import dev.terrace.engine.internal.rows.RowSource;
import dev.terrace.engine.internal.rows.SpillFolder;
import dev.terrace.engine.internal.rows.TileKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A job of points extracted in the order of the tiles they fall in, whatever the input's order, as
 * {@code terrace batch} does, and committed in input order:
 *
 * <ol>
 *   <li>the rows after the last committed one are read; each point is spilled as (tile, row, lon,
 *       lat) to an external sort in the job's folder;
 *   <li>the points come back sorted by tile and are extracted a request at a time in that order
 *       (not reordered by locality, which would scatter a request's tiles), so that each tile is
 *       decoded about once; each answer is spilled by row to a second sort;
 *   <li>the input is read again beside the answers, in row order, and written and committed a chunk
 *       at a time, as a job in chunks is.
 * </ol>
 *
 * Nothing is committed before the third step, so a job stopped earlier starts these steps again
 * from its last committed row; rows already committed are never read again. An input with a row
 * that is not a point is left to the chunks.
 */
final class TileOrderedJob {

  /** Bytes each of the two sorts holds in memory before it spills a run. */
  private static final long MEMORY = 64L << 20;

  private static final char RESULTS = 'R';
  private static final char ERROR = 'E';

  /** The answer members of a row without one. */
  private static final String NO_ANSWER = "\"results\":[],\"warnings\":[]";

  private final JobRunner runner;
  private final TerraceApi api;
  private final int maxBatch;

  TileOrderedJob(JobRunner runner, TerraceApi api, int maxBatch) {
    this.runner = runner;
    this.api = api;
    this.maxBatch = maxBatch;
  }

  /**
   * @return false, having committed nothing, when a row is neither a point nor without a geometry:
   *     the job is for the chunks
   */
  boolean run(JobRecord job, BatchExtractRequest options) throws IOException {
    long first = (long) job.chunks() * job.chunkRows();
    TileKeys keys = TileKeys.of(runner.catalog(), options.datasetIds());
    try (SpillFolder spill = new SpillFolder(runner.spillFolder(job));
        ExternalSort points = new ExternalSort(spill, "points", MEMORY);
        ExternalSort answers = new ExternalSort(spill, "answers", MEMORY)) {
      try (RowSource source = runner.open(job)) {
        skip(source, first);
        for (long row = first; ; row++) {
          InputRow r = source.next();
          if (r == null) {
            break;
          }
          if (!keys.spill(points, row, r.geometry()) && r.geometry() != null) {
            return false;
          }
        }
      }
      if (!extract(job, options, points, answers)) {
        return true;
      }
      return write(job, answers, first);
    }
  }

  /**
   * @return false when the job stopped (cancelled, or the process stopping)
   */
  private boolean extract(
      JobRecord job, BatchExtractRequest options, ExternalSort points, ExternalSort answers)
      throws IOException {
    List<Geometry> batch = new ArrayList<>(maxBatch);
    List<Long> rows = new ArrayList<>(maxBatch);
    try (ExternalSort.Cursor sorted = points.sorted()) {
      for (ExternalSort.Entry e; ; ) {
        e = sorted.next();
        if (e != null) {
          batch.add(TileKeys.point(e));
          rows.add(e.index());
        }
        if (batch.size() == maxBatch || (e == null && !batch.isEmpty())) {
          if (runner.stopping(job.id())) {
            return false;
          }
          List<Extraction.Outcome> outcomes =
              Extraction.run(api, options::withGeometries, batch, maxBatch);
          for (int k = 0; k < outcomes.size(); k++) {
            answers.add(rows.get(k), 0, encode(outcomes.get(k)));
          }
          batch.clear();
          rows.clear();
        }
        if (e == null) {
          return true;
        }
      }
    }
  }

  /**
   * Writes every row from {@code first} on in input order, a chunk at a time. A row's JSON is
   * assembled around its answer's, spilled as written, so that no result is read back.
   *
   * @return true: the job is done, or stopped between chunks
   */
  private boolean write(JobRecord job, ExternalSort answers, long first) throws IOException {
    int chunk = job.chunks();
    long failed = job.failedRows();
    List<String> out = new ArrayList<>(job.chunkRows());
    StringBuilder line = new StringBuilder(512);
    try (RowSource source = runner.open(job);
        ExternalSort.Cursor sorted = answers.sorted()) {
      skip(source, first);
      for (long row = first; ; row++) {
        InputRow r = source.next();
        if (r == null) {
          break;
        }
        String error = r.error();
        String answer = null;
        if (r.geometry() != null) {
          String spilled = answer(sorted.next(), row);
          if (spilled.charAt(0) == ERROR) {
            error = source.rowName() + " " + r.line() + ": " + spilled.substring(1);
          } else {
            answer = spilled.substring(1);
          }
        }
        if (error != null) {
          failed++;
        }
        line.setLength(0);
        line.append("{\"row\":").append(row).append(",\"line\":").append(r.line());
        line.append(",\"geometry\":").append(StrictJson.MAPPER.writeValueAsString(r.geometry()));
        line.append(",\"properties\":").append(StrictJson.MAPPER.writeValueAsString(r.fields()));
        line.append(',').append(answer == null ? NO_ANSWER : answer);
        line.append(",\"error\":").append(StrictJson.MAPPER.writeValueAsString(error)).append('}');
        out.add(line.toString());
        if (out.size() == job.chunkRows()) {
          runner.commitLines(job, chunk++, out, failed);
          out.clear();
          if (runner.stopping(job.id())) {
            return true;
          }
        }
      }
      if (!out.isEmpty()) {
        runner.commitLines(job, chunk, out, failed);
      }
    }
    runner.succeeded(job);
    return true;
  }

  private static void skip(RowSource source, long rows) throws IOException {
    for (long skipped = 0; skipped < rows; skipped++) {
      source.next();
    }
  }

  /**
   * An answer as spilled: {@value #RESULTS} and the JSON members {@code
   * "results":[…],"warnings":[…]} as the row will hold them, or {@value #ERROR} and the error.
   */
  private static byte[] encode(Extraction.Outcome o) throws IOException {
    ExtractResponse r = o.response();
    String text =
        r == null
            ? ERROR + o.error()
            : RESULTS
                + "\"results\":"
                + StrictJson.MAPPER.writeValueAsString(r.results())
                + ",\"warnings\":"
                + StrictJson.MAPPER.writeValueAsString(r.warnings());
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String answer(ExternalSort.Entry e, long row) {
    if (e == null || e.key() != row) {
      throw new IllegalStateException(
          "the job's input changed while it was read: row " + row + " is not the one extracted");
    }
    return new String(e.payload(), StandardCharsets.UTF_8);
  }
}
