package dev.terrace.server;

import dev.terrace.api.Job;
import dev.terrace.api.WebhookEvent;
import dev.terrace.engine.internal.jobs.JobListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job's progress and end, told to its owner's webhooks. Event ids are made from the job, so that
 * the same event published twice (a job's end told again after a restart) carries the same id and a
 * receiver can drop the repeat.
 */
final class JobEvents implements JobListener {

  private static final Logger LOG = Logger.getLogger(JobEvents.class.getName());

  private final WebhookDispatcher webhooks;

  JobEvents(WebhookDispatcher webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public void progressed(String owner, Job job) {
    try {
      webhooks.publish(
          owner, WebhookEvent.JOB_PROGRESS, "evt_" + job.id() + "_" + job.processed(), job);
    } catch (RuntimeException e) {
      // Progress is told again with the next chunk: a database fault here must not fail the job.
      LOG.log(Level.WARNING, "cannot record job.progress of job " + job.id(), e);
    }
  }

  /**
   * Records the deliveries of a job's end, or throws: the job then stays untold, and its end is
   * told again on start.
   */
  @Override
  public void ended(String owner, Job job) {
    WebhookEvent event =
        switch (job.status()) {
          case SUCCEEDED -> WebhookEvent.JOB_SUCCEEDED;
          case FAILED -> WebhookEvent.JOB_FAILED;
          case CANCELLED -> WebhookEvent.JOB_CANCELLED;
          case QUEUED, RUNNING ->
              throw new IllegalArgumentException("job " + job.id() + " has not ended");
        };
    webhooks.publish(owner, event, "evt_" + job.id() + "_" + job.status().wireName(), job);
  }
}
