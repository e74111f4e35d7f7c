package dev.terrace.engine.raster;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a band's stored numbers mean: their type, the value that marks cells without data, and the scale and
 * offset that turn them into physical values.
 *
 * <p>Nodata is compared as GDAL compares it: with the declared value as the band's type holds it. A Float32
 * band declared {@code -9999.9} marks the cells holding {@code (float) -9999.9}; an integer band marks the
 * declared value truncated toward zero when it lies within the type's range, and nothing when it does not (a
 * Byte band declared 300 has no nodata cells). NaN is always nodata.
 */
public final class Band {

  private final SampleType type;
  private final OptionalDouble nodata;
  private final double scale;
  private final double offset;
  private final boolean matchesNodata;
  private final double nodataCell;

  /**
   * @param type the stored sample type
   * @param nodata the value marking cells without data, if declared; a Float32 band reports it rounded to
   *     Float32, as GDAL does
   * @param scale multiply a stored value by this to get the physical value (1 when not declared)
   * @param offset then add this (0 when not declared)
   */
  public Band(SampleType type, OptionalDouble nodata, double scale, double offset) {
    this.type = Objects.requireNonNull(type, "type");
    Objects.requireNonNull(nodata, "nodata");
    this.nodata = type == SampleType.FLOAT32 && nodata.isPresent()
        ? OptionalDouble.of((float) nodata.getAsDouble()) : nodata;
    this.scale = scale;
    this.offset = offset;
    double cell = nodata.isPresent() ? type.nodataCell(nodata.getAsDouble()) : Double.NaN;
    this.matchesNodata = !Double.isNaN(cell);
    this.nodataCell = cell;
  }

  /** @return the stored sample type */
  public SampleType type() {
    return type;
  }

  /** @return the declared nodata value, if any */
  public OptionalDouble nodata() {
    return nodata;
  }

  /** @return the factor turning a stored value into a physical one (1 when not declared) */
  public double scale() {
    return scale;
  }

  /** @return the offset added after {@link #scale()} (0 when not declared) */
  public double offset() {
    return offset;
  }

  /**
   * The value a cell must hold to be nodata, for filling cells a file does not store (sparse blocks).
   *
   * @return the declared nodata as the band's type holds it, or empty when no cell can be nodata by value
   *     (NaN nodata still fills floating-point bands with NaN)
   */
  public OptionalDouble nodataCell() {
    if (matchesNodata) {
      return OptionalDouble.of(nodataCell);
    }
    return nodata.isPresent() && type.floatingPoint() ? OptionalDouble.of(Double.NaN) : OptionalDouble.empty();
  }

  /**
   * @param value a stored value
   * @return whether it is nodata: equal to the declared nodata as the type holds it, or NaN
   */
  public boolean isNodata(double value) {
    return value != value || (matchesNodata && value == nodataCell);
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
    return new Band(type, nodata, scale, offset);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Band b && type == b.type && nodata.equals(b.nodata)
        && Double.compare(scale, b.scale) == 0 && Double.compare(offset, b.offset) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, nodata, scale, offset);
  }

  @Override
  public String toString() {
    return "Band[" + type + (nodata.isPresent() ? ", nodata " + nodata.getAsDouble() : "")
        + (scale != 1 || offset != 0 ? ", scale " + scale + ", offset " + offset : "") + "]";
  }
}
