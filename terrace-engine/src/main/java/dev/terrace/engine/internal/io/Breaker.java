package dev.terrace.engine.internal.io;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for one remote source: closed while it answers; open, refusing at once, for a
 * cool-down after {@code threshold} consecutive failures, or after one stall (a request it left
 * unanswered until the request was given up); then half open, letting one probe through, whose
 * outcome closes or reopens it. Thread-safe.
 */
final class Breaker {

  /** A breaker's state, as metrics report it. */
  enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final String source;
  private final int threshold;
  private final long coolDownNanos;
  private final LongSupplier clock;
  private State state = State.CLOSED;
  private int failures;
  private long openedAt;
  private boolean probing;
  private long opened;
  private String lastFailure;

  Breaker(String source, int threshold, Duration coolDown) {
    this(source, threshold, coolDown, System::nanoTime);
  }

  /**
   * @param clock nanoseconds, as {@link System#nanoTime}; tests pass one they move themselves
   */
  Breaker(String source, int threshold, Duration coolDown, LongSupplier clock) {
    this.source = source;
    this.threshold = threshold;
    this.coolDownNanos = coolDown.toNanos();
    this.clock = clock;
  }

  /**
   * Asks to send a request to the source.
   *
   * @return null when it may be sent, else why not (the breaker is open, or another request is
   *     probing)
   */
  synchronized String admit() {
    if (state == State.OPEN && clock.getAsLong() - openedAt >= coolDownNanos) {
      state = State.HALF_OPEN;
    }
    if (state == State.CLOSED) {
      return null;
    }
    if (state == State.HALF_OPEN && !probing) {
      probing = true;
      return null;
    }
    long left = Math.max(0, coolDownNanos - (clock.getAsLong() - openedAt)) / 1_000_000;
    return source
        + " failed "
        + failures
        + " times in a row (last: "
        + lastFailure
        + "); not asked again for "
        + (state == State.HALF_OPEN ? "a moment, while one request probes it" : left + " ms");
  }

  synchronized void succeeded() {
    state = State.CLOSED;
    failures = 0;
    probing = false;
  }

  /**
   * @param why the failure, for the message of the requests refused while the breaker is open
   * @param stalled whether the source left a request unanswered until it was given up: every
   *     request behind it would wait as long, so one is enough to open the breaker
   */
  synchronized void failed(String why, boolean stalled) {
    failures = stalled ? Math.max(failures + 1, threshold) : failures + 1;
    lastFailure = why;
    if (state == State.HALF_OPEN || failures >= threshold) {
      if (state != State.OPEN) {
        opened++;
      }
      state = State.OPEN;
      openedAt = clock.getAsLong();
    }
    probing = false;
  }

  /**
   * A request that ended without telling anything about the source, such as one abandoned early.
   */
  synchronized void released() {
    probing = false;
  }

  synchronized State state() {
    if (state == State.OPEN && clock.getAsLong() - openedAt >= coolDownNanos) {
      return State.HALF_OPEN;
    }
    return state;
  }

  /**
   * @return how many times the breaker has opened
   */
  synchronized long timesOpened() {
    return opened;
  }

  synchronized String lastFailure() {
    return lastFailure;
  }
}
