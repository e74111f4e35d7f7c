package dev.terrace.engine.internal.jobs;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.TerraceApi;
import dev.terrace.engine.internal.json.JsonBytes;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.engine.internal.rows.Behind;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.InputRow;
import dev.terrace.engine.internal.rows.RowSource;
import dev.terrace.engine.internal.rows.SpillFolder;
import dev.terrace.engine.internal.rows.TileKeys;
import dev.terrace.engine.internal.rows.TileOrder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  /** A row without an answer, as an answer with none would be spilled. */
  private static final byte[] NO_ANSWER =
      (RESULTS + "\"results\":[],\"warnings\":[]").getBytes(StandardCharsets.US_ASCII);

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
   * the next is assembled. A row's JSON is written by one generator for the chunk, its answer's
   * members copied as they were spilled, so that no result is read back.
   */
  private void write(JobRecord job, TileOrder order, long first) throws IOException {
    int chunk = job.chunks();
    long failed = job.failedRows();
    ByteArrayOutputStream out = new ByteArrayOutputStream(job.chunkRows() * 512);
    int rowsInChunk = 0;
    try (RowSource source = runner.open(job);
        TileOrder.Answers answers = order.answers();
        Behind commits = new Behind("terrace-job-commits");
        JsonGenerator json = StrictJson.MAPPER.createGenerator(out)) {
      json.setRootValueSeparator(null);
      skip(source, first);
      for (long row = first; ; row++) {
        InputRow r = source.next();
        if (r == null) {
          break;
        }
        String error = r.error();
        byte[] spilled = r.geometry() == null ? null : answers.of(row);
        if (spilled != null && spilled[0] == ERROR) {
          error =
              source.rowName()
                  + " "
                  + r.line()
                  + ": "
                  + new String(spilled, 1, spilled.length - 1, StandardCharsets.UTF_8);
        }
        if (error != null) {
          failed++;
        }
        json.writeStartObject();
        json.writeNumberField("row", row);
        json.writeNumberField("line", r.line());
        json.writeFieldName("geometry");
        StrictJson.MAPPER.writeValue(json, r.geometry());
        json.writeFieldName("properties");
        StrictJson.MAPPER.writeValue(json, r.fields());
        // The answer's members go straight into the line, between the generator's.
        json.flush();
        out.write(',');
        byte[] members = error == null ? spilled : NO_ANSWER;
        out.write(members, 1, members.length - 1);
        json.writeStringField("error", error);
        json.writeEndObject();
        json.writeRaw('\n');
        if (++rowsInChunk == job.chunkRows()) {
          json.flush();
          commit(commits, job, chunk++, out, rowsInChunk, failed);
          rowsInChunk = 0;
          if (runner.stopping(job.id())) {
            commits.await();
            return;
          }
        }
      }
      json.flush();
      if (rowsInChunk > 0) {
        commit(commits, job, chunk, out, rowsInChunk, failed);
      }
      commits.await();
    }
    runner.succeeded(job);
  }

  /** Commits the chunk {@code out} holds, and empties it for the next. */
  private void commit(
      Behind commits, JobRecord job, int chunk, ByteArrayOutputStream out, int rows, long failed)
      throws IOException {
    byte[] ndjson = out.toByteArray();
    out.reset();
    commits.submit(() -> runner.commitLines(job, chunk, ndjson, rows, failed));
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
    if (r == null) {
      return (ERROR + o.error()).getBytes(StandardCharsets.UTF_8);
    }
    // {"results":[…],"warnings":[…]}, its braces replaced by the tag.
    byte[] object = JsonBytes.of(new Answer(r.results(), r.warnings()));
    byte[] tagged = Arrays.copyOf(object, object.length - 1);
    tagged[0] = (byte) RESULTS;
    return tagged;
  }

  /** The members a row takes from its answer, in the order the row lists them. */
  private record Answer(List<ExtractResult> results, List<String> warnings) {}
}
