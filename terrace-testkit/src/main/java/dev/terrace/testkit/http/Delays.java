package dev.terrace.testkit.http;

import java.time.Duration;
import java.util.Random;

/** Delays a request with probability {@code share}; {@link Random} is thread-safe. */
record Delays(double share, Duration delay, Random random) {
  boolean next() {
    return random.nextDouble() < share;
  }
}
