package dev.terrace.engine.internal.io;

/**
 * A snapshot of the traffic of one {@link HttpByteSource}, for tests and benchmarks. Counts include
 * the request made when the source was opened.
 *
 * @param requests HTTP requests sent, every attempt counted (a request that was retried twice
 *     counts 3)
 * @param bytesReceived response body bytes received, including bytes of failed or discarded bodies
 * @param retries attempts made after a failed one
 * @param hedges requests sent again because the first went unanswered for long (also counted in
 *     {@code requests}; not retries)
 */
public record HttpStats(long requests, long bytesReceived, long retries, long hedges) {

  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public HttpStats {
    if (requests < 0 || bytesReceived < 0 || retries < 0 || hedges < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: "
              + requests
              + ", "
              + bytesReceived
              + ", "
              + retries
              + ", "
              + hedges);
    }
  }
}
