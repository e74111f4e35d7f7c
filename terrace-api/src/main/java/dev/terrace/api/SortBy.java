package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * One key of a search's order (the STAC API sort extension).
 *
 * @param field the member to sort by: {@code id}, {@code collection} or {@code properties.datetime}
 *     ({@code start_datetime}, {@code end_datetime})
 * @param direction ascending or descending
 */
public record SortBy(
    @JsonProperty("field") String field, @JsonProperty("direction") Direction direction) {

  /** Checks that both are given. */
  public SortBy {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(direction, "direction");
  }

  /**
   * Reads a key as STAC API's GET form writes it: the field, after {@code -} for descending and
   * after {@code +} or nothing for ascending.
   *
   * @param key such as {@code -properties.datetime} or {@code id}
   * @return the sort key
   */
  public static SortBy parse(String key) {
    boolean descending = key.startsWith("-");
    String field = descending || key.startsWith("+") ? key.substring(1) : key;
    return new SortBy(field, descending ? Direction.DESC : Direction.ASC);
  }

  /** The direction of a sort key; {@code asc} and {@code desc} on the wire. */
  public enum Direction {
    /** Smallest first. */
    ASC,
    /** Largest first. */
    DESC;

    /**
     * The name on the wire.
     *
     * @return the wire name
     */
    @JsonValue
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Reads a direction from its wire name.
     *
     * @param name {@code asc} or {@code desc}, any case
     * @return the direction
     * @throws IllegalArgumentException for another name
     */
    @JsonCreator
    public static Direction of(String name) {
      return Wire.lookup(values(), Direction::wireName, name, "direction");
    }
  }
}
