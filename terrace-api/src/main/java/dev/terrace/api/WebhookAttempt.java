package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One attempt at a webhook delivery.
 *
 * @param at when the attempt started, ISO 8601 in UTC
 * @param statusCode the receiver's HTTP status, or null when none came (refused, unreachable, timed
 *     out)
 * @param latencyMs how long the attempt took, in milliseconds
 * @param error why the attempt failed, or null when it succeeded or the status says it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookAttempt(
    @JsonProperty("at") String at,
    @JsonProperty("status_code") @Nullable Integer statusCode,
    @JsonProperty("latency_ms") long latencyMs,
    @JsonProperty("error") @Nullable String error) {}
