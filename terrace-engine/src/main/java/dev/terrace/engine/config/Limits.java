package dev.terrace.engine.config;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The limits an engine enforces on each request; exceeding one is an {@link
 * dev.terrace.api.InvalidRequestException} of type {@link dev.terrace.api.ErrorType#REQUEST_LIMIT}
 * naming the field and the limit.
 *
 * @param maxDatasets dataset ids per request
 * @param maxGeometries geometries per batch
 * @param maxVertices vertices per geometry
 * @param maxCells cells one request may read, summed over its geometries and datasets (the pixel
 *     budget); with the {@code cells} aggregation the cells it returns count as well
 * @param concurrency how many dataset-geometry reads run at once
 * @param timeout how long one request may take, or null for as long as it needs: by then it is
 *     answered with what was read, each dataset not read in time marked {@code missing} with a
 *     warning (the deadline counts time spent waiting to start)
 */
public record Limits(
    int maxDatasets,
    int maxGeometries,
    int maxVertices,
    long maxCells,
    int concurrency,
    @Nullable Duration timeout) {

  /**
   * @throws IllegalArgumentException if a limit is not positive
   */
  public Limits {
    if (maxDatasets < 1
        || maxGeometries < 1
        || maxVertices < 4
        || maxCells < 1
        || concurrency < 1
        || timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "limits must be positive (and maxVertices at least 4): %d, %d, %d, %d, %d, %s",
              maxDatasets,
              maxGeometries,
              maxVertices,
              maxCells,
              concurrency,
              timeout));
    }
  }

  /**
   * Limits without a timeout.
   *
   * @param maxDatasets dataset ids per request
   * @param maxGeometries geometries per batch
   * @param maxVertices vertices per geometry
   * @param maxCells the pixel budget
   * @param concurrency how many dataset-geometry reads run at once
   */
  public Limits(
      int maxDatasets, int maxGeometries, int maxVertices, long maxCells, int concurrency) {
    this(maxDatasets, maxGeometries, maxVertices, maxCells, concurrency, null);
  }

  /**
   * @param value how long one request may take, or null for as long as it needs
   * @return these limits with that timeout
   */
  public Limits withTimeout(@Nullable Duration value) {
    return new Limits(maxDatasets, maxGeometries, maxVertices, maxCells, concurrency, value);
  }

  /**
   * 50 datasets, 1000 geometries, 10 000 vertices, 500 million cells, and twice as many concurrent
   * reads as cores (reads wait on remote servers as well as on the CPU), and no timeout.
   *
   * @return the defaults
   */
  public static Limits defaults() {
    return new Limits(
        50, 1000, 10_000, 500_000_000L, 2 * Runtime.getRuntime().availableProcessors());
  }
}
