package dev.terrace.engine.internal.jobs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Commits a job's chunks in order on a thread of its own, one at a time, so that forcing a chunk to
 * the disk — nearly half of what writing a job's rows takes — overlaps assembling the next one. At
 * most one chunk is being committed while the next is assembled, so memory stays two chunks.
 */
final class ChunkCommits implements AutoCloseable {

  /** One chunk's commit. */
  interface Commit {
    void run() throws IOException;
  }

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("terrace-job-commits").factory());
  private Future<?> pending;

  /**
   * Commits once the chunk before has been committed.
   *
   * @throws IOException what the commit before threw
   */
  void submit(Commit commit) throws IOException {
    await();
    pending =
        thread.submit(
            () -> {
              commit.run();
              return null;
            });
  }

  /** Waits for the chunk last submitted to be committed, and throws what its commit threw. */
  void await() throws IOException {
    if (pending == null) {
      return;
    }
    Future<?> last = pending;
    pending = null;
    try {
      last.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("the job's thread was interrupted: the process is stopping");
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException r -> throw r;
        case Error error -> throw error;
        default -> throw new IOException(e.getCause());
      }
    }
  }

  /** Waits for a commit under way to end, so that none outlives the job's run. */
  @Override
  public void close() {
    thread.close();
  }
}
