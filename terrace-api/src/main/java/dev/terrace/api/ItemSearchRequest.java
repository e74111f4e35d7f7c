package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.terrace.api.geojson.Geometry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code catalog.search} request: STAC API Item Search over the catalog, where each dataset is
 * a collection and each raster behind it (a file, a time step, a tile) an item. Every member is
 * optional; an empty request lists every item, {@value #DEFAULT_LIMIT} at a time. The service, not
 * this record, checks the values (a {@code bbox} of 4 or 6 numbers, not both {@code bbox} and
 * {@code intersects}, an RFC 3339 {@code datetime}, a positive {@code limit}).
 *
 * <pre>{@code
 * ItemCollection page = api.search(ItemSearchRequest.builder()
 *     .collections("bcsd:pr")
 *     .bbox(-85, 33, -80, 36)
 *     .datetime("1999-03-01T00:00:00Z/1999-05-31T23:59:59Z")
 *     .build());
 * }</pre>
 *
 * @param collections only items of these collections (dataset ids), or null for all
 * @param ids only items with these ids, or null for all
 * @param bbox only items whose bounding box meets this one: west, south, east, north in lon/lat (or
 *     6 numbers with a minimum and maximum height); west greater than east crosses the antimeridian
 * @param intersects only items whose footprint meets this GeoJSON geometry (lon/lat)
 * @param datetime an instant, or an interval {@code start/end} with {@code ..} for an open end (RFC
 *     3339)
 * @param limit the page size, 1 or more; {@value #DEFAULT_LIMIT} when absent; larger than {@value
 *     #MAX_LIMIT} is served as {@value #MAX_LIMIT}
 * @param token the page to return, from the previous page's {@code next} link
 * @param sortby the order, by {@code id}, {@code collection} or {@code properties.datetime} (also
 *     {@code start_datetime} and {@code end_datetime}); catalog order when absent
 * @param fields the members to include or exclude in each item
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemSearchRequest(
    @JsonProperty("collections") @Nullable List<String> collections,
    @JsonProperty("ids") @Nullable List<String> ids,
    @JsonProperty("bbox") @Nullable List<Double> bbox,
    @JsonProperty("intersects") @Nullable Geometry intersects,
    @JsonProperty("datetime") @Nullable String datetime,
    @JsonProperty("limit") @Nullable Integer limit,
    @JsonProperty("token") @Nullable String token,
    @JsonProperty("sortby") @Nullable List<SortBy> sortby,
    @JsonProperty("fields") @Nullable ItemFields fields) {

  /** The page size when a request names none. */
  public static final int DEFAULT_LIMIT = 10;

  /** The largest page served; a larger {@code limit} is served as this. */
  public static final int MAX_LIMIT = 10_000;

  /** Every item, the first page at the default size. */
  public static final ItemSearchRequest ALL =
      new ItemSearchRequest(null, null, null, null, null, null, null, null, null);

  /** Copies the lists and unwraps a {@link dev.terrace.api.geojson.Feature}. */
  public ItemSearchRequest {
    collections = Wire.copy(collections);
    ids = Wire.copy(ids);
    bbox = Wire.copy(bbox);
    intersects = intersects == null ? null : intersects.unwrap();
    sortby = Wire.copy(sortby);
  }

  /**
   * The same search at another page.
   *
   * @param token the page's token, from {@link ItemCollection#nextToken()}
   * @return the request for that page
   */
  public ItemSearchRequest withToken(String token) {
    return new ItemSearchRequest(
        collections, ids, bbox, intersects, datetime, limit, token, sortby, fields);
  }

  /**
   * Starts a search; unset members are left out of the request.
   *
   * @return a builder of a search
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ItemSearchRequest}; every member is optional. */
  public static final class Builder {
    private @Nullable List<String> collections;
    private @Nullable List<String> ids;
    private @Nullable List<Double> bbox;
    private @Nullable Geometry intersects;
    private @Nullable String datetime;
    private @Nullable Integer limit;
    private @Nullable List<SortBy> sortby;
    private @Nullable ItemFields fields;

    private Builder() {}

    /**
     * Only items of these collections.
     *
     * @param collections dataset ids
     * @return this builder
     */
    public Builder collections(String... collections) {
      this.collections = List.of(collections);
      return this;
    }

    /**
     * Only items with these ids.
     *
     * @param ids item ids
     * @return this builder
     */
    public Builder ids(String... ids) {
      this.ids = List.of(ids);
      return this;
    }

    /**
     * Only items whose bounding box meets this one.
     *
     * @param west the western edge, degrees
     * @param south the southern edge, degrees
     * @param east the eastern edge, degrees
     * @param north the northern edge, degrees
     * @return this builder
     */
    public Builder bbox(double west, double south, double east, double north) {
      this.bbox = List.of(west, south, east, north);
      return this;
    }

    /**
     * Only items whose footprint meets this geometry.
     *
     * @param geometry a GeoJSON geometry in lon/lat
     * @return this builder
     */
    public Builder intersects(Geometry geometry) {
      this.intersects = geometry;
      return this;
    }

    /**
     * Only items at or within this time.
     *
     * @param datetime an RFC 3339 instant or interval, {@code ..} for an open end
     * @return this builder
     */
    public Builder datetime(String datetime) {
      this.datetime = datetime;
      return this;
    }

    /**
     * The page size.
     *
     * @param limit the page size
     * @return this builder
     */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Adds a sort key after those given before.
     *
     * @param field {@code id}, {@code collection} or {@code properties.datetime}
     * @param direction its direction
     * @return this builder
     */
    public Builder sortBy(String field, SortBy.Direction direction) {
      List<SortBy> keys = sortby == null ? new ArrayList<>() : new ArrayList<>(sortby);
      keys.add(new SortBy(field, direction));
      this.sortby = keys;
      return this;
    }

    /**
     * Only these members of each item.
     *
     * @param include the members to keep ({@code properties.datetime}, {@code assets}, …)
     * @return this builder
     */
    public Builder include(String... include) {
      this.fields =
          new ItemFields(Arrays.asList(include), fields == null ? null : fields.exclude());
      return this;
    }

    /**
     * Leaves these members out of each item.
     *
     * @param exclude the members to leave out
     * @return this builder
     */
    public Builder exclude(String... exclude) {
      this.fields =
          new ItemFields(fields == null ? null : fields.include(), Arrays.asList(exclude));
      return this;
    }

    /**
     * The search as built.
     *
     * @return the search
     */
    public ItemSearchRequest build() {
      return new ItemSearchRequest(
          collections, ids, bbox, intersects, datetime, limit, null, sortby, fields);
    }
  }
}
