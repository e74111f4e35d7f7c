package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code webhooks.delete} request: the webhook stops receiving events, and its deliveries not
 * made yet are dropped.
 *
 * @param id the webhook's id, {@code wh_…}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeleteWebhookRequest(@JsonProperty("id") String id) {}
