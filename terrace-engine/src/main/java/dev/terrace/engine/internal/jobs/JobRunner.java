package dev.terrace.engine.internal.jobs;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobStatus;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.InputRow;
import dev.terrace.engine.internal.rows.RowSource;
import dev.terrace.engine.internal.rows.RowSources;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one job from its last committed chunk to its end: counts the input's rows once, then reads
 * {@code chunkRows} rows at a time, extracts them through {@code extract.batch} ({@link
 * Extraction}, locality-ordered within the chunk, one outcome per row), writes the chunk's rows and
 * commits them with the progress. Between chunks it stops if the job was cancelled.
 */
final class JobRunner {

  private final TerraceApi api;
  private final Catalog catalog;
  private final JobStore store;
  private final JobFolder folder;
  private final int maxBatch;
  private final JobListener listener;
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  private final Map<String, Rate> rates = new ConcurrentHashMap<>();

  JobRunner(
      TerraceApi api,
      Catalog catalog,
      JobStore store,
      JobFolder folder,
      int maxBatch,
      JobListener listener) {
    this.api = api;
    this.catalog = catalog;
    this.store = store;
    this.folder = folder;
    this.maxBatch = maxBatch;
    this.listener = listener;
  }

  void cancel(String id) {
    cancelled.add(id);
  }

  /**
   * @return the rows per second of a job running here, or null
   */
  Double rate(String id) {
    Rate r = rates.get(id);
    return r == null ? null : r.perSecond();
  }

  void run(JobRecord job) {
    String id = job.id();
    store.start(id, Instant.now());
    try {
      JobRecord current = store.find(job.owner(), id).orElseThrow();
      if (current.status() != JobStatus.RUNNING) {
        return;
      }
      if (current.total() == null) {
        long total = count(current);
        if (total < 0) {
          return;
        }
        store.total(id, total);
      }
      folder.discardFrom(id, current.chunks());
      extract(current);
    } catch (IOException | RuntimeException e) {
      if (Thread.currentThread().isInterrupted()
          || e instanceof ClosedByInterruptException
          || e instanceof InterruptedIOException) {
        // The process is stopping: the job stays running and resumes from its last chunk on start.
        return;
      }
      boolean input = e instanceof IOException || e instanceof IllegalArgumentException;
      String message = folder.redact(e.getMessage(), id, job.format());
      end(job, JobStatus.FAILED, input ? message : "the extraction failed: " + message);
    } finally {
      rates.remove(id);
      cancelled.remove(id);
    }
  }

  /**
   * @return the input's rows, or -1 when the job failed for having too many
   */
  private long count(JobRecord job) throws IOException {
    long rows = 0;
    try (RowSource source = open(job)) {
      while (source.next() != null) {
        if (++rows > CreateJobRequest.MAX_ROWS) {
          end(
              job,
              JobStatus.FAILED,
              String.format(
                  Locale.ROOT,
                  "input: more than %,d rows, the most a job may have; split the input into"
                      + " several jobs",
                  CreateJobRequest.MAX_ROWS));
          return -1;
        }
      }
    }
    if (rows == 0) {
      end(job, JobStatus.FAILED, "input: no rows; send at least one");
      return -1;
    }
    return rows;
  }

  private void extract(JobRecord job) throws IOException {
    String id = job.id();
    BatchExtractRequest options =
        StrictJson.MAPPER.readValue(job.options(), BatchExtractRequest.class);
    int chunk = job.chunks();
    long row = (long) chunk * job.chunkRows();
    long failed = job.failedRows();
    rates.put(id, new Rate(row));
    if (new TileOrderedJob(this, api, maxBatch).run(job, options)) {
      return;
    }
    try (RowSource source = open(job)) {
      for (long skipped = 0; skipped < row; skipped++) {
        source.next();
      }
      while (true) {
        if (stopping(id)) {
          return;
        }
        List<InputRow> rows = new ArrayList<>(job.chunkRows());
        for (InputRow r; rows.size() < job.chunkRows() && (r = source.next()) != null; ) {
          rows.add(r);
        }
        if (rows.isEmpty()) {
          end(job, JobStatus.SUCCEEDED, null);
          return;
        }
        List<JobRow> out = answer(options, rows, row, source.rowName());
        failed = commit(job, chunk++, out, failed);
        row += rows.size();
      }
    }
  }

  private List<JobRow> answer(
      BatchExtractRequest options, List<InputRow> rows, long first, String rowName) {
    List<Geometry> geometries = new ArrayList<>();
    for (InputRow r : rows) {
      if (r.geometry() != null) {
        geometries.add(r.geometry());
      }
    }
    List<Extraction.Outcome> outcomes =
        geometries.isEmpty()
            ? List.of()
            : Extraction.run(api, options::withGeometries, geometries, maxBatch);
    List<JobRow> out = new ArrayList<>(rows.size());
    int k = 0;
    for (int i = 0; i < rows.size(); i++) {
      InputRow r = rows.get(i);
      long index = first + i;
      if (r.geometry() == null) {
        out.add(new JobRow(index, r.line(), null, r.fields(), null, null, r.error()));
        continue;
      }
      out.add(row(r, index, outcomes.get(k++), rowName));
    }
    return out;
  }

  /** An input row with its outcome: a failed row's error names it ({@code line 12: …}). */
  static JobRow row(InputRow r, long index, Extraction.Outcome o, String rowName) {
    ExtractResponse answer = o.response();
    return answer == null
        ? new JobRow(
            index,
            r.line(),
            r.geometry(),
            r.fields(),
            null,
            null,
            rowName + " " + r.line() + ": " + o.error())
        : new JobRow(
            index, r.line(), r.geometry(), r.fields(), answer.results(), answer.warnings(), null);
  }

  /**
   * Writes a chunk of rows, in input order from the job's last committed row, and commits it with
   * the progress.
   *
   * @param failed the failed rows before this chunk
   * @return the failed rows with this chunk's
   */
  long commit(JobRecord job, int chunk, List<JobRow> rows, long failed) throws IOException {
    List<String> lines = new ArrayList<>(rows.size());
    for (JobRow row : rows) {
      lines.add(JobFolder.json(row));
    }
    return commitLines(
        job, chunk, lines, failed + rows.stream().filter(r -> r.error() != null).count());
  }

  /**
   * Writes a chunk of rows already as JSON, and commits it.
   *
   * @param failedNow the failed rows with this chunk's
   * @return {@code failedNow}
   */
  long commitLines(JobRecord job, int chunk, List<String> lines, long failedNow)
      throws IOException {
    String id = job.id();
    long done = (long) chunk * job.chunkRows() + lines.size();
    folder.writeChunk(id, chunk, lines);
    store.commit(id, chunk + 1, done, failedNow);
    Rate rate = rates.get(id);
    if (rate != null) {
      rate.update(done);
    }
    store.find(job.owner(), id).ifPresent(j -> listener.progressed(j.owner(), j.toJob(rate(id))));
    return failedNow;
  }

  /** Whether the job should stop before its next step: cancelled, or the process stopping. */
  boolean stopping(String id) {
    return cancelled.contains(id) || Thread.currentThread().isInterrupted();
  }

  void succeeded(JobRecord job) {
    end(job, JobStatus.SUCCEEDED, null);
  }

  /**
   * @return the catalog the engine reads, so that points can be sorted by the tiles of its rasters;
   *     null when unknown
   */
  Catalog catalog() {
    return catalog;
  }

  /** Where a job's spill files go: its own folder, deleted with it. */
  Path spillFolder(JobRecord job) {
    return folder.dir(job.id());
  }

  RowSource open(JobRecord job) throws IOException {
    return RowSources.open(folder.input(job.id(), job.format()), job.format(), job.layer());
  }

  private void end(JobRecord job, JobStatus status, String error) {
    if (store.end(job.id(), status, error, Instant.now())) {
      store.find(job.owner(), job.id()).ifPresent(j -> listener.ended(j.owner(), j.toJob(null)));
    }
  }

  /** Rows per second since this run started, the rows done before it not counted. */
  private static final class Rate {
    private final long startRows;
    private final long startNanos = System.nanoTime();
    private volatile long rows;

    Rate(long startRows) {
      this.startRows = startRows;
      this.rows = startRows;
    }

    void update(long rows) {
      this.rows = rows;
    }

    Double perSecond() {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      return rows == startRows || seconds <= 0 ? null : (rows - startRows) / seconds;
    }
  }
}
