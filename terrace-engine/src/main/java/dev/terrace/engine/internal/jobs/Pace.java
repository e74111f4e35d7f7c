package dev.terrace.engine.internal.jobs;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a job running in this process has got since it (re)started: the rows whose values it has
 * read, in tile order, and the rows it has written in input order. A row counts half when read and
 * half when written, so that the pace and the time left cover both steps; neither is stored, since
 * a restarted job reads again every row after its last committed one.
 */
final class Pace {

  private final long startRows;
  private final long startNanos = System.nanoTime();
  private final AtomicLong extracted;
  private volatile long written;

  /**
   * @param committed the rows already committed when the job (re)started
   */
  Pace(long committed) {
    this.startRows = committed;
    this.extracted = new AtomicLong(committed);
    this.written = committed;
  }

  void extracted(long rows) {
    extracted.addAndGet(rows);
  }

  void written(long rows) {
    written = rows;
  }

  /**
   * @return the rows whose values have been read, at least those written
   */
  long extracted() {
    return Math.max(extracted.get(), written);
  }

  /**
   * @return rows a second since the (re)start, a row counting half when read and half when written;
   *     null before the first counted
   */
  Double rowsPerSecond() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long done = extracted() + written - 2 * startRows;
    return done == 0 || seconds <= 0 ? null : done / 2.0 / seconds;
  }
}
