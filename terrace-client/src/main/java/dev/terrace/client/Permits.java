package dev.terrace.client;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A semaphore that never blocks an asynchronous caller: {@link #acquire()} returns a future that
 * completes when a permit is free. Bounds the requests in flight across a client and every copy and
 * view of it.
 */
final class Permits {

  private final int max;
  private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
  private int used;

  Permits(int max) {
    this.max = max;
  }

  /** A permit, now or later; cancel the future to stop waiting. */
  CompletableFuture<Void> acquire() {
    synchronized (this) {
      if (used < max) {
        used++;
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> waiter = new CompletableFuture<>();
      waiters.add(waiter);
      return waiter;
    }
  }

  /** A permit, blocking until one is free. */
  void acquireBlocking() throws InterruptedException {
    CompletableFuture<Void> permit = acquire();
    try {
      permit.get();
    } catch (InterruptedException e) {
      if (!permit.cancel(false)) {
        release(); // granted just as we gave up
      }
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e); // never completed exceptionally
    }
  }

  /** Returns a permit, handing it straight to the longest waiter that still wants it. */
  void release() {
    while (true) {
      CompletableFuture<Void> next;
      synchronized (this) {
        next = waiters.poll();
        if (next == null) {
          used--;
          return;
        }
      }
      // Completed outside the lock: the waiter's continuation starts a request.
      if (next.complete(null)) {
        return;
      }
    }
  }

  /** The bound. */
  int max() {
    return max;
  }

  /** The permits free now. */
  synchronized int available() {
    return max - used;
  }
}
