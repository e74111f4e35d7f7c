package dev.terrace.engine.internal.jobs;

import dev.terrace.api.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where jobs are kept. Every change is one atomic update, and the updates of a running job apply
 * only while it is running, so that a cancellation is never overwritten by the worker's next
 * commit.
 */
public interface JobStore {

  /**
   * Stores a new job, unless the owner already has one with the same idempotency key.
   *
   * @return the job stored: the one given, or the earlier one with its key
   */
  JobRecord insert(JobRecord job);

  Optional<JobRecord> find(String owner, String id);

  Optional<JobRecord> findByKey(String owner, String idempotencyKey);

  /**
   * @param status only jobs in this status, or null for all
   * @return newest first
   */
  List<JobRecord> list(String owner, JobStatus status, int limit, int offset);

  int count(String owner, JobStatus status);

  /**
   * @return the queued and running jobs of every owner, oldest first: those to run on start
   */
  List<JobRecord> unfinished();

  /** Marks a queued or running job running, keeping the time it first started. */
  void start(String id, Instant at);

  /** Records the input's row count of a running job. */
  void total(String id, long total);

  /** Records a chunk committed by a running job; its rows are already in the job's folder. */
  void commit(String id, int chunks, long processed, long failedRows);

  /**
   * Ends a queued or running job.
   *
   * @param error why it failed, or null
   * @return false when the job had already ended (so nothing changed)
   */
  boolean end(String id, JobStatus status, String error, Instant at);

  /** Records that an ended job's end has been told to the {@link JobListener}. */
  void told(String id);

  /**
   * @return the ended jobs whose end was never told, oldest first: the process stopped between
   *     ending them and telling it, so it is told on start
   */
  List<JobRecord> untold();
}
