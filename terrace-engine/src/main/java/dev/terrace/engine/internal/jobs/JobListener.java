package dev.terrace.engine.internal.jobs;

import dev.terrace.api.Job;

/** Told when a job commits a chunk or ends, to send its webhooks' events. */
public interface JobListener {

  /** A listener that does nothing. */
  JobListener NONE = new JobListener() {};

  /**
   * A chunk of the job was committed.
   *
   * @param job the job as it is now
   */
  default void progressed(String owner, Job job) {}

  /**
   * The job reached its final status: succeeded, failed or cancelled.
   *
   * @param job the job as it ended
   */
  default void ended(String owner, Job job) {}
}
