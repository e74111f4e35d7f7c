package dev.terrace.engine.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Maps a list on virtual threads with a bound on how many run at once, keeping input order. Reads block on
 * disks and servers as much as they compute, so threads are cheap virtual ones and the bound, not the
 * thread count, limits the load.
 */
final class Parallel {

  private Parallel() {}

  static <T, R> List<R> map(List<T> items, int concurrency, Function<T, R> task) {
    if (items.size() == 1) {
      List<R> one = new ArrayList<>(1);
      one.add(task.apply(items.get(0)));
      return one;
    }
    Semaphore permits = new Semaphore(concurrency);
    List<Future<R>> futures = new ArrayList<>(items.size());
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (T item : items) {
        permits.acquireUninterruptibly();
        futures.add(threads.submit(() -> {
          try {
            return task.apply(item);
          } finally {
            permits.release();
          }
        }));
      }
    }
    List<R> out = new ArrayList<>(futures.size());
    for (Future<R> f : futures) {
      try {
        out.add(f.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException("interrupted");
      }
    }
    return out;
  }
}
