package dev.terrace.engine.internal.extract;

import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Which lane the current thread's extraction work runs in. Work is interactive unless it runs
 * inside {@link #background}, which the job workers wrap each job in: the engine calls a job makes
 * are the same as a request's, and only this mark tells them apart.
 *
 * <p>Background work is admitted through one process-wide {@link BackgroundGate} (the cores and the
 * tile cache are the process's, whichever engine asks): each item {@link Parallel} runs for it
 * holds a permit while it runs. A thread that waits for the items it spread holds none meanwhile,
 * so nested maps cannot starve each other of permits. The mark is a thread-local rather than an
 * inherited one, and {@link Parallel} hands it to the threads it starts, so that no thread made
 * from a job's (a cache's loader, a pool's worker) keeps it for later work.
 */
public final class Priority {

  /** The threads of one process share its cores, whichever engine their work is for. */
  static final BackgroundGate GATE =
      BackgroundGate.forCores(Runtime.getRuntime().availableProcessors());

  private enum Lane {
    /** Background work that holds no permit: a job's own thread, or one waiting on its items. */
    BACKGROUND,
    /** Background work that holds a permit of the gate. */
    ADMITTED
  }

  /** Null for interactive work, by far the most threads. */
  private static final ThreadLocal<Lane> LANE = new ThreadLocal<>();

  private Priority() {}

  /**
   * Runs {@code work} on this thread in the background lane: the extraction it asks for waits for
   * the gate's permits, below interactive requests.
   */
  public static void background(Runnable work) {
    Lane before = LANE.get();
    if (before != null) {
      work.run();
      return;
    }
    LANE.set(Lane.BACKGROUND);
    try {
      work.run();
    } finally {
      LANE.remove();
    }
  }

  /**
   * @return whether this thread's work is in the background lane
   */
  public static boolean isBackground() {
    return LANE.get() != null;
  }

  /**
   * Runs one item of work on this thread: background work takes a permit for it unless this thread
   * holds one already.
   *
   * @throws CancellationException if interrupted while waiting for a permit (the interrupt status
   *     is kept, so that a job's worker sees that the process is stopping)
   */
  static <R> R admitted(Supplier<R> item) {
    if (LANE.get() != Lane.BACKGROUND) {
      return item.get();
    }
    try {
      GATE.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for interactive work");
    }
    LANE.set(Lane.ADMITTED);
    try {
      return item.get();
    } finally {
      LANE.set(Lane.BACKGROUND);
      GATE.release();
    }
  }

  /**
   * Runs {@code item} on a thread {@link Parallel} started for it, in the lane of the thread that
   * spread it ({@code background}), admitted as {@link #admitted} admits.
   */
  static <R> R spread(boolean background, Supplier<R> item) {
    if (!background) {
      return item.get();
    }
    LANE.set(Lane.BACKGROUND);
    try {
      return admitted(item);
    } finally {
      LANE.remove();
    }
  }

  /**
   * Runs {@code waiting}, in which this thread only waits for items it spread, with its permit, if
   * it holds one, given back meanwhile and taken again after: the items need the permits, and a
   * thread holding one while waiting for them could, nested deep enough, hold them all.
   */
  static <R> R whileWaiting(Supplier<R> waiting) {
    if (LANE.get() != Lane.ADMITTED) {
      return waiting.get();
    }
    LANE.set(Lane.BACKGROUND);
    GATE.release();
    try {
      return waiting.get();
    } finally {
      // Taken again whatever happened, so that the permit the caller's admitted() gives back is
      // one it holds.
      GATE.acquireUninterruptibly();
      LANE.set(Lane.ADMITTED);
    }
  }

  /**
   * Marks an interactive request in flight until closed, so that background items leave it a core;
   * does nothing for background work.
   */
  static Interactive interactive() {
    if (isBackground()) {
      return Interactive.NONE;
    }
    GATE.interactiveStarted();
    return Interactive.STARTED;
  }

  /** An interactive request in flight, ended by {@link #close()}. */
  enum Interactive implements AutoCloseable {
    NONE,
    STARTED;

    @Override
    public void close() {
      if (this == STARTED) {
        GATE.interactiveEnded();
      }
    }
  }
}
