package dev.terrace.engine.internal.raster;

/** Conversions of INT64 and UINT64 values, which live in a {@code long} by their bits. */
final class WideIntegers {

  private WideIntegers() {}

  /**
   * @param value an integer-valued double within the range of INT64 or UINT64 ({@link
   *     SampleType#nodataCell})
   * @return its bits: the long itself, or for a UINT64 value of 2^63 or more its unsigned bits
   */
  static long bitsOf(double value) {
    // (long) clamps at 2^63 - 1; above it, take 2^63 off first and put it back as the top bit.
    return value >= 0x1p63 ? (long) (value - 0x1p63) ^ Long.MIN_VALUE : (long) value;
  }

  /**
   * @return the value in decimal, unsigned for UINT64
   */
  static String toString(SampleType type, long bits) {
    return type == SampleType.UINT64 ? Long.toUnsignedString(bits) : Long.toString(bits);
  }
}
