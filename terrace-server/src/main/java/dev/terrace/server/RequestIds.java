package dev.terrace.server;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Keeps a caller's {@code X-Request-ID} when it is safe to echo, and makes one otherwise. */
final class RequestIds {

  static final String HEADER = "X-Request-ID";

  /** Letters, digits and a few separators, up to 128: safe in headers, logs and JSON. */
  static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

  private RequestIds() {}

  static String keepOrMake(String incoming) {
    if (incoming != null && SAFE.matcher(incoming).matches()) {
      return incoming;
    }
    // Unique, not secret: the thread's own generator avoids UUID's contended entropy source.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "req_"
        + HexFormat.of().toHexDigits(random.nextLong())
        + HexFormat.of().toHexDigits(random.nextLong());
  }
}
