package dev.terrace.server;

import dev.terrace.api.ErrorType;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits requests to the engine: a fixed number run, a bounded number wait, the rest are refused at once with 503
 * so that overload never piles up; each admitted request has a deadline.
 */
final class WorkQueue implements AutoCloseable {

  private final Semaphore admitted;
  private final Semaphore running;
  private final Duration deadline;
  private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
      Thread.ofVirtual().name("terrace-work-", 0).factory());
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;

  WorkQueue(int maxActive, int maxQueued, Duration deadline) {
    this.admitted = new Semaphore(maxActive + maxQueued);
    this.running = new Semaphore(maxActive);
    this.deadline = deadline;
  }

  <T> T run(Callable<T> work) throws Exception {
    if (draining) {
      throw ProblemException.retryLater(ErrorType.OVERLOADED, "the service is shutting down; retry on another"
          + " instance or in a moment", 1);
    }
    if (!admitted.tryAcquire()) {
      throw ProblemException.retryLater(ErrorType.OVERLOADED, "the service is at capacity; retry after the"
          + " Retry-After delay", 1);
    }
    inFlight.incrementAndGet();
    long start = System.nanoTime();
    try {
      if (!running.tryAcquire(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
        throw timedOut();
      }
      try {
        Future<T> future = workers.submit(work);
        long left = deadline.toNanos() - (System.nanoTime() - start);
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

  private ProblemException timedOut() {
    return ProblemException.of(ErrorType.TIMEOUT, "the request did not finish within the service's "
        + deadline.toMillis() + " ms deadline; send fewer geometries or datasets per request");
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
    workers.shutdownNow();
  }
}
