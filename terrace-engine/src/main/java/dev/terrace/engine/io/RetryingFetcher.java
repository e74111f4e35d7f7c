package dev.terrace.engine.io;

import dev.terrace.engine.io.Outcome.Failed;
import dev.terrace.engine.io.Outcome.Fetched;
import dev.terrace.engine.raster.RasterIoException;
import java.time.Duration;

/**
 * Fetches bytes of a remote file, repeating attempts that failed transiently as {@link RetryPolicy}
 * allows.
 */
final class RetryingFetcher {

  private final RangeRequester requester;
  private final RetryPolicy policy;
  private final HttpOptions.Sleeper sleeper;
  private final TrafficCounters traffic;
  private final RemoteFileErrors errors;

  RetryingFetcher(RangeRequester requester, HttpOptions options, TrafficCounters traffic,
      RemoteFileErrors errors) {
    this.requester = requester;
    this.policy = new RetryPolicy(options);
    this.sleeper = options.sleeper();
    this.traffic = traffic;
    this.errors = errors;
  }

  /**
   * Fetches bytes, retrying transient failures.
   *
   * @param known the version the file was opened as; null when opening, then the range is clipped to the file
   * @return the bytes, which may be more than asked for if the server ignored {@code Range}
   * @throws RasterIoException if the bytes cannot be fetched, the file changed, or the source is closed
   */
  Fetched fetch(long offset, int length, FileVersion known) {
    int attempts = policy.maxAttempts();
    String range = RangeRequester.rangeHeader(offset, length);
    for (int attempt = 1; ; attempt++) {
      if (requester.isClosed()) {
        throw errors.closed();
      }
      String problem;
      Throwable cause = null;
      Duration retryAfter = null;
      try {
        Outcome o = requester.attempt(offset, length, known);
        if (o instanceof Fetched f) {
          return f;
        }
        Failed f = (Failed) o;
        if (!RetryPolicy.isRetryable(f.status())) {
          throw errors.forStatus(f, range, known);
        }
        problem = "HTTP " + f.status() + RemoteFileErrors.snippetSuffix(f.snippet());
        retryAfter = RetryPolicy.retryAfter(f.headers());
      } catch (TransientFailure t) {
        problem = t.getMessage();
        cause = t.getCause();
      }
      if (attempt >= attempts) {
        throw errors.io("cannot read " + range + " after " + attempts
            + (attempts == 1 ? " attempt" : " attempts") + "; last failure: " + problem, cause);
      }
      traffic.countRetry();
      try {
        sleeper.sleep(policy.backoff(attempt, retryAfter));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw errors.io("interrupted while waiting to retry " + range, e);
      }
    }
  }
}
