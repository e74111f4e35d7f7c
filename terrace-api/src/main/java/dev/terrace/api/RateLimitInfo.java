package dev.terrace.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rate-limit state one response reported, from its {@code X-RateLimit-*} headers. Each response
 * carries its own: nothing keeps a shared "last seen" value, so concurrent calls never read each
 * other's. In-process there is no rate limit and so none of these.
 *
 * @param limit the requests allowed per window ({@code X-RateLimit-Limit})
 * @param remaining the requests left in the current window ({@code X-RateLimit-Remaining})
 * @param reset the time until the window resets ({@code X-RateLimit-Reset}, in seconds on the
 *     wire); zero when the header is missing
 */
public record RateLimitInfo(long limit, long remaining, Duration reset) {

  /** The header naming the requests allowed per window. */
  public static final String LIMIT = "X-RateLimit-Limit";

  /** The header naming the requests left in the current window. */
  public static final String REMAINING = "X-RateLimit-Remaining";

  /** The header naming the seconds until the window resets. */
  public static final String RESET = "X-RateLimit-Reset";

  /**
   * Reads the headers of one response.
   *
   * @param headers the response's headers, names in any case
   * @return the state, or empty unless both {@code X-RateLimit-Limit} and {@code
   *     X-RateLimit-Remaining} are present and whole numbers of zero or more
   */
  public static Optional<RateLimitInfo> from(Map<String, List<String>> headers) {
    Optional<Long> limit = first(headers, LIMIT).flatMap(RateLimitInfo::count);
    Optional<Long> remaining = first(headers, REMAINING).flatMap(RateLimitInfo::count);
    if (limit.isEmpty() || remaining.isEmpty()) {
      return Optional.empty();
    }
    Duration reset = first(headers, RESET).flatMap(RateLimitInfo::seconds).orElse(Duration.ZERO);
    return Optional.of(new RateLimitInfo(limit.get(), remaining.get(), reset));
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (name.equalsIgnoreCase(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
        return Optional.ofNullable(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  private static Optional<Long> count(String value) {
    try {
      long n = Long.parseLong(value.strip());
      return n >= 0 ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A non-negative number of seconds, fractions accepted. */
  private static Optional<Duration> seconds(String value) {
    try {
      double s = Double.parseDouble(value.strip());
      return s >= 0 && Double.isFinite(s)
          ? Optional.of(Duration.ofNanos((long) (s * 1e9)))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
