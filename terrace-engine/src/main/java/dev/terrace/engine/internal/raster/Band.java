package dev.terrace.engine.internal.raster;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a band's stored numbers mean: their type, the value that marks cells without data, and the
 * scale and offset that turn them into physical values.
 *
 * <p>Nodata is compared as GDAL compares it: with the declared value as the band's type holds it. A
 * Float32 band declared {@code -9999.9} marks the cells holding {@code (float) -9999.9}; an integer
 * band marks the declared value truncated toward zero when it lies within the type's range, and
 * nothing when it does not (a Byte band declared 300 has no nodata cells). NaN is always nodata.
 *
 * <p>An INT64 or UINT64 band compares its stored 64 bits with the nodata's ({@link #isNodataBits}),
 * never doubles, which cannot tell 2^53 from 2^53 + 1. Its nodata comes exactly from the file's
 * text ({@link #withNodataBits}) or, when declared as a double (a catalog), truncated toward zero
 * as for other integers.
 */
public final class Band {

  private final SampleType type;
  private final OptionalDouble nodata;
  private final double scale;
  private final double offset;
  private final boolean matchesNodata;
  private final double nodataCell;

  /** INT64 and UINT64 only: whether a stored value is nodata, and its bits. */
  private final boolean matchesBits;

  private final long nodataBits;

  /**
   * @param type the stored sample type
   * @param nodata the value marking cells without data, if declared; a Float32 band reports it
   *     rounded to Float32, as GDAL does
   * @param scale multiply a stored value by this to get the physical value (1 when not declared)
   * @param offset then add this (0 when not declared)
   */
  public Band(SampleType type, OptionalDouble nodata, double scale, double offset) {
    this(type, nodata, scale, offset, false, 0);
  }

  private Band(
      SampleType type,
      OptionalDouble nodata,
      double scale,
      double offset,
      boolean exact,
      long bits) {
    this.type = Objects.requireNonNull(type, "type");
    Objects.requireNonNull(nodata, "nodata");
    this.nodata =
        type == SampleType.FLOAT32 && nodata.isPresent()
            ? OptionalDouble.of((float) nodata.getAsDouble())
            : nodata;
    this.scale = scale;
    this.offset = offset;
    double cell = nodata.isPresent() ? type.nodataCell(nodata.getAsDouble()) : Double.NaN;
    this.matchesNodata = !Double.isNaN(cell);
    this.nodataCell = cell;
    if (exact) {
      this.matchesBits = true;
      this.nodataBits = bits;
    } else {
      this.matchesBits = type.wideInteger() && matchesNodata;
      this.nodataBits = matchesBits ? WideIntegers.bitsOf(cell) : 0;
    }
  }

  /**
   * An INT64 or UINT64 band's nodata given exactly, as GDAL keeps it for these types: a 64-bit
   * integer, which a double may not hold.
   *
   * @param bits the nodata's 64 bits (a UINT64 value above {@link Long#MAX_VALUE} as a negative
   *     long)
   * @return this band with that nodata; {@link #nodata()} then reports it as the nearest double
   * @throws IllegalStateException if the band is not INT64 or UINT64
   */
  public Band withNodataBits(long bits) {
    if (!type.wideInteger()) {
      throw new IllegalStateException(type + " nodata is a double; use withNodata");
    }
    double value = type == SampleType.UINT64 ? Samples.unsignedToDouble(bits) : bits;
    return new Band(type, OptionalDouble.of(value), scale, offset, true, bits);
  }

  /**
   * @return for an INT64 or UINT64 band, the bits of the stored value that is nodata (what a block
   *     the file does not store is filled with); empty for other types and when no stored value is
   *     nodata
   */
  public OptionalLong nodataBits() {
    return matchesBits ? OptionalLong.of(nodataBits) : OptionalLong.empty();
  }

  /**
   * @return the stored sample type
   */
  public SampleType type() {
    return type;
  }

  /**
   * @return the declared nodata value, if any
   */
  public OptionalDouble nodata() {
    return nodata;
  }

  /**
   * @return the factor turning a stored value into a physical one (1 when not declared)
   */
  public double scale() {
    return scale;
  }

  /**
   * @return the offset added after {@link #scale()} (0 when not declared)
   */
  public double offset() {
    return offset;
  }

  /**
   * The value a cell must hold to be nodata, for filling cells a file does not store (sparse
   * blocks).
   *
   * @return the declared nodata as the band's type holds it, or empty when no cell can be nodata by
   *     value (NaN nodata still fills floating-point bands with NaN)
   */
  public OptionalDouble nodataCell() {
    if (matchesNodata) {
      return OptionalDouble.of(nodataCell);
    }
    return nodata.isPresent() && type.floatingPoint()
        ? OptionalDouble.of(Double.NaN)
        : OptionalDouble.empty();
  }

  /**
   * @param value a stored value
   * @return whether it is nodata: equal to the declared nodata as the type holds it, or NaN; for
   *     INT64 and UINT64 bands, whose values beyond 2^53 a double cannot tell apart, use {@link
   *     #isNodataBits}
   */
  public boolean isNodata(double value) {
    return value != value || (matchesNodata && value == nodataCell);
  }

  /**
   * @param bits an INT64 or UINT64 stored value, by its bits
   * @return whether it is the nodata value, compared exactly
   */
  public boolean isNodataBits(long bits) {
    return matchesBits && bits == nodataBits;
  }

  /**
   * @param value a stored value
   * @return the physical value, {@code value * scale + offset}
   */
  public double physical(double value) {
    return value * scale + offset;
  }

  /**
   * @param nodata the new nodata value, or empty to declare none
   * @return this band with another nodata value, as a catalog or a sidecar overrides the file's
   */
  public Band withNodata(OptionalDouble nodata) {
    return new Band(type, nodata, scale, offset);
  }

  /**
   * @param scale the new scale
   * @param offset the new offset
   * @return this band with another scale and offset
   */
  public Band withScaleOffset(double scale, double offset) {
    return new Band(type, nodata, scale, offset, matchesBits, nodataBits);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Band b
        && type == b.type
        && nodata.equals(b.nodata)
        && Double.compare(scale, b.scale) == 0
        && Double.compare(offset, b.offset) == 0
        && matchesBits == b.matchesBits
        && nodataBits == b.nodataBits;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, nodata, scale, offset);
  }

  @Override
  public String toString() {
    String shown =
        matchesBits
            ? WideIntegers.toString(type, nodataBits)
            : nodata.isPresent() ? Double.toString(nodata.getAsDouble()) : null;
    return "Band["
        + type
        + (shown != null ? ", nodata " + shown : "")
        + (scale != 1 || offset != 0 ? ", scale " + scale + ", offset " + offset : "")
        + "]";
  }
}
