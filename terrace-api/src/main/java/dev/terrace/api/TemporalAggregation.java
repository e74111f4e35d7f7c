package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the values of a time series collapse into one result per dataset, when a request asks for
 * that rather than one result per timestamp. Each timestamp's value is first computed with the
 * request's {@link Aggregation}; timestamps without a value (no valid cell) are left out.
 */
public enum TemporalAggregation {
  /** The mean of the timestamps' values. */
  MEAN("mean"),

  /** The smallest of the timestamps' values. */
  MIN("min"),

  /** The largest of the timestamps' values. */
  MAX("max"),

  /** The sum of the timestamps' values, for example monthly precipitation into a yearly total. */
  SUM("sum");

  private final String wireName;

  TemporalAggregation(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name written on the wire.
   *
   * @return for example {@code "mean"}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads the wire name.
   *
   * @param value {@code mean}, {@code min}, {@code max} or {@code sum}
   * @return the temporal aggregation
   * @throws IllegalArgumentException naming the valid values if {@code value} is not one of them
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TemporalAggregation of(String value) {
    return Wire.lookup(values(), TemporalAggregation::wireName, value, "temporal_aggregation");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
