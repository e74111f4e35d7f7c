package dev.terrace.engine.io;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which failures are worth another attempt, how many attempts there are, and how long to wait between
 * them.
 */
final class RetryPolicy {

  private final int maxAttempts;
  private final long initialBackoffNanos;
  private final long maxBackoffNanos;

  /** @param options supplies the retry count and the backoff bounds */
  RetryPolicy(HttpOptions options) {
    this.maxAttempts = options.maxRetries() + 1;
    this.initialBackoffNanos = options.initialBackoff().toNanos();
    this.maxBackoffNanos = options.maxBackoff().toNanos();
  }

  /** @return the first attempt plus the retries */
  int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Tells whether a status may go away by asking again: server errors, timeouts and throttling may; other
   * client errors will not.
   */
  static boolean isRetryable(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  /**
   * Exponential backoff with "equal jitter": at least half the nominal pause, so retries spread out.
   *
   * @param attempt the attempt that just failed, from 1
   * @param retryAfter what the server asked for, or null
   * @return the pause before the next attempt
   */
  Duration backoff(int attempt, Duration retryAfter) {
    long nominal = initialBackoffNanos;
    for (int i = 1; i < attempt && nominal < maxBackoffNanos; i++) {
      nominal *= 2;
    }
    nominal = Math.min(nominal, maxBackoffNanos);
    long half = nominal / 2;
    long pause = half + (half > 0 ? ThreadLocalRandom.current().nextLong(nominal - half + 1) : 0);
    if (retryAfter != null) {
      // Honour the server's wish, but never beyond our own cap: a reader must not hang for an hour.
      pause = Math.max(pause, Math.min(retryAfter.toNanos(), maxBackoffNanos));
    }
    return Duration.ofNanos(pause);
  }

  /** @return the pause a {@code Retry-After} header asks for, or null if there is none we can use */
  static Duration retryAfter(HttpHeaders headers) {
    // Only the delta-seconds form; an HTTP date would need clock agreement we cannot assume.
    Optional<String> v = headers.firstValue("Retry-After");
    if (v.isPresent() && v.get().trim().matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(v.get().trim()));
    }
    return null;
  }
}
