package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One event sent, or being sent, to one webhook, with every attempt made.
 *
 * @param id the delivery's id, {@code dlv_…}, also sent as the {@code Terrace-Delivery} header
 * @param webhookId the webhook it goes to
 * @param event what happened
 * @param eventId the event's id, the body's {@code id}: the same for every webhook told of it
 * @param createdAt when the event was published, ISO 8601 in UTC
 * @param status where it stands
 * @param attempts the attempts made, oldest first; an unmodifiable copy, empty when null
 * @param nextAttemptAt when the next attempt is due, ISO 8601 in UTC; null unless pending
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookDelivery(
    @JsonProperty("id") String id,
    @JsonProperty("webhook_id") String webhookId,
    @JsonProperty("event") WebhookEvent event,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("status") WebhookDeliveryStatus status,
    @JsonProperty("attempts") List<WebhookAttempt> attempts,
    @JsonProperty("next_attempt_at") @Nullable String nextAttemptAt) {

  /**
   * Copies the attempts.
   *
   * @param id the id
   * @param webhookId the webhook's id
   * @param event the event
   * @param eventId the event's id
   * @param createdAt when the event was published
   * @param status the status
   * @param attempts the attempts, or null for none
   * @param nextAttemptAt when the next attempt is due, or null
   */
  public WebhookDelivery {
    attempts = Wire.copyOrEmpty(attempts);
  }
}
