package dev.terrace.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/** A token bucket per caller: {@code burst} requests at once, refilled at {@code perSecond}. */
final class RateLimiter {

  /** What one request was told. */
  record Decision(boolean allowed, int remaining, long resetSeconds, long retryAfterSeconds) {}

  /**
   * The sustained rate as whole requests per whole seconds, the form rate-limit header fields
   * carry: 50/s is 50 per second, 0.01/s one per 100 seconds, 2.5/s five per two seconds.
   */
  record Quota(long requests, long windowSeconds) {}

  /** A day: a rate that fits no whole window shorter than that is rounded. */
  private static final long LONGEST_WINDOW = 86_400;

  private final double perSecond;
  private final int burst;
  private final Quota quota;
  private final LongSupplier nanoClock;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder()
          .expireAfterAccess(Duration.ofMinutes(10))
          .maximumSize(100_000)
          .executor(
              Runnable::run) // upkeep on the request's thread rather than a common-pool hand-off
          .build();

  RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.quota = enabled() ? quotaOf(perSecond) : null;
  }

  private static Quota quotaOf(double perSecond) {
    for (long window = 1; window <= LONGEST_WINDOW; window++) {
      double requests = perSecond * window;
      if (requests >= 1 && Math.abs(requests - Math.rint(requests)) < 1e-6) {
        return new Quota((long) Math.rint(requests), window);
      }
    }
    return perSecond >= 1
        ? new Quota((long) perSecond, 1)
        : new Quota(1, Math.round(1 / perSecond));
  }

  boolean enabled() {
    return perSecond > 0;
  }

  /**
   * @return the sustained rate; null when the limiter is off
   */
  Quota quota() {
    return quota;
  }

  String describe() {
    return perSecond + " requests per second, bursts of " + burst;
  }

  Decision take(String caller) {
    return buckets
        .get(caller, k -> new Bucket(burst, nanoClock.getAsLong()))
        .take(nanoClock.getAsLong());
  }

  private final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    synchronized Decision take(long now) {
      tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
      refilledAt = now;
      boolean allowed = tokens >= 1;
      if (allowed) {
        tokens -= 1;
      }
      long reset = (long) Math.ceil((burst - tokens) / perSecond);
      long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
      return new Decision(allowed, (int) Math.floor(tokens), reset, retryAfter);
    }
  }
}
