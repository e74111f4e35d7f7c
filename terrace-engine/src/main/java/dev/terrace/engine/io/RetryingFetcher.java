package dev.terrace.engine.io;

import dev.terrace.engine.io.Outcome.Failed;
import dev.terrace.engine.io.Outcome.Fetched;
import dev.terrace.engine.raster.RasterIoException;
import java.net.URI;
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
  private final Breaker host;
  private final Breaker file;

  RetryingFetcher(URI uri, RangeRequester requester, HttpOptions options, TrafficCounters traffic,
      RemoteFileErrors errors) {
    this.host = SourceBreakers.shared().host(uri);
    this.file = SourceBreakers.shared().file(uri);
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
    String refused = host.admit();
    if (refused == null) {
      refused = file.admit();
      if (refused != null) {
        host.released();
      }
    }
    if (refused != null) {
      throw errors.io("not read: " + refused);
    }
    long start = System.nanoTime();
    boolean[] hostAnswered = {false};
    try {
      Fetched f = fetchWithRetries(offset, length, known, hostAnswered);
      host.succeeded();
      file.succeeded();
      return f;
    } catch (RasterIoException e) {
      // Closing the source is the caller's doing, and a read given up early says nothing about the server.
      boolean abandoned = Thread.currentThread().isInterrupted();
      if (requester.isClosed() || abandoned && System.nanoTime() - start < SourceBreakers.SLOW.toNanos()) {
        host.released();
        file.released();
      } else {
        String why = abandoned ? "no answer in " + (System.nanoTime() - start) / 1_000_000 + " ms" : e.getMessage();
        file.failed(why, abandoned);
        if (hostAnswered[0]) {
          host.succeeded();
        } else {
          host.failed(why, abandoned);
        }
      }
      throw e;
    }
  }

  /** @param hostAnswered set when the server answered with a status that retrying cannot change */
  private Fetched fetchWithRetries(long offset, int length, FileVersion known, boolean[] hostAnswered) {
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
          hostAnswered[0] = true;
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
