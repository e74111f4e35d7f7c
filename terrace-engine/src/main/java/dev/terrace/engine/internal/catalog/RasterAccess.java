package dev.terrace.engine.internal.catalog;

import dev.terrace.engine.internal.raster.RasterSource;
import java.time.Instant;
import java.util.List;

/**
 * How a dataset's cells are reached: one raster, one raster per timestamp, or the time steps of one
 * file.
 */
interface RasterAccess {

  /**
   * @return the timestamps in ascending order; empty for a static dataset
   */
  List<Instant> times();

  /**
   * @param step an index into {@link #times()}, or 0 for a static dataset
   * @return the raster holding that step, opened on first use
   */
  RasterSource raster(int step);

  /**
   * @param step an index into {@link #times()}, or 0 for a static dataset
   * @param configured the band the catalog names (1 when it names none)
   * @return the 1-based band holding that step
   * @throws dev.terrace.engine.internal.raster.UnreadableException if the catalog's band cannot be
   *     read as that step
   */
  int band(int step, int configured);

  /** Closes whatever was opened. */
  void close();
}
