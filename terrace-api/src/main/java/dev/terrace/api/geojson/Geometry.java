package dev.terrace.api.geojson;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * A GeoJSON geometry (RFC 7946), discriminated on the wire by its {@code "type"} member.
 *
 * <p>A {@link Feature} is also accepted wherever a geometry is expected; callers that need the
 * plain geometry call {@link #unwrap()}. Requests unwrap features when they are constructed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Point.class, name = "Point"),
  @JsonSubTypes.Type(value = MultiPoint.class, name = "MultiPoint"),
  @JsonSubTypes.Type(value = LineString.class, name = "LineString"),
  @JsonSubTypes.Type(value = MultiLineString.class, name = "MultiLineString"),
  @JsonSubTypes.Type(value = Polygon.class, name = "Polygon"),
  @JsonSubTypes.Type(value = MultiPolygon.class, name = "MultiPolygon"),
  @JsonSubTypes.Type(value = GeometryCollection.class, name = "GeometryCollection"),
  @JsonSubTypes.Type(value = Feature.class, name = "Feature")
})
public sealed interface Geometry
    permits Point,
        MultiPoint,
        LineString,
        MultiLineString,
        Polygon,
        MultiPolygon,
        GeometryCollection,
        Feature {

  /**
   * The plain geometry this value stands for.
   *
   * @return this geometry itself, or for a {@link Feature} its (unwrapped) geometry, which is
   *     {@code null} for a feature without one
   */
  default @Nullable Geometry unwrap() {
    return this;
  }
}
