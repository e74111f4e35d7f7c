package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code catalog.datasets.list} request: datasets across all providers, or one provider's.
 * Ranges are checked by the engine, not here.
 *
 * @param provider the provider's slug to list only its datasets, or null for all
 * @param limit the page size; {@value ListProvidersRequest#DEFAULT_LIMIT} when absent on the wire
 * @param offset the position of the first dataset to return; 0 when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListDatasetsRequest(
    @JsonProperty("provider") @Nullable String provider,
    @JsonProperty("limit") int limit,
    @JsonProperty("offset") int offset) {

  /** The first page of all datasets at the default size. */
  public static final ListDatasetsRequest FIRST_PAGE =
      new ListDatasetsRequest(null, ListProvidersRequest.DEFAULT_LIMIT, 0);

  /**
   * A request with defaults for absent values; the JSON creator.
   *
   * @param provider the provider's slug, or null for all
   * @param limit the page size, or null for {@value ListProvidersRequest#DEFAULT_LIMIT}
   * @param offset the offset, or null for 0
   * @return the request
   */
  @JsonCreator
  public static ListDatasetsRequest of(
      @JsonProperty("provider") @Nullable String provider,
      @JsonProperty("limit") @Nullable Integer limit,
      @JsonProperty("offset") @Nullable Integer offset) {
    return new ListDatasetsRequest(
        provider,
        limit == null ? ListProvidersRequest.DEFAULT_LIMIT : limit,
        offset == null ? 0 : offset);
  }

  /**
   * The first page of one provider's datasets at the default size.
   *
   * @param provider the provider's slug
   * @return the request
   */
  public static ListDatasetsRequest ofProvider(String provider) {
    return new ListDatasetsRequest(provider, ListProvidersRequest.DEFAULT_LIMIT, 0);
  }

  /**
   * The same filter and page size at another offset.
   *
   * @param offset the new offset, for example a page's {@link Page#nextOffset()}
   * @return the request for that page
   */
  public ListDatasetsRequest withOffset(int offset) {
    return new ListDatasetsRequest(provider, limit, offset);
  }
}
