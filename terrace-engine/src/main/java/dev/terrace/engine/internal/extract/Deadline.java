package dev.terrace.engine.internal.extract;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * When the request being answered on this thread must be answered by, for callers that know better
 * than the engine when a request began: a service whose requests wait in a queue first. The engine
 * answers by then with whatever it has read, each dataset it could not read in time marked {@code
 * missing} with a warning, rather than failing the whole request.
 *
 * <pre>{@code
 * ExtractResponse r = Deadline.within(System.nanoTime() + timeout.toNanos(), () -> terrace.extract(request));
 * }</pre>
 */
public final class Deadline {

  private static final ThreadLocal<Long> UNTIL = new ThreadLocal<>();

  private Deadline() {}

  /**
   * Runs {@code work} with a deadline; an enclosing deadline that is earlier still applies.
   *
   * @param untilNanoTime the {@link System#nanoTime()} by which the answer is due
   * @param work the engine call
   * @return what {@code work} returns
   */
  public static <T> T within(long untilNanoTime, Supplier<T> work) {
    try {
      return call(untilNanoTime, work::get);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("a Supplier throws no checked exception", e);
    }
  }

  /**
   * {@link #within} for work that may throw checked exceptions.
   *
   * @param untilNanoTime the {@link System#nanoTime()} by which the answer is due
   * @param work the engine call
   * @return what {@code work} returns
   * @throws Exception what {@code work} throws
   */
  public static <T> T call(long untilNanoTime, Callable<T> work) throws Exception {
    Long outer = UNTIL.get();
    UNTIL.set(outer == null || untilNanoTime - outer < 0 ? untilNanoTime : outer);
    try {
      return work.call();
    } finally {
      if (outer == null) {
        UNTIL.remove();
      } else {
        UNTIL.set(outer);
      }
    }
  }

  /**
   * The deadline of a request that starts now.
   *
   * @param start when the request started ({@link System#nanoTime()})
   * @param timeout how long a request may take, or null for as long as it needs
   * @return the {@link System#nanoTime()} by which it is due, or empty for none
   */
  static OptionalLong of(long start, Duration timeout) {
    Long until = UNTIL.get();
    if (timeout != null) {
      long own = start + timeout.toNanos();
      until = until == null || own - until < 0 ? own : until;
    }
    return until == null ? OptionalLong.empty() : OptionalLong.of(until);
  }
}
