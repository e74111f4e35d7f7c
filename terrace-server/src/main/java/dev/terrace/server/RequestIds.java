package dev.terrace.server;

import java.util.UUID;
import java.util.regex.Pattern;

/** Keeps a caller's {@code X-Request-ID} when it is safe to echo, and makes one otherwise. */
final class RequestIds {

  static final String HEADER = "X-Request-ID";

  /** Letters, digits and a few separators, up to 128: safe in headers, logs and JSON. */
  static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

  private RequestIds() {}

  static String keepOrMake(String incoming) {
    return incoming != null && SAFE.matcher(incoming).matches() ? incoming : "req_" + UUID.randomUUID();
  }
}
