package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a dataset's cell values mean, which decides the statistics that make sense for it.
 *
 * <p>On the wire as {@link #wireName()}; {@link #of(String)} reads it back, ignoring case.
 */
public enum DataType {
  /**
   * Measured quantities (elevation, clay content, precipitation): mean, percentiles and the like.
   */
  CONTINUOUS("continuous"),

  /** Class codes (land cover): majority, minority, variety, unique, distribution. */
  CATEGORICAL("categorical");

  private final String wireName;

  DataType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name used in JSON and on the command line.
   *
   * @return for example {@code "categorical"}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a wire name, ignoring case and surrounding blanks.
   *
   * @param value the wire name, for example {@code "continuous"}
   * @return the constant
   * @throws IllegalArgumentException if {@code value} is null or unknown; the message lists the
   *     valid values
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static DataType of(String value) {
    return Wire.lookup(values(), DataType::wireName, value, "data_type");
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
