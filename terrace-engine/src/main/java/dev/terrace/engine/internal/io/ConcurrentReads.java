package dev.terrace.engine.internal.io;

import dev.terrace.engine.internal.raster.RasterIoException;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs the reads of one {@code readAll} side by side, a bounded number at a time, failing on the
 * first error.
 */
final class ConcurrentReads {

  private ConcurrentReads() {}

  /**
   * Reads every item and returns once all are done; if one fails the others are abandoned.
   *
   * @param items what to read, one task each
   * @param maxInFlight how many reads may run at once
   * @param read reads one item; its results must be published through memory the caller reads
   *     afterwards
   * @param errors names the source in the messages
   * @throws RasterIoException if a read fails or the calling thread is interrupted
   */
  static <T> void readAll(
      List<T> items, int maxInFlight, Consumer<T> read, RemoteFileErrors errors) {
    // Virtual threads: each read blocks on its exchange and its backoff sleeps, which costs nothing
    // here,
    // while the semaphore keeps the number of requests in flight within the limit.
    Semaphore permits = new Semaphore(maxInFlight);
    try (ExecutorService pool =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("terrace-http-", 0).factory())) {
      // Completion order, so that the first failure is seen at once, not after the items before it.
      CompletionService<Void> done = new ExecutorCompletionService<>(pool);
      for (T item : items) {
        done.submit(
            () -> {
              permits.acquire();
              try {
                read.accept(item);
              } finally {
                permits.release();
              }
              return null;
            });
      }
      try {
        for (int i = 0; i < items.size(); i++) {
          done.take().get();
        }
      } catch (ExecutionException e) {
        // Abandon the remaining requests: the caller gets nothing anyway.
        pool.shutdownNow();
        Throwable c = e.getCause();
        if (c instanceof RasterIoException r) {
          // A new exception so the trace also shows the caller; the message stays the same.
          throw new RasterIoException(r.getMessage(), r);
        }
        if (c instanceof RuntimeException r) {
          throw r;
        }
        throw errors.io(String.valueOf(c), c);
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
        throw errors.io("interrupted while reading " + items.size() + " ranges", e);
      }
    }
    // The writes made by the reads happened in other threads; Future.get() made them visible here.
  }
}
