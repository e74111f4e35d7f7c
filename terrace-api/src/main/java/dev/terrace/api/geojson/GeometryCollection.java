package dev.terrace.api.geojson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A GeoJSON {@code GeometryCollection}.
 *
 * @param geometries the member geometries; an unmodifiable copy, empty when {@code null} is given
 *     (null members are kept so that the engine can report them by index)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GeometryCollection(@JsonProperty("geometries") List<Geometry> geometries)
    implements Geometry {

  /**
   * Copies the member list.
   *
   * @param geometries the member geometries, or {@code null} for none
   */
  public GeometryCollection {
    geometries =
        geometries == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(geometries));
  }

  /**
   * A collection of the given geometries.
   *
   * @param geometries the members
   * @return the collection
   */
  public static GeometryCollection of(Geometry... geometries) {
    return new GeometryCollection(List.of(geometries));
  }
}
