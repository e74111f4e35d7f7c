package dev.terrace.engine.internal.io;

import java.time.Duration;
import java.util.Arrays;

/**
 * The recent answer times of one remote file, and from them how long a request may go unanswered
 * before it is hedged: the 95th percentile of the last {@link #SIZE} answers, at least {@link
 * #FLOOR}. Until {@link #MIN_SAMPLES} answers are known there is no threshold and nothing is
 * hedged: a guess could double the traffic of a slow source, while a source read that little gains
 * nothing from hedging.
 *
 * <p>Thread-safe; a sample costs a lock and a store, a threshold a sort of at most {@link #SIZE}
 * values, small next to the request it decides about.
 */
final class LatencyWindow {

  /** How many recent answers the percentile is taken over. */
  static final int SIZE = 128;

  /** Answers needed before anything is hedged. */
  static final int MIN_SAMPLES = 20;

  /** The shortest wait before a hedge: below it a duplicate request costs more than it saves. */
  static final Duration FLOOR = Duration.ofMillis(50);

  private final long[] nanos = new long[SIZE];
  private int count;
  private int next;

  /**
   * @param answerNanos how long a request took to be answered in full
   */
  synchronized void record(long answerNanos) {
    nanos[next] = answerNanos;
    next = (next + 1) % SIZE;
    count = Math.min(count + 1, SIZE);
  }

  /**
   * @return how long to wait for an answer before hedging, in nanoseconds; -1 while too few are
   *     known
   */
  long hedgeAfterNanos() {
    long[] recent;
    synchronized (this) {
      if (count < MIN_SAMPLES) {
        return -1;
      }
      recent = Arrays.copyOf(nanos, count);
    }
    Arrays.sort(recent);
    long p95 = recent[(int) Math.ceil(0.95 * recent.length) - 1];
    return Math.max(FLOOR.toNanos(), p95);
  }
}
