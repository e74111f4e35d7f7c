package dev.terrace.engine.internal.jobs;

/** Told when a job commits a chunk or ends, to send its webhooks' events. */
public interface JobListener {

  /** A listener that does nothing. */
  JobListener NONE = new JobListener() {};

  /** A chunk of the job was committed. */
  default void progressed(String owner, String id) {}

  /** The job reached its final status. */
  default void ended(String owner, String id) {}
}
