package dev.terrace.testkit.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one path was asked for and sent: requests, responses ended (however they ended), body bytes
 * and the Range headers received.
 */
final class PathStats {
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger ended = new AtomicInteger();
  final AtomicLong bytesSent = new AtomicLong();
  final List<String> rangeLog = new CopyOnWriteArrayList<>();

  void received(String rangeHeader) {
    requests.incrementAndGet();
    rangeLog.add(rangeHeader == null ? "none" : rangeHeader);
  }

  void reset() {
    requests.set(0);
    ended.set(0);
    bytesSent.set(0);
    rangeLog.clear();
  }
}
