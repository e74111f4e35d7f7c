package dev.terrace.api.geojson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A GeoJSON {@code Feature}: a geometry with properties. Accepted wherever a geometry is expected;
 * only its geometry is used ({@link #unwrap()}).
 *
 * <p>Both members are always written, as RFC 7946 requires ({@code "geometry": null} for an
 * unlocated feature). A feature's {@code id} and {@code bbox} are ignored.
 *
 * @param geometry the feature's geometry, or {@code null} for an unlocated feature
 * @param properties the feature's properties; an unmodifiable copy preserving order (and null
 *     values), empty when {@code null} is given
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Feature(
    @JsonProperty("geometry") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Geometry geometry,
    @JsonProperty("properties") @JsonInclude(JsonInclude.Include.ALWAYS)
        Map<String, @Nullable Object> properties)
    implements Geometry {

  /**
   * Copies the properties.
   *
   * @param geometry the feature's geometry, or {@code null}
   * @param properties the feature's properties, or {@code null} for none
   */
  public Feature {
    properties =
        properties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /**
   * A feature with no properties.
   *
   * @param geometry the geometry
   * @return the feature
   */
  public static Feature of(Geometry geometry) {
    return new Feature(geometry, null);
  }

  /**
   * The feature's geometry, itself unwrapped (a feature nested in a feature, which RFC 7946 does
   * not allow, is unwrapped all the way).
   *
   * @return the plain geometry, or {@code null} when the feature has none
   */
  @Override
  public @Nullable Geometry unwrap() {
    return geometry == null ? null : geometry.unwrap();
  }
}
