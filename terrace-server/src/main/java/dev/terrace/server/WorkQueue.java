package dev.terrace.server;

import dev.terrace.api.ErrorType;
import dev.terrace.engine.internal.extract.Deadline;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits requests to the engine: a fixed number run, a bounded number wait, the rest are refused at
 * once with 503 so that overload never piles up; each admitted request has a deadline.
 */
final class WorkQueue implements AutoCloseable {

  /**
   * How often the watchdog looks for requests past their deadline; a deadline is met to within
   * this.
   */
  private static final long WATCHDOG_TICK_MILLIS = 20;

  private final Semaphore admitted;
  private final Semaphore running;
  private final Duration deadline;

  /**
   * How long past its deadline a request is waited for before it is answered 504. The engine
   * answers by the deadline itself, with what it could read; this is the time it has to hand that
   * answer over, and the bound for work that cannot stop in time at all.
   */
  private final long graceNanos;

  private final ExecutorService workers =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("terrace-work-", 0).factory());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
  private final Thread watchdog =
      Thread.ofPlatform().daemon().name("terrace-deadline-watchdog").unstarted(this::watchdog);
  private volatile boolean draining;

  WorkQueue(int maxActive, int maxQueued, Duration deadline, Duration grace) {
    this.admitted = new Semaphore(maxActive + maxQueued);
    this.running = new Semaphore(maxActive);
    this.deadline = deadline;
    this.graceNanos = grace.toNanos();
    watchdog.start();
  }

  /**
   * Runs {@code work} within the deadline. {@code quick} work (a single point) runs on the caller's
   * own thread, saving the hand-off that costs it more than the work itself; a watchdog interrupts
   * it at the deadline, and it is answered 504 as soon as it stops (at once if it was waiting
   * interruptibly, else when its reads time out). Other work runs on a worker that the caller stops
   * waiting for at the deadline.
   */
  <T> T run(Callable<T> work, boolean quick) throws Exception {
    if (draining) {
      throw ProblemException.retryLater(
          ErrorType.OVERLOADED,
          "the service is shutting down; retry on another" + " instance or in a moment",
          1);
    }
    if (!admitted.tryAcquire()) {
      throw ProblemException.retryLater(
          ErrorType.OVERLOADED,
          "the service is at capacity; retry after the" + " Retry-After delay",
          1);
    }
    inFlight.incrementAndGet();
    long start = System.nanoTime();
    long until = start + deadline.toNanos();
    // The time spent waiting for a turn counts: the engine answers by the request's deadline, not
    // its own.
    Callable<T> bounded = () -> Deadline.call(until, work);
    try {
      if (!running.tryAcquire(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
        throw timedOut();
      }
      try {
        if (quick) {
          return runHere(bounded, until + graceNanos);
        }
        Future<T> future = workers.submit(bounded);
        long left = until + graceNanos - System.nanoTime();
        try {
          return future.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          future.cancel(true);
          throw timedOut();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      } finally {
        running.release();
      }
    } finally {
      admitted.release();
      inFlight.decrementAndGet();
    }
  }

  private <T> T runHere(Callable<T> work, long until) throws Exception {
    Watch watch = new Watch(Thread.currentThread(), until);
    watched.add(watch);
    try {
      T result = work.call();
      if (watch.expired) {
        throw timedOut();
      }
      return result;
    } catch (Exception e) {
      throw watch.expired ? timedOut() : e;
    } finally {
      watched.remove(watch);
      synchronized (watch) {
        watch.done = true;
      }
      if (watch.expired) {
        Thread
            .interrupted(); // the watchdog's interrupt must not reach the connection's next request
      }
    }
  }

  /** A request running on its own thread, and when it must end. */
  private static final class Watch {
    final Thread thread;
    final long until;
    volatile boolean expired;
    boolean done;

    Watch(Thread thread, long until) {
      this.thread = thread;
      this.until = until;
    }
  }

  /**
   * Every tick, interrupts the requests running on their own threads that are past their deadline.
   */
  private void watchdog() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(WATCHDOG_TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Watch w : watched) {
        if (now - w.until > 0) {
          synchronized (w) {
            if (!w.done && !w.expired) {
              w.expired = true;
              w.thread.interrupt();
            }
          }
        }
      }
    }
  }

  private ProblemException timedOut() {
    return ProblemException.of(
        ErrorType.TIMEOUT,
        "the request did not finish within the service's "
            + deadline.toMillis()
            + " ms deadline, not even with the datasets it could not read marked missing: the"
            + " service is overloaded; retry later");
  }

  /** Refuses new work and waits up to {@code grace} for the work in flight. */
  boolean drain(Duration grace) throws InterruptedException {
    draining = true;
    long until = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    return inFlight.get() == 0;
  }

  boolean draining() {
    return draining;
  }

  int inFlight() {
    return inFlight.get();
  }

  @Override
  public void close() {
    watchdog.interrupt();
    workers.shutdownNow();
  }
}
