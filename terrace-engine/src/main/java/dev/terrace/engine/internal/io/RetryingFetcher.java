package dev.terrace.engine.internal.io;

import dev.terrace.api.retry.RetryPolicy;
import dev.terrace.api.retry.Sleeper;
import dev.terrace.engine.internal.io.Outcome.Failed;
import dev.terrace.engine.internal.io.Outcome.Fetched;
import dev.terrace.engine.internal.raster.RasterIoException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Fetches bytes of a remote file, repeating attempts that failed transiently as the shared {@link
 * RetryPolicy} allows: the statuses it names and failures without an answer, after its backoff or
 * the server's {@code Retry-After}, up to {@link HttpOptions#maxRetries()} times.
 */
final class RetryingFetcher {

  private final RangeRequester requester;
  private final RetryPolicy policy;
  private final int maxAttempts;
  private final Sleeper sleeper;
  private final TrafficCounters traffic;
  private final RemoteFileErrors errors;
  private final Breaker host;
  private final Breaker file;

  RetryingFetcher(
      URI uri,
      RangeRequester requester,
      HttpOptions options,
      TrafficCounters traffic,
      RemoteFileErrors errors) {
    this.host = SourceBreakers.shared().host(uri);
    this.file = SourceBreakers.shared().file(uri);
    this.requester = requester;
    this.policy = options.retryPolicy();
    this.maxAttempts = options.maxRetries() + 1;
    this.sleeper = options.sleeper();
    this.traffic = traffic;
    this.errors = errors;
  }

  /**
   * Fetches bytes, retrying transient failures.
   *
   * @param known the version the file was opened as; null when opening, then the range is clipped
   *     to the file
   * @return the bytes, which may be more than asked for if the server ignored {@code Range}
   * @throws RasterIoException if the bytes cannot be fetched, the file changed, or the source is
   *     closed
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
      // Closing the source is the caller's doing, and a read given up early says nothing about the
      // server.
      boolean abandoned = Thread.currentThread().isInterrupted();
      if (requester.isClosed()
          || abandoned && System.nanoTime() - start < SourceBreakers.SLOW.toNanos()) {
        host.released();
        file.released();
      } else {
        String why =
            abandoned
                ? "no answer in " + (System.nanoTime() - start) / 1_000_000 + " ms"
                : e.getMessage();
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

  /**
   * @param hostAnswered set when the server answered with a status that retrying cannot change
   */
  private Fetched fetchWithRetries(
      long offset, int length, FileVersion known, boolean[] hostAnswered) {
    int attempts = maxAttempts;
    String range = RangeRequester.rangeHeader(offset, length);
    for (int attempt = 1; ; attempt++) {
      if (requester.isClosed()) {
        throw errors.closed();
      }
      String problem;
      Throwable cause = null;
      String retryAfter = null;
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
        retryAfter = f.headers().firstValue("Retry-After").orElse(null);
      } catch (TransientFailure t) {
        problem = t.getMessage();
        cause = t.getCause();
      }
      if (attempt >= attempts) {
        throw errors.io(
            "cannot read "
                + range
                + " after "
                + attempts
                + (attempts == 1 ? " attempt" : " attempts")
                + "; last failure: "
                + problem,
            cause);
      }
      Optional<Duration> pause = policy.delay(attempt, retryAfter);
      if (pause.isEmpty()) {
        throw errors.io(
            "cannot read "
                + range
                + ": "
                + problem
                + " asks to retry after "
                + retryAfter.strip()
                + ", longer than the "
                + policy.maxRetryAfter().toMillis()
                + " ms this reader waits; not retried",
            cause);
      }
      traffic.countRetry();
      try {
        sleeper.sleep(pause.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw errors.io("interrupted while waiting to retry " + range, e);
      }
    }
  }
}
