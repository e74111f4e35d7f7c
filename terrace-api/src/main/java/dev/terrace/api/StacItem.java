package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.terrace.api.geojson.Geometry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A STAC item (a GeoJSON Feature): one raster of a dataset — its file, one time step, or one tile
 * of a grid of tiles. A search with {@link ItemFields} may leave members out, so every member but
 * {@code id} may be null.
 *
 * @param type {@code Feature}
 * @param stacVersion the STAC version, {@code 1.0.0}
 * @param stacExtensions the schemas of the extensions used
 * @param id the item's id, unique within its collection
 * @param collection the collection: the dataset id
 * @param geometry the footprint in lon/lat, or null when not known
 * @param bbox the footprint's bounding box: west, south, east, north
 * @param properties {@code datetime}, or {@code start_datetime} and {@code end_datetime} with
 *     {@code datetime} null, and the other properties
 * @param links links to the item itself, its collection and the root
 * @param assets the files, by key; {@code data} is the one read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StacItem(
    @JsonProperty("type") @Nullable String type,
    @JsonProperty("stac_version") @Nullable String stacVersion,
    @JsonProperty("stac_extensions") @Nullable List<String> stacExtensions,
    @JsonProperty("id") String id,
    @JsonProperty("collection") @Nullable String collection,
    @JsonProperty("geometry") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Geometry geometry,
    @JsonProperty("bbox") @Nullable List<Double> bbox,
    @JsonProperty("properties") @Nullable Map<String, @Nullable Object> properties,
    @JsonProperty("links") @Nullable List<StacLink> links,
    @JsonProperty("assets") @Nullable Map<String, StacAsset> assets) {

  /** Copies the collections, keeping the order of properties and assets. */
  public StacItem {
    stacExtensions = Wire.copy(stacExtensions);
    bbox = Wire.copy(bbox);
    properties =
        properties == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    links = Wire.copy(links);
    assets = assets == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(assets));
  }

  /**
   * The item's instant.
   *
   * @return the item's instant, if it has one rather than an interval
   */
  @JsonIgnore
  public Optional<Instant> datetime() {
    return instant("datetime");
  }

  /**
   * The start of the item's interval.
   *
   * @return the start of the item's interval, if it has one
   */
  @JsonIgnore
  public Optional<Instant> startDatetime() {
    return instant("start_datetime");
  }

  /**
   * The end of the item's interval.
   *
   * @return the end of the item's interval, if it has one
   */
  @JsonIgnore
  public Optional<Instant> endDatetime() {
    return instant("end_datetime");
  }

  private Optional<Instant> instant(String name) {
    Object value = properties == null ? null : properties.get(name);
    return value instanceof String text
        ? Optional.of(OffsetDateTime.parse(text).toInstant())
        : Optional.empty();
  }
}
