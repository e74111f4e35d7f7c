package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code extract} response: one result per dataset (and per timestamp of a time-varying dataset).
 *
 * <p>A dataset that fails does not fail the request: its result has quality {@code missing} and a warning
 * explains why.
 *
 * @param requestId the request's id, also sent as the {@code X-Request-ID} header
 * @param geometryHash a stable hash of the (unwrapped) input geometry, to match responses to inputs
 * @param results the results in the order of the request's dataset ids; an unmodifiable copy, empty when null
 * @param warnings human-readable warnings; an unmodifiable copy, empty when null
 * @param elapsedMs the time spent on the whole request, in milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractResponse(
        @JsonProperty("request_id") String requestId,
        @JsonProperty("geometry_hash") String geometryHash,
        @JsonProperty("results") List<ExtractResult> results,
        @JsonProperty("warnings") List<String> warnings,
        @JsonProperty("elapsed_ms") double elapsedMs) {

    /**
     * Copies the lists.
     *
     * @param requestId the request's id
     * @param geometryHash the geometry's hash
     * @param results the results, or null for none
     * @param warnings the warnings, or null for none
     * @param elapsedMs the time spent, in milliseconds
     */
    public ExtractResponse {
        results = Wire.copyOrEmpty(results);
        warnings = Wire.copyOrEmpty(warnings);
    }
}
