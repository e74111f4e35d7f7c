package dev.terrace.api.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * How a retrying caller waits between attempts: the SDK's blocking and asynchronous clients and the
 * engine's HTTP reader. {@link #SYSTEM} waits in real time; tests substitute one that records the
 * waits and returns at once (a lambda will do: {@code waits::add}).
 */
@FunctionalInterface
public interface Sleeper {

  /** Real time; {@link #delay} holds no thread while it waits. */
  Sleeper SYSTEM =
      new Sleeper() {
        @Override
        public void sleep(Duration wait) throws InterruptedException {
          if (wait.isNegative() || wait.isZero()) {
            return;
          }
          TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        }

        @Override
        public CompletableFuture<Void> delay(Duration wait, Executor executor) {
          return CompletableFuture.runAsync(
              () -> {},
              CompletableFuture.delayedExecutor(
                  Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS, executor));
        }
      };

  /**
   * Blocks the calling thread for the wait.
   *
   * @param wait how long; zero or negative returns at once
   * @throws InterruptedException if the thread is interrupted while it waits
   */
  void sleep(Duration wait) throws InterruptedException;

  /**
   * A future completed on {@code executor} after the wait; cancelling it cancels the wait. By
   * default {@link #sleep} run on the executor, which suits a recording sleeper; {@link #SYSTEM}
   * waits without holding a thread.
   *
   * @param wait how long
   * @param executor where the future completes
   * @return the future, completed exceptionally if the wait was interrupted
   */
  default CompletableFuture<Void> delay(Duration wait, Executor executor) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            sleep(wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
          }
        },
        executor);
  }
}
