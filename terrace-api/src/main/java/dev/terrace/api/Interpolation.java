package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a point reads its value.
 *
 * <p>On the wire as {@link #wireName()}; {@link #of(String)} reads it back, ignoring case.
 */
public enum Interpolation {
  /**
   * The value of the cell containing the point (the default; what {@code gdallocationinfo}
   * reports).
   */
  NEAREST("nearest"),

  /**
   * Bilinear interpolation between the four cell centres around the point; nodata neighbours are
   * left out.
   */
  BILINEAR("bilinear");

  private final String wireName;

  Interpolation(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name used in JSON and on the command line.
   *
   * @return for example {@code "bilinear"}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a wire name, ignoring case and surrounding blanks.
   *
   * @param value the wire name, for example {@code "nearest"}
   * @return the constant
   * @throws IllegalArgumentException if {@code value} is null or unknown; the message lists the
   *     valid values
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Interpolation of(String value) {
    return Wire.lookup(values(), Interpolation::wireName, value, "interpolation");
  }

  /**
   * The wire name.
   *
   * @return {@link #wireName()}
   */
  @Override
  public String toString() {
    return wireName;
  }
}
