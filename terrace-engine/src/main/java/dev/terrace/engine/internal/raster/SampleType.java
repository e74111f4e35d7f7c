package dev.terrace.engine.internal.raster;

/**
 * The numeric type of a raster's samples, as stored; values are never widened or rescaled on read.
 */
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
  /**
   * Signed 64-bit integer (GDAL 3.5's Int64). A double holds its values exactly only up to 2^53 in
   * magnitude: read them with {@link Samples#getLong} where that matters.
   */
  INT64(8, true, false),
  /**
   * Unsigned 64-bit integer (GDAL 3.5's UInt64), stored in a {@code long} by its bits, like {@link
   * #INT64}.
   */
  UINT64(8, false, false),
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

  /**
   * @return bytes per sample
   */
  public int bytes() {
    return bytes;
  }

  /**
   * @return whether negative values can be stored
   */
  public boolean signed() {
    return signed;
  }

  /**
   * @return whether this is a floating-point type (and so may hold NaN)
   */
  public boolean floatingPoint() {
    return floatingPoint;
  }

  /**
   * @return whether this is INT64 or UINT64: integers stored in a {@code long[]}, some of which no
   *     double holds, so that exact answers must come from the longs
   */
  public boolean wideInteger() {
    return bytes == 8 && !floatingPoint;
  }

  /**
   * The cell value a declared nodata value marks, by GDAL's rule: rounded to Float32 for Float32,
   * truncated toward zero for integer types when it lies within the type's range.
   *
   * @param nodata the declared value
   * @return the stored value that is nodata, or NaN when no stored value of this type can be
   */
  public double nodataCell(double nodata) {
    return switch (this) {
      case FLOAT32 -> (float) nodata;
      case FLOAT64 -> nodata;
      // Every double of magnitude 2^52 or more is an integer already; (long) would clamp those of
      // UINT64.
      case INT64, UINT64 ->
          inWideRange(nodata)
              ? (Math.abs(nodata) >= 0x1p52 ? nodata : (double) (long) nodata)
              : Double.NaN;
      default -> nodata >= min() && nodata <= max() ? (double) (long) nodata : Double.NaN;
    };
  }

  /**
   * Converts a value to this type as GDAL writes a double into a band (GDALCopyWords): rounded half
   * away from zero and clamped to the type's range for integers, rounded to Float32 for Float32.
   *
   * @param value any value
   * @return the nearest value this type stores
   */
  public double saturate(double value) {
    return switch (this) {
      case FLOAT32 -> (float) value;
      case FLOAT64 -> value;
      default ->
          Double.isNaN(value)
              ? 0
              : Math.max(
                  min(), Math.min(max(), Math.signum(value) * Math.floor(Math.abs(value) + 0.5)));
    };
  }

  /**
   * @return whether truncating {@code value} toward zero gives a value of this 64-bit type
   */
  private boolean inWideRange(double value) {
    return this == INT64 ? value >= -0x1p63 && value < 0x1p63 : value > -1 && value < 0x1p64;
  }

  private double min() {
    return signed ? -Math.pow(2, bytes * 8 - 1) : 0;
  }

  private double max() {
    return signed ? Math.pow(2, bytes * 8 - 1) - 1 : Math.pow(2, bytes * 8) - 1;
  }
}
