package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A dataset's range of plausible values, written {@code [min, max]} on the wire. A value outside it
 * is flagged {@link Quality#SUSPECT}.
 *
 * @param min the smallest plausible value
 * @param max the largest plausible value
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"min", "max"})
public record ValueRange(double min, double max) {

  /**
   * Whether a value lies within the range, bounds included.
   *
   * @param value the value
   * @return {@code min <= value <= max} (false for NaN)
   */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }
}
