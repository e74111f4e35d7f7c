package dev.terrace.engine.internal.jobs;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.TerraceApi;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.InputRow;
import dev.terrace.engine.internal.rows.RowSource;
import dev.terrace.engine.internal.rows.SpillFolder;
import dev.terrace.engine.internal.rows.TileKeys;
import dev.terrace.engine.internal.rows.TileOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A job extracted in the order of the tiles its geometries fall in, whatever the input's order, as
 * {@code terrace batch} is ({@link TileOrder}), and committed in input order:
 *
 * <ol>
 *   <li>the rows after the last committed one are read, counted and spilled by tile to a sort in
 *       the job's folder;
 *   <li>they come back sorted by tile and are extracted a request at a time in that order; each
 *       answer is spilled by row as the JSON its row will hold;
 *   <li>the input is read again beside the answers, in row order, and written and committed a chunk
 *       at a time.
 * </ol>
 *
 * Nothing is committed before the third step, so a job stopped earlier starts these steps again
 * from its last committed row; rows already committed are never read again.
 */
final class TileOrderedJob {

  /** Bytes the two sorts hold in memory before they spill a run, half each. */
  private static final long MEMORY = 128L << 20;

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

  void run(JobRecord job, BatchExtractRequest options) throws IOException {
    long first = (long) job.chunks() * job.chunkRows();
    TileKeys keys = TileKeys.of(runner.catalog(), options);
    try (SpillFolder spill = new SpillFolder(runner.spillFolder(job));
        TileOrder order = new TileOrder(spill, keys, MEMORY)) {
      long rows = first;
      try (RowSource source = runner.open(job)) {
        skip(source, first);
        for (InputRow r; (r = source.next()) != null; rows++) {
          if (rows == CreateJobRequest.MAX_ROWS) {
            runner.fail(
                job,
                String.format(
                    Locale.ROOT,
                    "input: more than %,d rows, the most a job may have; split the input into"
                        + " several jobs",
                    CreateJobRequest.MAX_ROWS));
            return;
          }
          if (r.geometry() != null) {
            order.add(rows, r.geometry());
          }
        }
      }
      if (rows == 0) {
        runner.fail(job, "input: no rows; send at least one");
        return;
      }
      if (job.total() == null) {
        runner.total(job, rows);
      }
      if (order.extract(
          api,
          options::withGeometries,
          maxBatch,
          TileOrderedJob::encode,
          () -> runner.stopping(job.id()),
          answered -> runner.extracted(job.id(), answered))) {
        write(job, order, first);
      }
    }
  }

  /**
   * Writes every row from {@code first} on in input order, a chunk at a time, each committed while
   * the next is assembled. A row's JSON is assembled around its answer's, spilled as written, so
   * that no result is read back.
   */
  private void write(JobRecord job, TileOrder order, long first) throws IOException {
    int chunk = job.chunks();
    long failed = job.failedRows();
    List<String> out = new ArrayList<>(job.chunkRows());
    StringBuilder line = new StringBuilder(512);
    try (RowSource source = runner.open(job);
        TileOrder.Answers answers = order.answers();
        ChunkCommits commits = new ChunkCommits()) {
      skip(source, first);
      for (long row = first; ; row++) {
        InputRow r = source.next();
        if (r == null) {
          break;
        }
        String error = r.error();
        String answer = null;
        if (r.geometry() != null) {
          String spilled = new String(answers.of(row), StandardCharsets.UTF_8);
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
          commit(commits, job, chunk++, out, failed);
          out = new ArrayList<>(job.chunkRows());
          if (runner.stopping(job.id())) {
            commits.await();
            return;
          }
        }
      }
      if (!out.isEmpty()) {
        commit(commits, job, chunk, out, failed);
      }
      commits.await();
    }
    runner.succeeded(job);
  }

  private void commit(
      ChunkCommits commits, JobRecord job, int chunk, List<String> lines, long failed)
      throws IOException {
    commits.submit(() -> runner.commitLines(job, chunk, lines, failed));
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
}
