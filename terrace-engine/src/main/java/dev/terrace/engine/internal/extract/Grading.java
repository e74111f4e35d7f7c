package dev.terrace.engine.internal.extract;

import dev.terrace.api.Quality;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import java.util.List;

/**
 * How far a result can be trusted: {@code missing} when too little of the geometry has data, {@code
 * partial} when some of it lacks data, {@code suspect} when the value lies outside the dataset's
 * plausible range, {@code good} otherwise.
 */
final class Grading {

  private Grading() {}

  /**
   * @param m what was read
   * @param value the result's value made of it
   * @param countsNodata whether the value is {@code nodata_count}, which counts cells rather than
   *     reads values
   * @param damaged whether part of the raster's file is damaged, so that some of what was missing
   *     may be lost with it
   * @return the result's quality
   */
  static Quality of(
      Measurement m, Object value, CatalogDataset dataset, boolean countsNodata, boolean damaged) {
    // A weighted statistic with cells it found no weight for has no value.
    Quality quality =
        m.unweighted() > 0 ? Quality.MISSING : ofCoverage(m, value, dataset, countsNodata);
    // What may be lost with the damaged part of the file is never called good.
    return damaged && m.missingWeight() != 0 && quality != Quality.MISSING
        ? Quality.PARTIAL
        : quality;
  }

  private static Quality ofCoverage(
      Measurement m, Object value, CatalogDataset dataset, boolean countsNodata) {
    double fraction = m.coverageFraction();
    if (m.validCells() == 0 || fraction < 0.3) {
      return Quality.MISSING;
    }
    if (fraction < 0.8) {
      return Quality.PARTIAL;
    }
    // nodata_count counts cells; it is no reading the valid range could call suspect.
    if (value instanceof Number n
        && dataset.validRange().isPresent()
        && !dataset.categorical()
        && !countsNodata) {
      // 64-bit integers come exact as Long or BigInteger; the range is a pair of doubles anyway.
      double v = n.doubleValue();
      List<Double> range = dataset.validRange().get();
      if (v < range.get(0) || v > range.get(1)) {
        return Quality.SUSPECT;
      }
    }
    return Quality.GOOD;
  }
}
