package dev.terrace.api.geojson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * A GeoJSON {@code MultiPoint}: several positions.
 *
 * @param coordinates the positions, each {@code [lon, lat]}; held as given, not copied, and not
 *     validated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MultiPoint(@JsonProperty("coordinates") double[][] coordinates) implements Geometry {

  /**
   * Compares the coordinates by value ({@link Arrays#deepEquals(Object[], Object[])}).
   *
   * @param o the other object
   * @return whether {@code o} is a {@code MultiPoint} with equal coordinates
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof MultiPoint && Arrays.deepEquals(coordinates, ((MultiPoint) o).coordinates);
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
   * @return for example {@code MultiPoint[coordinates=[[6.1, 49.6], [6.2, 49.7]]]}
   */
  @Override
  public String toString() {
    return "MultiPoint[coordinates=" + Arrays.deepToString(coordinates) + "]";
  }
}
