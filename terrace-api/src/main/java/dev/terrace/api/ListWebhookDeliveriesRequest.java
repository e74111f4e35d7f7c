package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code webhooks.deliveries.list} request: a page of one webhook's deliveries, newest first.
 * Ranges ({@code limit} 1 to 1000, {@code offset} ≥ 0) are checked by the service, not here.
 *
 * @param webhookId the webhook's id, {@code wh_…}
 * @param limit the page size; {@value ListProvidersRequest#DEFAULT_LIMIT} when absent on the wire
 * @param offset the position of the first delivery to return; 0 when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListWebhookDeliveriesRequest(
    @JsonProperty("webhook_id") String webhookId,
    @JsonProperty("limit") int limit,
    @JsonProperty("offset") int offset) {

  /**
   * A request with defaults for absent values; the JSON creator.
   *
   * @param webhookId the webhook's id
   * @param limit the page size, or null for {@value ListProvidersRequest#DEFAULT_LIMIT}
   * @param offset the offset, or null for 0
   * @return the request
   */
  @JsonCreator
  public static ListWebhookDeliveriesRequest of(
      @JsonProperty("webhook_id") String webhookId,
      @JsonProperty("limit") @Nullable Integer limit,
      @JsonProperty("offset") @Nullable Integer offset) {
    return new ListWebhookDeliveriesRequest(
        webhookId,
        limit == null ? ListProvidersRequest.DEFAULT_LIMIT : limit,
        offset == null ? 0 : offset);
  }

  /**
   * The first page of a webhook's deliveries at the default size.
   *
   * @param webhookId the webhook's id
   * @return the request
   */
  public static ListWebhookDeliveriesRequest forWebhook(String webhookId) {
    return new ListWebhookDeliveriesRequest(webhookId, ListProvidersRequest.DEFAULT_LIMIT, 0);
  }

  /**
   * The same webhook and page size at another offset.
   *
   * @param offset the new offset, for example a page's {@link Page#nextOffset()}
   * @return the request for that page
   */
  public ListWebhookDeliveriesRequest withOffset(int offset) {
    return new ListWebhookDeliveriesRequest(webhookId, limit, offset);
  }
}
