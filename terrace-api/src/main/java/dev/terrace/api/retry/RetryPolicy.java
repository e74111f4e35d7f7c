package dev.terrace.api.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * When to send an HTTP request again, and how long to wait first: one policy for the SDK's calls to
 * a Terrace service and for the engine's reads of remote rasters. Immutable and thread-safe.
 *
 * <ul>
 *   <li><b>Which answers.</b> {@link #isRetryable(int)}: 408, 429, 500, 502, 503 and 504, the
 *       statuses that say "not now" rather than "not this"; no other. Failures without an answer (a
 *       connection refused or reset, a timeout, a body cut short) are worth another attempt too;
 *       which failures those are, the caller knows.
 *   <li><b>How long.</b> {@link #delay(int, String)}: the {@code Retry-After} the server sent, when
 *       it is no longer than {@code maxRetryAfter}; a longer one ends the retries, since waiting
 *       less than the server asked would ignore it and waiting more belongs to the caller. Without
 *       one, exponential backoff ({@link #backoff(int)}) from {@code initialBackoff}, doubling up
 *       to {@code maxBackoff}, with "equal jitter": each pause drawn uniformly from the upper half
 *       of its nominal value, so that clients that failed together spread out and none retries at
 *       once.
 *   <li><b>{@code Retry-After}.</b> {@link #retryAfter(String, Instant)}: delay-seconds (fractions
 *       accepted) or an HTTP date, which counts from the local clock; a date in the past is no
 *       wait.
 * </ul>
 *
 * <p>How many attempts, and by when, stay with each caller: the SDK counts per call ({@code
 * maxRetries}) and never waits past the call's {@code totalTimeout}; the engine's reader counts per
 * source ({@code HttpOptions.maxRetries}) and is cut short by the extraction's deadline. Their
 * settings differ on purpose: the SDK starts at 0.5 s, caps at 8 s and waits out a {@code
 * Retry-After} of up to 60 s, because a caller's call can afford to wait for an overloaded service;
 * the engine's reader starts at 100 ms, caps at 2 s and waits out no {@code Retry-After} above 2 s,
 * because it reads inside an extraction that has a deadline, where a dataset not read in time is
 * reported missing rather than held up.
 */
public final class RetryPolicy {

  /** Delay-seconds: digits, and (beyond RFC 9110, which has whole seconds) a fraction. */
  private static final Pattern SECONDS = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  private static final DoubleSupplier RANDOM = () -> ThreadLocalRandom.current().nextDouble();

  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final DoubleSupplier jitter;
  private final Clock clock;

  /**
   * A policy with random jitter and the system clock.
   *
   * @param initialBackoff the pause before the first retry; zero or more, at most {@code
   *     maxBackoff}
   * @param maxBackoff the longest pause backoff reaches
   * @param maxRetryAfter the longest {@code Retry-After} waited out; zero or more
   * @throws IllegalArgumentException if a duration is negative or the initial backoff exceeds the
   *     maximum
   */
  public RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    this(initialBackoff, maxBackoff, maxRetryAfter, RANDOM, Clock.systemUTC());
  }

  private RetryPolicy(
      Duration initialBackoff,
      Duration maxBackoff,
      Duration maxRetryAfter,
      DoubleSupplier jitter,
      Clock clock) {
    this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
    this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
    this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
    if (initialBackoff.compareTo(maxBackoff) > 0) {
      throw new IllegalArgumentException(
          "initialBackoff ("
              + initialBackoff
              + ") must not exceed maxBackoff ("
              + maxBackoff
              + ")");
    }
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * This policy drawing its jitter from {@code unit} instead of at random, so that tests can pin
   * the pauses.
   *
   * @param unit values from 0 (the shortest pause, half the nominal one) to 1 (the nominal one);
   *     values outside are clamped
   * @return a copy with that jitter
   */
  public RetryPolicy withJitter(DoubleSupplier unit) {
    return new RetryPolicy(initialBackoff, maxBackoff, maxRetryAfter, unit, clock);
  }

  /**
   * This policy reading an HTTP-date {@code Retry-After} against {@code clock}, so that tests can
   * pin "now".
   *
   * @param clock the clock
   * @return a copy with that clock
   */
  public RetryPolicy withClock(Clock clock) {
    return new RetryPolicy(initialBackoff, maxBackoff, maxRetryAfter, jitter, clock);
  }

  /**
   * The pause before the first retry.
   *
   * @return the initial backoff
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The longest pause backoff reaches.
   *
   * @return the maximum backoff
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The longest {@code Retry-After} waited out; a longer one ends the retries.
   *
   * @return the cap
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * Whether an answer with this status may go another way if asked again: 408 (request timeout),
   * 429 (too many requests), 500 (internal error), 502 (bad gateway), 503 (unavailable) and 504
   * (gateway timeout). Other statuses will not change by asking again: another 5xx (501 not
   * implemented, 505 version not supported…) no more than a 4xx.
   *
   * @param status the HTTP status
   * @return true when a retry may succeed
   */
  public static boolean isRetryable(int status) {
    switch (status) {
      case 408:
      case 429:
      case 500:
      case 502:
      case 503:
      case 504:
        return true;
      default:
        return false;
    }
  }

  /**
   * The pause after attempt {@code attempt} failed when the server named no wait: {@code
   * initialBackoff} doubled once per earlier attempt, capped at {@code maxBackoff}, then drawn from
   * the upper half of that ("equal jitter").
   *
   * @param attempt the attempt that failed, from 1
   * @return a pause between half the nominal one and the nominal one
   * @throws IllegalArgumentException if {@code attempt} is less than 1
   */
  public Duration backoff(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, got " + attempt);
    }
    long cap = maxBackoff.toNanos();
    long nominal = initialBackoff.toNanos();
    for (int i = 1; i < attempt && nominal < cap; i++) {
      nominal *= 2;
    }
    nominal = Math.min(nominal, cap);
    long half = nominal / 2;
    double u = Math.min(1, Math.max(0, jitter.getAsDouble()));
    return Duration.ofNanos(half + (long) ((nominal - half) * u));
  }

  /**
   * The pause before the next attempt after attempt {@code attempt} failed retryably (a status
   * {@link #isRetryable(int)} accepts, or no answer).
   *
   * @param attempt the attempt that failed, from 1
   * @param retryAfter the {@code Retry-After} header's value, or null when the answer had none (or
   *     there was no answer)
   * @return the {@code Retry-After} wait when the header is readable and the wait no longer than
   *     {@link #maxRetryAfter()}; empty when it is longer, meaning: do not retry; otherwise {@link
   *     #backoff(int)}
   */
  public Optional<Duration> delay(int attempt, @Nullable String retryAfter) {
    if (retryAfter != null) {
      Optional<Duration> asked = retryAfter(retryAfter, clock.instant());
      if (asked.isPresent()) {
        return asked.get().compareTo(maxRetryAfter) > 0 ? Optional.empty() : asked;
      }
    }
    return Optional.of(backoff(attempt));
  }

  /**
   * Reads a {@code Retry-After} value (RFC 9110, section 10.2.3): delay-seconds, fractions
   * accepted, or an HTTP date in its preferred form ({@code Sun, 06 Nov 1994 08:49:37 GMT}), which
   * counts from {@code now}.
   *
   * @param value the header's value
   * @param now the time the answer came
   * @return the wait; zero for a date in the past; empty for a negative number or anything else
   *     unreadable
   */
  public static Optional<Duration> retryAfter(@Nullable String value, Instant now) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (SECONDS.matcher(v).matches()) {
      return Optional.of(Duration.ofNanos((long) (Double.parseDouble(v) * 1e9)));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }

  /**
   * The settings.
   *
   * @return for example {@code RetryPolicy[initialBackoff=PT0.5S, maxBackoff=PT8S,
   *     maxRetryAfter=PT1M]}
   */
  @Override
  public String toString() {
    return "RetryPolicy[initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxRetryAfter="
        + maxRetryAfter
        + "]";
  }

  private static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + d);
    }
    return d;
  }
}
