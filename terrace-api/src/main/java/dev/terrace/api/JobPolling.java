package dev.terrace.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/** Waiting for a job to end by asking for it, more and more rarely. */
final class JobPolling {

  private static final long FIRST_MS = 100;
  private static final long MOST_MS = 5_000;

  private JobPolling() {}

  static Job waitFor(
      Function<String, Job> get, String id, Duration timeout, Consumer<Job> progress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_MS;
    while (true) {
      Job job = get.apply(id);
      progress.accept(job);
      if (job.status().isFinal()) {
        return job;
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw notEnded(job, timeout);
      }
      try {
        Thread.sleep(Math.min(pause, left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceException("interrupted while waiting for job " + id, e);
      }
      pause = Math.min(pause * 2, MOST_MS);
    }
  }

  static CompletableFuture<Job> waitForAsync(
      Function<String, CompletionStage<Job>> get,
      String id,
      Duration timeout,
      Consumer<Job> progress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    return poll(get, id, timeout, progress, deadline, FIRST_MS);
  }

  private static CompletableFuture<Job> poll(
      Function<String, CompletionStage<Job>> get,
      String id,
      Duration timeout,
      Consumer<Job> progress,
      long deadline,
      long pause) {
    return get.apply(id)
        .toCompletableFuture()
        .thenCompose(
            job -> {
              progress.accept(job);
              if (job.status().isFinal()) {
                return CompletableFuture.completedFuture(job);
              }
              long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
              if (left <= 0) {
                return CompletableFuture.failedFuture(notEnded(job, timeout));
              }
              return CompletableFuture.supplyAsync(
                      () -> null,
                      CompletableFuture.delayedExecutor(
                          Math.min(pause, left), TimeUnit.MILLISECONDS))
                  .thenCompose(
                      ignored ->
                          poll(get, id, timeout, progress, deadline, Math.min(pause * 2, MOST_MS)));
            });
  }

  private static ServiceException notEnded(Job job, Duration timeout) {
    return new ServiceException(
        "job "
            + job.id()
            + " is still "
            + job.status().wireName()
            + " after "
            + timeout
            + " ("
            + job.processed()
            + " rows done); it goes on: wait again or cancel it");
  }
}
