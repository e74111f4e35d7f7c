package dev.terrace.engine.internal.extract;

import dev.terrace.api.ExtractResult;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.UnreadableException;
import dev.terrace.engine.internal.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the slices of a dataset a request reads: those in its time range, in time order. A file
 * that cannot be opened fails its own timestamp only; when not even the timestamps can be read the
 * dataset fails as a whole.
 */
final class Slices {

  /** A slice to read, or the result standing for one that could not be opened. */
  record Slice(Layer layer, ExtractResult failure) {}

  private Slices() {}

  /**
   * @param window the request's time range
   * @param results where a slice that cannot be opened is described, and the warnings go
   * @param start when the read started ({@link System#nanoTime()})
   * @return the slices, or the one failure of the dataset as a whole; none (and a warning) when no
   *     timestamp lies in the time range
   */
  static List<Slice> open(CatalogDataset dataset, TimeWindow window, Results results, long start) {
    List<Integer> steps;
    try {
      steps = dataset.steps(window.from(), window.to());
    } catch (RasterIoException | RasterFormatException | UnreadableException e) {
      return List.of(new Slice(null, results.failed(dataset, null, e, start)));
    }
    if (steps.isEmpty()) {
      results.warn(noTimestampInRange(dataset, window));
    }
    List<Slice> out = new ArrayList<>(steps.size());
    for (int step : steps) {
      try {
        out.add(new Slice(dataset.layer(step), null));
      } catch (RasterIoException | RasterFormatException | UnreadableException e) {
        List<Instant> times = dataset.times();
        out.add(
            new Slice(
                null, results.failed(dataset, times.isEmpty() ? null : times.get(step), e, start)));
      }
    }
    return out;
  }

  static String noTimestampInRange(CatalogDataset dataset, TimeWindow window) {
    List<Instant> times = dataset.times();
    return dataset.id()
        + ": no timestamp in time_range "
        + window.asWritten()
        + "; the dataset has "
        + times.size()
        + " from "
        + Timestamps.format(times.get(0))
        + " to "
        + Timestamps.format(times.get(times.size() - 1));
  }
}
