package dev.terrace.api.geojson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * A GeoJSON {@code LineString}: a line through two or more positions.
 *
 * @param coordinates the positions in order, each {@code [lon, lat]}; held as given, not copied,
 *     and not validated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LineString(@JsonProperty("coordinates") double[][] coordinates) implements Geometry {

  /**
   * Compares the coordinates by value ({@link Arrays#deepEquals(Object[], Object[])}).
   *
   * @param o the other object
   * @return whether {@code o} is a {@code LineString} with equal coordinates
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof LineString && Arrays.deepEquals(coordinates, ((LineString) o).coordinates);
  }

  /**
   * Hashes the coordinates by value.
   *
   * @return a hash consistent with {@link #equals(Object)}
   */
  @Override
  public int hashCode() {
    return Arrays.deepHashCode(coordinates);
  }

  /**
   * Shows the coordinates.
   *
   * @return for example {@code LineString[coordinates=[[6.1, 49.6], [6.2, 49.7]]]}
   */
  @Override
  public String toString() {
    return "LineString[coordinates=" + Arrays.deepToString(coordinates) + "]";
  }
}
