package dev.terrace.engine.raster;

/** The numeric type of a raster's samples, as stored; values are never widened or rescaled on read. */
public enum SampleType {
  /** Unsigned 8-bit integer. */
  UINT8(1, false, false),
  /** Signed 8-bit integer. */
  INT8(1, true, false),
  /** Unsigned 16-bit integer. */
  UINT16(2, false, false),
  /** Signed 16-bit integer. */
  INT16(2, true, false),
  /** Unsigned 32-bit integer. */
  UINT32(4, false, false),
  /** Signed 32-bit integer. */
  INT32(4, true, false),
  /** IEEE 754 single precision. */
  FLOAT32(4, true, true),
  /** IEEE 754 double precision. */
  FLOAT64(8, true, true);

  private final int bytes;
  private final boolean signed;
  private final boolean floatingPoint;

  SampleType(int bytes, boolean signed, boolean floatingPoint) {
    this.bytes = bytes;
    this.signed = signed;
    this.floatingPoint = floatingPoint;
  }

  /** @return bytes per sample */
  public int bytes() {
    return bytes;
  }

  /** @return whether negative values can be stored */
  public boolean signed() {
    return signed;
  }

  /** @return whether this is a floating-point type (and so may hold NaN) */
  public boolean floatingPoint() {
    return floatingPoint;
  }
}
