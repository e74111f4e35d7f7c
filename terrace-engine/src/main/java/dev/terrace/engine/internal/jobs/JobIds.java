package dev.terrace.engine.internal.jobs;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Job ids that sort by creation time: {@code job_}, 10 characters of milliseconds and 16 random
 * ones, in Crockford's base 32 (as a ULID). Two made in one millisecond get successive
 * milliseconds, so that ids made one after another sort in that order.
 */
final class JobIds {

  private static final char[] DIGITS = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong LAST = new AtomicLong();

  private JobIds() {}

  static String next() {
    char[] id = new char[26];
    long now = System.currentTimeMillis();
    long millis = LAST.updateAndGet(last -> Math.max(now, last + 1));
    for (int i = 9; i >= 0; i--) {
      id[i] = DIGITS[(int) (millis & 31)];
      millis >>>= 5;
    }
    for (int i = 10; i < 26; i++) {
      id[i] = DIGITS[RANDOM.nextInt(32)];
    }
    return "job_" + new String(id);
  }
}
