package dev.terrace.api.geojson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * A GeoJSON {@code Point}: one position.
 *
 * @param coordinates the position, {@code [lon, lat]} or {@code [lon, lat, altitude]}; held as
 *     given, not copied, and not validated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Point(@JsonProperty("coordinates") double[] coordinates) implements Geometry {

  /**
   * A point at a longitude and latitude.
   *
   * @param lon longitude in degrees (or x in the request's CRS)
   * @param lat latitude in degrees (or y in the request's CRS)
   * @return the point {@code [lon, lat]}
   */
  public static Point of(double lon, double lat) {
    return new Point(new double[] {lon, lat});
  }

  /**
   * Compares the coordinates by value.
   *
   * @param o the other object
   * @return whether {@code o} is a point with equal coordinates
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Point && Arrays.equals(coordinates, ((Point) o).coordinates);
  }

  /**
   * Hashes the coordinates by value.
   *
   * @return a hash consistent with {@link #equals(Object)}
   */
  @Override
  public int hashCode() {
    return Arrays.hashCode(coordinates);
  }

  /**
   * Shows the coordinates.
   *
   * @return for example {@code Point[coordinates=[6.13, 49.61]]}
   */
  @Override
  public String toString() {
    return "Point[coordinates=" + Arrays.toString(coordinates) + "]";
  }
}
