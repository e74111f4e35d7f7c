package dev.terrace.engine.internal.io;

import java.util.concurrent.atomic.LongAdder;

/**
 * What every byte source in this process has read since it started, for a service's metrics.
 *
 * @param fileBytes bytes read from local files
 * @param httpBytes response body bytes received over HTTP
 * @param httpRequests HTTP requests sent, retries and hedges included
 * @param httpHedges HTTP requests sent again because the first went unanswered for long
 */
public record ReadTotals(long fileBytes, long httpBytes, long httpRequests, long httpHedges) {

  private static final LongAdder FILE_BYTES = new LongAdder();
  private static final LongAdder HTTP_BYTES = new LongAdder();
  private static final LongAdder HTTP_REQUESTS = new LongAdder();
  private static final LongAdder HTTP_HEDGES = new LongAdder();

  /**
   * The totals now, each counter read atomically but not all at one instant.
   *
   * @return the totals
   */
  public static ReadTotals now() {
    return new ReadTotals(
        FILE_BYTES.sum(), HTTP_BYTES.sum(), HTTP_REQUESTS.sum(), HTTP_HEDGES.sum());
  }

  static void countFileBytes(long n) {
    FILE_BYTES.add(n);
  }

  static void countHttpBytes(long n) {
    HTTP_BYTES.add(n);
  }

  static void countHttpRequest() {
    HTTP_REQUESTS.increment();
  }

  static void countHttpHedge() {
    HTTP_HEDGES.increment();
  }
}
