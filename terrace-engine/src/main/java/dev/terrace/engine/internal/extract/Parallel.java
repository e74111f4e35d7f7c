package dev.terrace.engine.internal.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Maps a list on virtual threads with a bound on how many run at once, keeping input order. Reads
 * block on disks and servers as much as they compute, so threads are cheap virtual ones and the
 * bound, not the thread count, limits the load.
 *
 * <p>Work for a job (see {@link Priority}) also takes a permit of the process's background gate for
 * each item, on the item's thread, so that jobs leave interactive requests a core; a caller that
 * holds one gives it back while it waits for its items.
 */
final class Parallel {

  private Parallel() {}

  static <T, R> List<R> map(List<T> items, int concurrency, Function<T, R> task) {
    if (items.size() == 1) {
      List<R> one = new ArrayList<>(1);
      one.add(Priority.admitted(() -> task.apply(items.get(0))));
      return one;
    }
    return Priority.whileWaiting(() -> spread(items, concurrency, task));
  }

  private static <T, R> List<R> spread(List<T> items, int concurrency, Function<T, R> task) {
    Semaphore permits = new Semaphore(concurrency);
    List<Future<R>> futures = new ArrayList<>(items.size());
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (T item : items) {
        permits.acquireUninterruptibly();
        futures.add(submit(threads, permits, task, item));
      }
    }
    List<R> out = new ArrayList<>(futures.size());
    for (Future<R> f : futures) {
      try {
        out.add(f.get());
      } catch (ExecutionException e) {
        throw rethrown(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException("interrupted");
      }
    }
    return out;
  }

  /**
   * {@link #map} with a deadline: an item not done by {@code until}, or {@code budget} after it
   * started, is given up — its thread interrupted, which cancels the HTTP exchange it waits on —
   * and {@code late} answers for it. Items always run on threads of their own, so that the caller
   * is free at the deadline whatever they are stuck in.
   *
   * @param until the {@link System#nanoTime()} by which every item must be answered
   * @param budget the most time one item may take, in nanoseconds
   * @param late what stands for an item given up
   */
  static <T, R> List<R> map(
      List<T> items,
      int concurrency,
      Function<T, R> task,
      long until,
      long budget,
      Function<T, R> late) {
    return Priority.whileWaiting(() -> spread(items, concurrency, task, until, budget, late));
  }

  private static <T, R> List<R> spread(
      List<T> items,
      int concurrency,
      Function<T, R> task,
      long until,
      long budget,
      Function<T, R> late) {
    Semaphore permits = new Semaphore(concurrency);
    List<Future<R>> futures = new ArrayList<>(items.size());
    long[] due = new long[items.size()];
    // Not closed: closing waits for every task, and a task stuck past the deadline is left to end
    // on its own.
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    for (T item : items) {
      boolean admitted = false;
      try {
        admitted = permits.tryAcquire(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!admitted) {
        futures.add(null);
        continue;
      }
      long now = System.nanoTime();
      due[futures.size()] = until - (now + budget) < 0 ? until : now + budget;
      futures.add(submit(threads, permits, task, item));
    }
    List<R> out = new ArrayList<>(futures.size());
    for (int i = 0; i < futures.size(); i++) {
      T item = items.get(i);
      Future<R> f = futures.get(i);
      out.add(f == null ? late.apply(item) : within(f, due[i], () -> late.apply(item)));
    }
    return out;
  }

  private static <R> R within(Future<R> f, long until, Supplier<R> late) {
    try {
      return f.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return late.get();
    } catch (ExecutionException e) {
      throw rethrown(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return late.get();
    }
  }

  /** Runs one item on its own thread, in the caller's lane, giving its permit back when it ends. */
  private static <T, R> Future<R> submit(
      ExecutorService threads, Semaphore permits, Function<T, R> task, T item) {
    boolean background = Priority.isBackground();
    return threads.submit(
        () -> {
          try {
            return Priority.spread(background, () -> task.apply(item));
          } finally {
            permits.release();
          }
        });
  }

  /** The item's own failure, as it threw it: the engine's exceptions are unchecked. */
  private static RuntimeException rethrown(ExecutionException e) {
    return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
  }
}
