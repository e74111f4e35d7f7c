package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code error} member of every error body: the envelope that existing attribute-service
 * clients parse on the {@code /api/v1/...} routes. It repeats, in their shape, what the RFC 9457
 * members of the {@link Problem} say.
 *
 * @param type the error type, the same as the problem's {@code error_type} ({@code "not_found"}, …)
 * @param message what went wrong, for humans (the problem's {@code detail})
 * @param requestId the request's id
 * @param detail further detail, for example the list of field errors of a validation error, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorEnvelope(
    @JsonProperty("type") String type,
    @JsonProperty("message") String message,
    @JsonProperty("request_id") @Nullable String requestId,
    @JsonProperty("detail") @Nullable Object detail) {}
