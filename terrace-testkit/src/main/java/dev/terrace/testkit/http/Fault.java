package dev.terrace.testkit.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A scripted misbehaviour, consumed by one request.
 *
 * @param kind what goes wrong
 * @param status the status of a {@link Kind#FAIL}
 * @param duration how long a {@link Kind#STALL} lasts, or null to wait for {@code release} instead
 * @param release what a stall without a duration waits for
 * @param bytes body bytes sent before a stall (-1: half the body) or before a truncation
 */
record Fault(Kind kind, int status, Duration duration, CountDownLatch release, long bytes) {

  enum Kind {
    FAIL,
    STALL,
    TRUNCATE
  }

  static Fault fail(int status) {
    return new Fault(Kind.FAIL, status, null, null, 0);
  }

  static Fault stall(Duration duration, long bytesBeforeStall) {
    return new Fault(Kind.STALL, 0, duration, null, bytesBeforeStall);
  }

  static Fault hold(CountDownLatch release, long bytesBeforeHold) {
    return new Fault(Kind.STALL, 0, null, release, bytesBeforeHold);
  }

  static Fault truncate(long bytesToSend) {
    return new Fault(Kind.TRUNCATE, 0, null, null, bytesToSend);
  }
}
