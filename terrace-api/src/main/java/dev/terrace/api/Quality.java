package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How far a result can be trusted; every {@link ExtractResult} carries one.
 *
 * <p>On the wire as {@link #wireName()}; {@link #of(String)} reads it back, ignoring case.
 */
public enum Quality {
  /** Read at full resolution with enough valid coverage. */
  GOOD("good"),

  /** Valid cells cover less than 80% of the covered area. */
  PARTIAL("partial"),

  /**
   * Valid cells cover less than 30% of the covered area, no valid cell was found, or the dataset
   * failed; the value is then usually null.
   */
  MISSING("missing"),

  /** The value lies outside the dataset's valid range. */
  SUSPECT("suspect"),

  /**
   * The value was read from an overview (reduced resolution) rather than the full-resolution image.
   */
  DEGRADED("degraded"),

  /** The value was estimated (for example interpolated) rather than read. */
  ESTIMATED("estimated");

  private final String wireName;

  Quality(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name used in JSON and on the command line.
   *
   * @return for example {@code "estimated"}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a wire name, ignoring case and surrounding blanks.
   *
   * @param value the wire name, for example {@code "good"}
   * @return the constant
   * @throws IllegalArgumentException if {@code value} is null or unknown; the message lists the
   *     valid values
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Quality of(String value) {
    return Wire.lookup(values(), Quality::wireName, value, "quality");
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
