package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code webhooks.deliveries.list} response: one page of a webhook's deliveries, newest first.
 *
 * @param total the number of deliveries across all pages
 * @param limit the page size asked for
 * @param offset the position of this page's first item
 * @param count the number of deliveries on this page
 * @param deliveries the deliveries on this page; an unmodifiable copy, empty when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookDeliveryPage(
    @JsonProperty("total") int total,
    @JsonProperty("limit") int limit,
    @JsonProperty("offset") int offset,
    @JsonProperty("count") int count,
    @JsonProperty("deliveries") List<WebhookDelivery> deliveries)
    implements Page<WebhookDelivery> {

  /**
   * Copies the deliveries.
   *
   * @param total the total
   * @param limit the page size
   * @param offset the offset
   * @param count the number on this page
   * @param deliveries the deliveries, or null for none
   */
  public WebhookDeliveryPage {
    deliveries = Wire.copyOrEmpty(deliveries);
  }

  /**
   * A page whose {@code count} is the number of deliveries given.
   *
   * @param total the number of deliveries across all pages
   * @param limit the page size asked for
   * @param offset the position of the first item
   * @param deliveries the deliveries on this page
   * @return the page
   */
  public static WebhookDeliveryPage of(
      int total, int limit, int offset, List<WebhookDelivery> deliveries) {
    return new WebhookDeliveryPage(total, limit, offset, deliveries.size(), deliveries);
  }

  /**
   * The deliveries on this page.
   *
   * @return {@link #deliveries()}
   */
  @JsonIgnore
  @Override
  public List<WebhookDelivery> items() {
    return deliveries;
  }
}
