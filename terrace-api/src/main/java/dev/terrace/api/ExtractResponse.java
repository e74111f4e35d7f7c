package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code extract} response: one result per dataset (and per timestamp of a time-varying
 * dataset).
 *
 * <p>A dataset that fails does not fail the request: its result has quality {@code missing} and a
 * warning explains why. In an {@code extract.batch} response, a geometry that cannot be evaluated
 * (an invalid polygon, when the request does not ask for repair) fails only its own entry: that
 * entry has no results and an {@code error} saying why, with the field errors in its {@code
 * detail}, while the other entries are answered.
 *
 * @param requestId the request's id, also sent as the {@code X-Request-ID} header
 * @param geometryHash a stable hash of the (unwrapped) input geometry, to match responses to inputs
 * @param results the results in the order of the request's dataset ids; an unmodifiable copy, empty
 *     when null
 * @param warnings human-readable warnings; an unmodifiable copy, empty when null
 * @param elapsedMs the time spent on the whole request, in milliseconds
 * @param error why this entry of a batch could not be evaluated, or null when it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtractResponse(
    @JsonProperty("request_id") String requestId,
    @JsonProperty("geometry_hash") String geometryHash,
    @JsonProperty("results") List<ExtractResult> results,
    @JsonProperty("warnings") List<String> warnings,
    @JsonProperty("elapsed_ms") double elapsedMs,
    @JsonProperty("error") @Nullable ErrorEnvelope error) {

  /**
   * Copies the lists.
   *
   * @param requestId the request's id
   * @param geometryHash the geometry's hash
   * @param results the results, or null for none
   * @param warnings the warnings, or null for none
   * @param elapsedMs the time spent, in milliseconds
   * @param error why the entry failed, or null
   */
  public ExtractResponse {
    results = Wire.copyOrEmpty(results);
    warnings = Wire.copyOrEmpty(warnings);
  }

  /**
   * An answered request or batch entry.
   *
   * @param requestId the request's id
   * @param geometryHash the geometry's hash
   * @param results the results, or null for none
   * @param warnings the warnings, or null for none
   * @param elapsedMs the time spent, in milliseconds
   */
  public ExtractResponse(
      String requestId,
      String geometryHash,
      @Nullable List<ExtractResult> results,
      @Nullable List<String> warnings,
      double elapsedMs) {
    this(requestId, geometryHash, results, warnings, elapsedMs, null);
  }
}
