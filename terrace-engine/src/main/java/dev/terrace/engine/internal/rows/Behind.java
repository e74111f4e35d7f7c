package dev.terrace.engine.internal.rows;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a caller's steps on threads of their own, behind the caller: each step overlaps the caller
 * preparing the next, and at most {@code steps} run at once, so what waits for them stays that many
 * steps' worth. With one step at a time they run in the order submitted; with none, each runs on
 * the caller's thread as it is submitted. A job's chunks are forced to the disk here while the next
 * is assembled, and the runner's requests extracted two at a time.
 */
public final class Behind implements AutoCloseable {

  /** One step. */
  public interface Step {
    void run() throws IOException;
  }

  private final ExecutorService threads;
  private final int steps;
  private final Deque<Future<?>> pending = new ArrayDeque<>();

  /**
   * One step at a time, in order.
   *
   * @param name the thread's name
   */
  public Behind(String name) {
    this(name, 1);
  }

  /**
   * @param name the threads' name
   * @param steps the most steps running at once on threads of their own; 0 to run each on the
   *     caller's thread
   */
  public Behind(String name, int steps) {
    this.threads =
        steps == 0
            ? null
            : Executors.newFixedThreadPool(steps, Thread.ofPlatform().name(name).factory());
    this.steps = steps;
  }

  /**
   * Runs {@code step} once fewer than {@code steps} are running.
   *
   * @throws IOException what a step submitted before threw
   */
  public void submit(Step step) throws IOException {
    if (threads == null) {
      step.run();
      return;
    }
    if (pending.size() == steps) {
      await(pending.poll());
    }
    pending.add(
        threads.submit(
            () -> {
              step.run();
              return null;
            }));
  }

  /** Waits for every step submitted to end, and throws what the first to fail threw. */
  public void await() throws IOException {
    while (!pending.isEmpty()) {
      await(pending.poll());
    }
  }

  private static void await(Future<?> step) throws IOException {
    try {
      step.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the thread was interrupted: the process is stopping");
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException r -> throw r;
        case Error error -> throw error;
        default -> throw new IOException(e.getCause());
      }
    }
  }

  /** Waits for the steps under way to end, so that none outlives its caller. */
  @Override
  public void close() {
    if (threads != null) {
      threads.close();
    }
  }
}
