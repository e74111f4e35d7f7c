package dev.terrace.engine.internal.jobs;

/**
 * What one owner may have waiting and running at once, so that one caller cannot fill the pool for
 * every other.
 *
 * @param jobs the most queued and running jobs
 * @param rows the most rows not yet extracted across them; a streamed input's rows count once the
 *     job has counted them, when it starts
 */
public record JobQuota(int jobs, long rows) {

  /** No limits: the in-process engine's, whose one caller is its process. */
  public static final JobQuota UNLIMITED = new JobQuota(Integer.MAX_VALUE, Long.MAX_VALUE);
}
