package dev.terrace.engine.internal.geotiff;

/**
 * Reads a 64-bit integer nodata from its text as GDAL does for Int64 and UInt64 bands: C's {@code
 * strtoll} and {@code strtoull} in base 10, never through a double. The longest leading integer
 * counts and the rest is ignored ("-9999.5" is -9999; text without digits is 0); values beyond the
 * type's range clamp to it, and {@code strtoull} negates a leading minus modulo 2^64 ("-1" is 2^64
 * − 1), as C does.
 */
final class Int64Text {

  private Int64Text() {}

  /**
   * @param text the nodata as written
   * @param signed true for INT64 ({@code strtoll}), false for UINT64 ({@code strtoull})
   * @return the value's 64 bits (a UINT64 above {@link Long#MAX_VALUE} as a negative long)
   */
  static long parse(String text, boolean signed) {
    int i = 0;
    int n = text.length();
    while (i < n && isSpace(text.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    // The magnitude, unsigned, saturating at 2^64 - 1.
    long magnitude = 0;
    boolean overflow = false;
    for (; i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
      int digit = text.charAt(i) - '0';
      if (Long.compareUnsigned(magnitude, Long.divideUnsigned(-1L - digit, 10)) > 0) {
        overflow = true;
      } else {
        magnitude = magnitude * 10 + digit;
      }
    }
    if (!signed) {
      return overflow ? -1L : negative ? -magnitude : magnitude;
    }
    if (negative) {
      // Long.MIN_VALUE's magnitude, 2^63, is the largest a negative long holds.
      return overflow || Long.compareUnsigned(magnitude, Long.MIN_VALUE) >= 0
          ? Long.MIN_VALUE
          : -magnitude;
    }
    return overflow || magnitude < 0 ? Long.MAX_VALUE : magnitude;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }
}
