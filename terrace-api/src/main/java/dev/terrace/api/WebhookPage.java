package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code webhooks.list} response: one page of the caller's webhooks, without their secrets.
 *
 * @param total the number of webhooks across all pages
 * @param limit the page size asked for
 * @param offset the position of this page's first item
 * @param count the number of webhooks on this page
 * @param webhooks the webhooks on this page; an unmodifiable copy, empty when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookPage(
    @JsonProperty("total") int total,
    @JsonProperty("limit") int limit,
    @JsonProperty("offset") int offset,
    @JsonProperty("count") int count,
    @JsonProperty("webhooks") List<Webhook> webhooks)
    implements Page<Webhook> {

  /**
   * Copies the webhooks.
   *
   * @param total the total
   * @param limit the page size
   * @param offset the offset
   * @param count the number on this page
   * @param webhooks the webhooks, or null for none
   */
  public WebhookPage {
    webhooks = Wire.copyOrEmpty(webhooks);
  }

  /**
   * A page whose {@code count} is the number of webhooks given.
   *
   * @param total the number of webhooks across all pages
   * @param limit the page size asked for
   * @param offset the position of the first item
   * @param webhooks the webhooks on this page
   * @return the page
   */
  public static WebhookPage of(int total, int limit, int offset, List<Webhook> webhooks) {
    return new WebhookPage(total, limit, offset, webhooks.size(), webhooks);
  }

  /**
   * The webhooks on this page.
   *
   * @return {@link #webhooks()}
   */
  @JsonIgnore
  @Override
  public List<Webhook> items() {
    return webhooks;
  }
}
