package dev.terrace.api.geojson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Objects;

/**
 * A GeoJSON {@code Polygon}: an exterior ring and optional holes.
 *
 * @param coordinates the linear rings, exterior first, each a closed list of {@code [lon, lat]}
 *     positions (RFC 7946: exterior counter-clockwise, holes clockwise); held as given, not copied,
 *     and not validated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Polygon(@JsonProperty("coordinates") double[][][] coordinates) implements Geometry {

  /**
   * A polygon with one exterior ring and no holes.
   *
   * <p>The ring is closed for you: when the last position differs from the first, the first is
   * appended. Nothing else is checked.
   *
   * @param ring the exterior ring's positions, each {@code {lon, lat}}, preferably
   *     counter-clockwise
   * @return the polygon
   * @throws NullPointerException if {@code ring} or one of its positions is null
   */
  public static Polygon of(double[]... ring) {
    Objects.requireNonNull(ring, "ring");
    for (double[] position : ring) {
      Objects.requireNonNull(position, "ring position");
    }
    double[][] closed = ring;
    if (ring.length > 0 && !Arrays.equals(ring[0], ring[ring.length - 1])) {
      closed = Arrays.copyOf(ring, ring.length + 1);
      closed[ring.length] = ring[0].clone();
    }
    return new Polygon(new double[][][] {closed});
  }

  /**
   * An axis-aligned rectangle, as a closed counter-clockwise ring of five positions.
   *
   * @param minLon western edge
   * @param minLat southern edge
   * @param maxLon eastern edge
   * @param maxLat northern edge
   * @return the polygon {@code
   *     [[minLon,minLat],[maxLon,minLat],[maxLon,maxLat],[minLon,maxLat],[minLon,minLat]]}
   */
  public static Polygon rectangle(double minLon, double minLat, double maxLon, double maxLat) {
    return new Polygon(
        new double[][][] {
          {{minLon, minLat}, {maxLon, minLat}, {maxLon, maxLat}, {minLon, maxLat}, {minLon, minLat}}
        });
  }

  /**
   * Compares the coordinates by value ({@link Arrays#deepEquals(Object[], Object[])}).
   *
   * @param o the other object
   * @return whether {@code o} is a {@code Polygon} with equal coordinates
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Polygon && Arrays.deepEquals(coordinates, ((Polygon) o).coordinates);
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
   * @return for example {@code Polygon[coordinates=[[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0,
   *     0.0]]]]}
   */
  @Override
  public String toString() {
    return "Polygon[coordinates=" + Arrays.deepToString(coordinates) + "]";
  }
}
