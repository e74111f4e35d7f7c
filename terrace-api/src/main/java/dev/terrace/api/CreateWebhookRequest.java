package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code webhooks.create} request. The URL is checked by the service, not here: it must be
 * {@code https} and must not lead into the service's own network.
 *
 * @param url where to POST the events
 * @param events the events to send; an unmodifiable copy that keeps null elements, or null
 * @param secret the signing secret, 16 to 200 characters, or null for the service to make one
 *     ({@code whsec_…})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateWebhookRequest(
    @JsonProperty("url") String url,
    @JsonProperty("events") List<WebhookEvent> events,
    @JsonProperty("secret") @Nullable String secret) {

  /**
   * Copies the events.
   *
   * @param url the URL
   * @param events the events
   * @param secret the secret, or null
   */
  public CreateWebhookRequest {
    events = Wire.copy(events);
  }

  /**
   * A request for a secret the service makes.
   *
   * @param url where to POST the events
   * @param events the events to send
   * @return the request
   */
  public static CreateWebhookRequest of(String url, WebhookEvent... events) {
    return new CreateWebhookRequest(url, List.of(events), null);
  }

  /**
   * Hides the secret, which a log line must not carry.
   *
   * @return the request's members, the secret as {@code …} when present
   */
  @Override
  public String toString() {
    return "CreateWebhookRequest[url="
        + url
        + ", events="
        + events
        + (secret == null ? "" : ", secret=…")
        + "]";
  }
}
