package dev.terrace.engine.internal.extract;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The permits that work done for jobs takes to read and decode, one per item running: {@code idle}
 * of them while no interactive request is in flight, {@code busy} while one is. Interactive work
 * never waits here; it only says it is in flight, and from then on background items wait until
 * fewer than {@code busy} run.
 *
 * <p>Why a gate and not a pool of its own: the engine's reads run on virtual threads, which the JVM
 * never preempts, so a decode that has a carrier keeps it until it ends. With as many background
 * decodes as cores, an interactive request, however small, waits for one of them to end before it
 * can even parse its body, and then for its turn among all the decodes queued behind. Keeping
 * background items below the cores while interactive work is in flight leaves it a carrier of its
 * own after at most one decode; when none is, jobs use every core, so a job alone goes as fast as
 * before.
 */
final class BackgroundGate {

  private final int idle;
  private final int busy;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition freed = lock.newCondition();
  private int held;
  private int interactive;
  private int waiting;

  /**
   * @param idle background items at once while no interactive request is in flight
   * @param busy background items at once while one is; at most {@code idle}
   */
  BackgroundGate(int idle, int busy) {
    if (busy < 1 || idle < busy) {
      throw new IllegalArgumentException("need 1 <= busy <= idle: " + busy + ", " + idle);
    }
    this.idle = idle;
    this.busy = busy;
  }

  /**
   * For the cores of this machine: all of them when no one waits, all but one when someone does.
   */
  static BackgroundGate forCores(int cores) {
    return new BackgroundGate(Math.max(1, cores), Math.max(1, cores - 1));
  }

  /**
   * Takes a permit, waiting while the background items running are as many as allowed.
   *
   * @throws InterruptedException if interrupted while waiting; no permit is then held
   */
  void acquire() throws InterruptedException {
    lock.lock();
    try {
      waiting++;
      try {
        while (held >= limit()) {
          freed.await();
        }
      } finally {
        waiting--;
      }
      held++;
    } finally {
      lock.unlock();
    }
  }

  /** {@link #acquire()} that ignores interrupts, keeping the thread's interrupt status. */
  void acquireUninterruptibly() {
    lock.lock();
    try {
      waiting++;
      try {
        while (held >= limit()) {
          freed.awaitUninterruptibly();
        }
      } finally {
        waiting--;
      }
      held++;
    } finally {
      lock.unlock();
    }
  }

  void release() {
    lock.lock();
    try {
      held--;
      freed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** An interactive request is in flight: background items drop to {@code busy} as they end. */
  void interactiveStarted() {
    lock.lock();
    try {
      interactive++;
    } finally {
      lock.unlock();
    }
  }

  void interactiveEnded() {
    lock.lock();
    try {
      if (--interactive == 0) {
        freed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  private int limit() {
    return interactive > 0 ? busy : idle;
  }

  int idleLimit() {
    return idle;
  }

  int busyLimit() {
    return busy;
  }

  /** Background items running now. */
  int held() {
    lock.lock();
    try {
      return held;
    } finally {
      lock.unlock();
    }
  }

  /** Background items waiting for a permit now. */
  int waiting() {
    lock.lock();
    try {
      return waiting;
    } finally {
      lock.unlock();
    }
  }

  /** Interactive requests in flight now. */
  int interactive() {
    lock.lock();
    try {
      return interactive;
    } finally {
      lock.unlock();
    }
  }
}
