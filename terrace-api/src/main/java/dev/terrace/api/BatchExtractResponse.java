package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code extract.batch} response: one {@link ExtractResponse} per input geometry, in input
 * order.
 *
 * @param responses the responses, {@code responses.get(i)} answering geometry {@code i}; an
 *     unmodifiable copy, empty when null
 * @param totalGeometries the number of geometries in the request
 * @param totalResults the number of results across all responses
 * @param elapsedMs the time spent on the whole batch, in milliseconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchExtractResponse(
    @JsonProperty("responses") List<ExtractResponse> responses,
    @JsonProperty("total_geometries") int totalGeometries,
    @JsonProperty("total_results") int totalResults,
    @JsonProperty("elapsed_ms") double elapsedMs) {

  /**
   * Copies the responses.
   *
   * @param responses the responses, or null for none
   * @param totalGeometries the number of geometries
   * @param totalResults the number of results
   * @param elapsedMs the time spent, in milliseconds
   */
  public BatchExtractResponse {
    responses = Wire.copyOrEmpty(responses);
  }

  /**
   * A response whose totals are counted from {@code responses}.
   *
   * @param responses the responses, in input order
   * @param elapsedMs the time spent, in milliseconds
   * @return the response
   */
  public static BatchExtractResponse of(List<ExtractResponse> responses, double elapsedMs) {
    int results = 0;
    for (ExtractResponse r : responses) {
      results += r == null ? 0 : r.results().size();
    }
    return new BatchExtractResponse(responses, responses.size(), results, elapsedMs);
  }
}
