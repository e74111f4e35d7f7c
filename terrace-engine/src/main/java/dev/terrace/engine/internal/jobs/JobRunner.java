package dev.terrace.engine.internal.jobs;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.JobStatus;
import dev.terrace.api.TerraceApi;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.engine.internal.rows.RowSource;
import dev.terrace.engine.internal.rows.RowSources;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one job from its last committed chunk to its end, in tile order ({@link TileOrderedJob}),
 * and keeps what the job's steps share: the commits of its chunks with the progress, its end, and
 * whether it should stop (cancelled, or the process stopping).
 */
final class JobRunner {

  private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

  private final TerraceApi api;
  private final Catalog catalog;
  private final JobStore store;
  private final JobFolder folder;
  private final int maxBatch;
  private final JobListener listener;
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  private final Map<String, Pace> paces = new ConcurrentHashMap<>();

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
   * @return how far a job running here has got, or null when it is not running here
   */
  Pace pace(String id) {
    return paces.get(id);
  }

  /** Counts rows whose values a running job has read. */
  void extracted(String id, long rows) {
    Pace pace = paces.get(id);
    if (pace != null) {
      pace.extracted(rows);
    }
  }

  void run(JobRecord job) {
    String id = job.id();
    store.start(id, Instant.now());
    try {
      JobRecord current = store.find(job.owner(), id).orElseThrow();
      if (current.status() != JobStatus.RUNNING) {
        return;
      }
      folder.discardFrom(id, current.chunks());
      BatchExtractRequest options =
          StrictJson.MAPPER.readValue(current.options(), BatchExtractRequest.class);
      paces.put(id, new Pace((long) current.chunks() * current.chunkRows()));
      new TileOrderedJob(this, api, maxBatch).run(current, options);
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
      paces.remove(id);
      cancelled.remove(id);
    }
  }

  /**
   * Writes a chunk of rows already as JSON, and commits it.
   *
   * @param ndjson the chunk's rows, a JSON object per line
   * @param rows how many lines {@code ndjson} holds
   * @param failedNow the failed rows with this chunk's
   * @return {@code failedNow}
   */
  long commitLines(JobRecord job, int chunk, byte[] ndjson, int rows, long failedNow)
      throws IOException {
    String id = job.id();
    long done = (long) chunk * job.chunkRows() + rows;
    folder.writeChunk(id, chunk, ndjson);
    store.commit(id, chunk + 1, done, failedNow);
    Pace pace = paces.get(id);
    if (pace != null) {
      pace.written(done);
    }
    store.find(job.owner(), id).ifPresent(j -> listener.progressed(j.owner(), j.toJob(pace(id))));
    return failedNow;
  }

  /** Whether the job should stop before its next step: cancelled, or the process stopping. */
  boolean stopping(String id) {
    return cancelled.contains(id) || Thread.currentThread().isInterrupted();
  }

  void succeeded(JobRecord job) {
    end(job, JobStatus.SUCCEEDED, null);
  }

  /** Ends the job as failed for its input, with what to do about it. */
  void fail(JobRecord job, String error) {
    end(job, JobStatus.FAILED, error);
  }

  /** Records the number of rows the job's input holds, once it has been read through. */
  void total(JobRecord job, long rows) {
    store.total(job.id(), rows);
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
      store.find(job.owner(), job.id()).ifPresent(this::tellEnd);
    }
  }

  /**
   * Tells the listener that a job ended, then records it told. A process stopped between ending a
   * job and telling it, or a listener that failed, leaves it untold: it is told again on start.
   */
  void tellEnd(JobRecord ended) {
    try {
      listener.ended(ended.owner(), ended.toJob(null));
      store.told(ended.id());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "cannot tell that job " + ended.id() + " ended; it is told again on start",
          e);
    }
  }

  /** Rows per second since this run started, the rows done before it not counted. */
}
