package dev.terrace.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.terrace.api.geojson.Geometry;
import java.util.Map;
import java.util.Objects;

/**
 * Geometry from the forms callers hold it in: GeoJSON text or a GeoJSON map (as parsed by any JSON
 * library). A {@code Feature} is unwrapped to its geometry, as the API does.
 *
 * <pre>{@code
 * Geometry point = Geometries.parse("{\"type\": \"Point\", \"coordinates\": [6.13, 49.61]}");
 * Geometry zone = Geometries.fromMap(Map.of("type", "Feature", "properties", Map.of(),
 *         "geometry", Map.of("type", "Point", "coordinates", List.of(6.13, 49.61))));
 * }</pre>
 *
 * <p>Only the GeoJSON structure is checked here; the service validates shapes (closed rings, finite
 * coordinates, vertex limits) and names the offending field.
 */
public final class Geometries {

  private Geometries() {}

  /**
   * Reads GeoJSON text.
   *
   * @param geoJson a GeoJSON geometry or Feature
   * @return the geometry, a Feature unwrapped
   * @throws IllegalArgumentException if the text is not a GeoJSON geometry or Feature, or is a
   *     Feature without a geometry
   */
  public static Geometry parse(String geoJson) {
    Objects.requireNonNull(geoJson, "geoJson");
    try {
      return plain(Json.MAPPER.readValue(geoJson, Geometry.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Not a GeoJSON geometry or Feature: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a GeoJSON map, such as {@code Map.of("type", "Point", "coordinates", List.of(6.13,
   * 49.61))}.
   *
   * @param geoJson a GeoJSON geometry or Feature as nested maps and lists
   * @return the geometry, a Feature unwrapped
   * @throws IllegalArgumentException if the map is not a GeoJSON geometry or Feature, or is a
   *     Feature without a geometry
   */
  public static Geometry fromMap(Map<String, ?> geoJson) {
    Objects.requireNonNull(geoJson, "geoJson");
    try {
      return plain(Json.MAPPER.convertValue(geoJson, Geometry.class));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a GeoJSON geometry or Feature: " + e.getMessage(), e);
    }
  }

  private static Geometry plain(Geometry geometry) {
    Geometry plain = geometry == null ? null : geometry.unwrap();
    if (plain == null) {
      throw new IllegalArgumentException(
          "Not a GeoJSON geometry: null, or a Feature without a geometry");
    }
    return plain;
  }
}
