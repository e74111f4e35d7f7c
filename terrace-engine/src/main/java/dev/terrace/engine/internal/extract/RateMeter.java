package dev.terrace.engine.internal.extract;

import dev.terrace.api.ExtractionRate;

/**
 * The speed of this engine's extractions, in cells visited (as the up-front pixel budget counts
 * them) per second of wall time: an exponentially weighted average over the extractions run in this
 * process, so that an estimate follows the machine, the cache and the datasets as they are now
 * rather than a figure measured elsewhere.
 */
final class RateMeter {

  /**
   * The rate assumed before any extraction ran: low on purpose, so that a first estimate errs on
   * the long side. The reference batch (1000 polygons, one local COG) visits about 10 million cells
   * a second on a busy two-core machine once the JVM is warm, and half that on its first run; a
   * remote raster, fetched block by block, goes slower still.
   */
  static final double DEFAULT_CELLS_PER_SECOND = 5_000_000;

  /**
   * The weight of the newest extraction: recent enough to follow a change (a cold cache warming up)
   * within a handful of requests, yet not swung by one odd request.
   */
  private static final double WEIGHT = 0.3;

  /** Requests smaller than this are mostly fixed overhead and would understate the rate. */
  private static final long MIN_CELLS = 10_000;

  private double cellsPerSecond = DEFAULT_CELLS_PER_SECOND;
  private long extractions;

  /**
   * Adds one extraction to the average.
   *
   * @param cells the cells its up-front budget counted
   * @param nanos its wall time
   */
  synchronized void record(long cells, long nanos) {
    if (cells < MIN_CELLS || nanos <= 0) {
      return;
    }
    double observed = cells / (nanos / 1e9);
    cellsPerSecond =
        extractions == 0 ? observed : WEIGHT * observed + (1 - WEIGHT) * cellsPerSecond;
    extractions++;
  }

  /**
   * @return the current rate, and whether it was measured
   */
  synchronized ExtractionRate rate() {
    return new ExtractionRate(cellsPerSecond, extractions > 0, extractions);
  }
}
