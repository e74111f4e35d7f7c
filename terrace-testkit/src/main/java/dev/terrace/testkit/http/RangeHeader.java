package dev.terrace.testkit.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the request headers a range server honours: a single {@code Range}, and {@code If-Match}.
 */
final class RangeHeader {

  private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  /** {@link #parse}'s answer for a range that starts past the end. */
  static final long[] UNSATISFIABLE = new long[0];

  private RangeHeader() {}

  /**
   * @return {first, last} inclusive; {@link #UNSATISFIABLE}; or null to ignore the header
   *     (malformed or multi-range), as RFC 9110 allows
   */
  static long[] parse(String header, long length) {
    Matcher m = SINGLE_RANGE.matcher(header.trim());
    if (!m.matches()) {
      return null;
    }
    String a = m.group(1);
    String b = m.group(2);
    if (a.isEmpty() && b.isEmpty()) {
      return null;
    }
    if (a.isEmpty()) {
      long suffix = Long.parseLong(b);
      if (suffix == 0 || length == 0) {
        return UNSATISFIABLE;
      }
      return new long[] {Math.max(0, length - suffix), length - 1};
    }
    long first = Long.parseLong(a);
    long last = b.isEmpty() ? length - 1 : Long.parseLong(b);
    if (last < first) {
      return null;
    }
    if (first >= length) {
      return UNSATISFIABLE;
    }
    return new long[] {first, Math.min(last, length - 1)};
  }

  /**
   * @return whether an {@code If-Match} header lets a request for content with {@code etag} through
   */
  static boolean ifMatch(String ifMatch, String etag) {
    for (String candidate : ifMatch.split(",")) {
      String c = candidate.trim();
      // Strong comparison (RFC 9110 13.1.1): weak validators never match.
      if (c.equals("*") || c.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
