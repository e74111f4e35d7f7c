package dev.terrace.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the service runs jobs.
 *
 * @param folder where each job's input and committed rows are kept; with the database, what a
 *     restarted service resumes from
 * @param workers how many jobs run at once, each on a thread of its own
 * @param chunkRows rows extracted and committed together: the most a killed service redoes per job
 * @param maxJobsPerKey the most jobs one API key may have queued and running; beyond, a create is a
 *     429
 * @param maxQueuedRowsPerKey the most rows one key's unfinished jobs may leave to extract; beyond,
 *     a create is a 429
 * @param maxInputBytes the largest input streamed as a create's body; beyond, the create is a 413
 *     and nothing of it is kept, so that no client fills the jobs' disk
 */
public record JobSettings(
    Path folder,
    int workers,
    int chunkRows,
    int maxJobsPerKey,
    long maxQueuedRowsPerKey,
    long maxInputBytes) {

  /** Jobs per key unless the operator says otherwise. */
  public static final int MAX_JOBS_PER_KEY = 8;

  /** Queued rows per key unless the operator says otherwise: two of the largest jobs. */
  public static final long MAX_QUEUED_ROWS_PER_KEY = 20_000_000L;

  /**
   * The largest streamed input unless the operator says otherwise: 10 000 000 rows of GeoJSON
   * polygons of a hundred vertices or so.
   */
  public static final long MAX_INPUT_BYTES = 16L << 30;

  /**
   * Settings with the default limits per key.
   *
   * @param folder the jobs' folder
   * @param workers jobs run at once
   * @param chunkRows rows per committed chunk
   */
  public JobSettings(Path folder, int workers, int chunkRows) {
    this(folder, workers, chunkRows, MAX_JOBS_PER_KEY, MAX_QUEUED_ROWS_PER_KEY, MAX_INPUT_BYTES);
  }

  /**
   * @throws IllegalArgumentException if {@code workers} or {@code chunkRows} is below 1
   */
  public JobSettings {
    Objects.requireNonNull(folder, "folder");
    if (workers < 1
        || chunkRows < 1
        || maxJobsPerKey < 1
        || maxQueuedRowsPerKey < 1
        || maxInputBytes < 1) {
      throw new IllegalArgumentException(
          "workers, chunkRows, maxJobsPerKey, maxQueuedRowsPerKey and maxInputBytes must be at"
              + " least 1");
    }
  }

  /**
   * The defaults: the folder {@code terrace-jobs} in the working directory, one job at a time, 10
   * 000 rows per chunk.
   *
   * @return the defaults
   */
  public static JobSettings defaults() {
    return new JobSettings(Path.of("terrace-jobs"), 1, 10_000);
  }

  /**
   * @param folder the jobs' folder
   * @return these settings with another folder
   */
  public JobSettings withFolder(Path folder) {
    return new JobSettings(
        folder, workers, chunkRows, maxJobsPerKey, maxQueuedRowsPerKey, maxInputBytes);
  }
}
