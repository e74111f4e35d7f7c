package dev.terrace.engine;

/**
 * The limits an engine enforces on each request; exceeding one is an {@link InvalidRequestException} of kind
 * {@link InvalidRequestException.Kind#REQUEST_LIMIT} naming the field and the limit.
 *
 * @param maxDatasets dataset ids per request
 * @param maxGeometries geometries per batch
 * @param maxVertices vertices per geometry
 * @param maxCells cells one request may read, summed over its geometries and datasets (the pixel budget); with
 *     the {@code cells} aggregation the cells it returns count as well
 * @param concurrency how many dataset-geometry reads run at once
 */
public record Limits(int maxDatasets, int maxGeometries, int maxVertices, long maxCells, int concurrency) {

  /**
   * @throws IllegalArgumentException if a limit is not positive
   */
  public Limits {
    if (maxDatasets < 1 || maxGeometries < 1 || maxVertices < 4 || maxCells < 1 || concurrency < 1) {
      throw new IllegalArgumentException("limits must be positive (and maxVertices at least 4): " + maxDatasets
          + ", " + maxGeometries + ", " + maxVertices + ", " + maxCells + ", " + concurrency);
    }
  }

  /**
   * 50 datasets, 1000 geometries, 10 000 vertices, 500 million cells, and twice as many concurrent reads as
   * cores (reads wait on remote servers as well as on the CPU).
   *
   * @return the defaults
   */
  public static Limits defaults() {
    return new Limits(50, 1000, 10_000, 500_000_000L, 2 * Runtime.getRuntime().availableProcessors());
  }
}
