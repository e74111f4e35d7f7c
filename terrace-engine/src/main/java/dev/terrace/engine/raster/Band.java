package dev.terrace.engine.raster;

import java.util.OptionalDouble;

/**
 * What a band's stored numbers mean.
 *
 * @param type the stored sample type
 * @param nodata the value marking cells without data, if declared
 * @param scale multiply a stored value by this to get the physical value (1 when not declared)
 * @param offset then add this (0 when not declared)
 */
public record Band(SampleType type, OptionalDouble nodata, double scale, double offset) {

  /**
   * @param value a stored value
   * @return whether it is nodata: equal to the declared nodata value, or NaN
   */
  public boolean isNodata(double value) {
    return Double.isNaN(value) || (nodata.isPresent() && value == nodata.getAsDouble());
  }

  /**
   * @param value a stored value
   * @return the physical value, {@code value * scale + offset}
   */
  public double physical(double value) {
    return value * scale + offset;
  }
}
