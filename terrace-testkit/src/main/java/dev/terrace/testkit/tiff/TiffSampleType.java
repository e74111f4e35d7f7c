package dev.terrace.testkit.tiff;

/**
 * The sample types the writer stores, with what the TIFF tags and the range checks need. The kit
 * has its own type rather than the engine's so that the engine's tests can depend on it without a
 * cycle; the names match the engine's {@code SampleType}, so {@code
 * TiffSampleType.valueOf(type.name())} converts.
 */
public enum TiffSampleType {
  /** Unsigned 8-bit integer. */
  UINT8(1, Kind.UNSIGNED, 0, 255),
  /** Signed 8-bit integer. */
  INT8(1, Kind.SIGNED, Byte.MIN_VALUE, Byte.MAX_VALUE),
  /** Unsigned 16-bit integer. */
  UINT16(2, Kind.UNSIGNED, 0, 65535),
  /** Signed 16-bit integer. */
  INT16(2, Kind.SIGNED, Short.MIN_VALUE, Short.MAX_VALUE),
  /** Unsigned 32-bit integer. */
  UINT32(4, Kind.UNSIGNED, 0, 4294967295.0),
  /** Signed 32-bit integer. */
  INT32(4, Kind.SIGNED, Integer.MIN_VALUE, Integer.MAX_VALUE),
  // Doubles near 2^63 and 2^64 are coarse: these bounds only reject what no cell holds.
  /** Signed 64-bit integer. */
  INT64(8, Kind.SIGNED, -0x1p63, 0x1p63),
  /** Unsigned 64-bit integer. */
  UINT64(8, Kind.UNSIGNED, 0, 0x1p64),
  /** IEEE 754 single precision. */
  FLOAT32(4, Kind.FLOAT, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
  /** IEEE 754 double precision. */
  FLOAT64(8, Kind.FLOAT, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  /** The TIFF SampleFormat tag's values. */
  private enum Kind {
    UNSIGNED(1),
    SIGNED(2),
    FLOAT(3);

    private final int code;

    Kind(int code) {
      this.code = code;
    }
  }

  private final int bytes;
  private final Kind kind;
  private final double min;
  private final double max;

  TiffSampleType(int bytes, Kind kind, double min, double max) {
    this.bytes = bytes;
    this.kind = kind;
    this.min = min;
    this.max = max;
  }

  /**
   * @return bytes per sample
   */
  public int bytes() {
    return bytes;
  }

  /**
   * @return whether this is a floating-point type
   */
  public boolean floatingPoint() {
    return kind == Kind.FLOAT;
  }

  /**
   * @return the value of the TIFF SampleFormat tag (339)
   */
  int sampleFormat() {
    return kind.code;
  }

  /**
   * @return the smallest value a sample holds
   */
  double min() {
    return min;
  }

  /**
   * @return the largest value a sample holds
   */
  double max() {
    return max;
  }
}
