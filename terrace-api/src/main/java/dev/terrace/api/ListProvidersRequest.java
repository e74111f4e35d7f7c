package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code catalog.providers.list} request. Ranges ({@code limit} 1 to 1000, {@code offset} ≥ 0)
 * are checked by the engine, not here.
 *
 * @param limit the page size; {@value #DEFAULT_LIMIT} when absent on the wire
 * @param offset the position of the first provider to return; 0 when absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListProvidersRequest(
    @JsonProperty("limit") int limit, @JsonProperty("offset") int offset) {

  /** The page size when none is asked for. */
  public static final int DEFAULT_LIMIT = 100;

  /** The first page at the default size. */
  public static final ListProvidersRequest FIRST_PAGE = new ListProvidersRequest(DEFAULT_LIMIT, 0);

  /**
   * A request with defaults for absent values; the JSON creator.
   *
   * @param limit the page size, or null for {@value #DEFAULT_LIMIT}
   * @param offset the offset, or null for 0
   * @return the request
   */
  @JsonCreator
  public static ListProvidersRequest of(
      @JsonProperty("limit") @Nullable Integer limit,
      @JsonProperty("offset") @Nullable Integer offset) {
    return new ListProvidersRequest(
        limit == null ? DEFAULT_LIMIT : limit, offset == null ? 0 : offset);
  }

  /**
   * The same page size at another offset.
   *
   * @param offset the new offset, for example a page's {@link Page#nextOffset()}
   * @return the request for that page
   */
  public ListProvidersRequest withOffset(int offset) {
    return new ListProvidersRequest(limit, offset);
  }
}
