package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code webhooks.list} request: a page of the caller's webhooks, oldest first. Ranges ({@code
 * limit} 1 to 1000, {@code offset} ≥ 0) are checked by the service, not here.
 *
 * @param limit the page size; {@value ListProvidersRequest#DEFAULT_LIMIT} when absent on the wire
 * @param offset the position of the first webhook to return; 0 when absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListWebhooksRequest(
    @JsonProperty("limit") int limit, @JsonProperty("offset") int offset) {

  /** The first page at the default size. */
  public static final ListWebhooksRequest FIRST_PAGE =
      new ListWebhooksRequest(ListProvidersRequest.DEFAULT_LIMIT, 0);

  /**
   * A request with defaults for absent values; the JSON creator.
   *
   * @param limit the page size, or null for {@value ListProvidersRequest#DEFAULT_LIMIT}
   * @param offset the offset, or null for 0
   * @return the request
   */
  @JsonCreator
  public static ListWebhooksRequest of(
      @JsonProperty("limit") @Nullable Integer limit,
      @JsonProperty("offset") @Nullable Integer offset) {
    return new ListWebhooksRequest(
        limit == null ? ListProvidersRequest.DEFAULT_LIMIT : limit, offset == null ? 0 : offset);
  }

  /**
   * The same page size at another offset.
   *
   * @param offset the new offset, for example a page's {@link Page#nextOffset()}
   * @return the request for that page
   */
  public ListWebhooksRequest withOffset(int offset) {
    return new ListWebhooksRequest(limit, offset);
  }
}
