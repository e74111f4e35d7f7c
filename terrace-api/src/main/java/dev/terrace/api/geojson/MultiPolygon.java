package dev.terrace.api.geojson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * A GeoJSON {@code MultiPolygon}: several polygons.
 *
 * @param coordinates the polygons, each a list of linear rings (exterior first) of {@code [lon,
 *     lat]} positions; held as given, not copied, and not validated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MultiPolygon(@JsonProperty("coordinates") double[][][][] coordinates)
    implements Geometry {

  /**
   * Compares the coordinates by value ({@link Arrays#deepEquals(Object[], Object[])}).
   *
   * @param o the other object
   * @return whether {@code o} is a {@code MultiPolygon} with equal coordinates
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof MultiPolygon
        && Arrays.deepEquals(coordinates, ((MultiPolygon) o).coordinates);
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
   * @return for example {@code MultiPolygon[coordinates=[[[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0],
   *     [0.0, 0.0]]]]]}
   */
  @Override
  public String toString() {
    return "MultiPolygon[coordinates=" + Arrays.deepToString(coordinates) + "]";
  }
}
