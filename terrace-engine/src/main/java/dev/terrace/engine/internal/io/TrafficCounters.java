package dev.terrace.engine.internal.io;

import java.util.concurrent.atomic.AtomicLong;

/** The running traffic counts of one {@link HttpByteSource}, updated from any thread. */
final class TrafficCounters {

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong bytesReceived = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong hedges = new AtomicLong();

  void countRequest() {
    requests.incrementAndGet();
    ReadTotals.countHttpRequest();
  }

  void countBodyBytes(long n) {
    bytesReceived.addAndGet(n);
    ReadTotals.countHttpBytes(n);
  }

  void countRetry() {
    retries.incrementAndGet();
  }

  /** A hedge is also a request: {@link #countRequest()} counts it when it is sent. */
  void countHedge() {
    hedges.incrementAndGet();
    ReadTotals.countHttpHedge();
  }

  /**
   * @return the counts so far, each read atomically but not all at one instant
   */
  HttpStats snapshot() {
    return new HttpStats(requests.get(), bytesReceived.get(), retries.get(), hedges.get());
  }
}
