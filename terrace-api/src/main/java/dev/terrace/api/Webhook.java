package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A webhook: a URL the service POSTs the events it subscribes to, signed with its secret.
 *
 * @param id the webhook's id, {@code wh_…}
 * @param url the {@code https} URL events are sent to
 * @param events the events it subscribes to; an unmodifiable copy, empty when null
 * @param createdAt when it was created, ISO 8601 in UTC
 * @param secret the signing secret, {@code whsec_…}: only in the answer to {@code webhooks.create},
 *     null (and omitted) everywhere else
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Webhook(
    @JsonProperty("id") String id,
    @JsonProperty("url") String url,
    @JsonProperty("events") List<WebhookEvent> events,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("secret") @Nullable String secret) {

  /**
   * Copies the events.
   *
   * @param id the id
   * @param url the URL
   * @param events the events, or null for none
   * @param createdAt when it was created
   * @param secret the secret, or null
   */
  public Webhook {
    events = Wire.copyOrEmpty(events);
  }

  /**
   * Hides the secret, which a log line must not carry.
   *
   * @return the webhook's members, the secret as {@code whsec_…} when present
   */
  @Override
  public String toString() {
    return "Webhook[id="
        + id
        + ", url="
        + url
        + ", events="
        + events
        + ", createdAt="
        + createdAt
        + (secret == null ? "" : ", secret=whsec_…")
        + "]";
  }
}
