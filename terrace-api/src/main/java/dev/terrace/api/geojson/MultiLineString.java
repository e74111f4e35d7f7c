package dev.terrace.api.geojson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * A GeoJSON {@code MultiLineString}: several lines.
 *
 * @param coordinates the lines, each a list of {@code [lon, lat]} positions; held as given, not
 *     copied, and not validated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MultiLineString(@JsonProperty("coordinates") double[][][] coordinates)
    implements Geometry {

  /**
   * Compares the coordinates by value ({@link Arrays#deepEquals(Object[], Object[])}).
   *
   * @param o the other object
   * @return whether {@code o} is a {@code MultiLineString} with equal coordinates
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof MultiLineString
        && Arrays.deepEquals(coordinates, ((MultiLineString) o).coordinates);
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
   * @return for example {@code MultiLineString[coordinates=[[[6.1, 49.6], [6.2, 49.7]]]]}
   */
  @Override
  public String toString() {
    return "MultiLineString[coordinates=" + Arrays.deepToString(coordinates) + "]";
  }
}
