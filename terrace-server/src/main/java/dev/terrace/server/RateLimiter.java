package dev.terrace.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/** A token bucket per caller: {@code burst} requests at once, refilled at {@code perSecond}. */
final class RateLimiter {

  /** What one request was told. */
  record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {}

  private final double perSecond;
  private final int burst;
  private final LongSupplier nanoClock;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofMinutes(10))
      .maximumSize(100_000)
      .executor(Runnable::run)         // upkeep on the request's thread rather than a common-pool hand-off
      .build();

  RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoClock = nanoClock;
  }

  boolean enabled() {
    return perSecond > 0;
  }

  String describe() {
    return perSecond + " requests per second, bursts of " + burst;
  }

  Decision take(String caller) {
    return buckets.get(caller, k -> new Bucket(burst, nanoClock.getAsLong())).take(nanoClock.getAsLong());
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
      return new Decision(allowed, burst, (int) Math.floor(tokens), reset, retryAfter);
    }
  }
}
