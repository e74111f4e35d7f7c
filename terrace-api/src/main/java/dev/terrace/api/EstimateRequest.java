package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code extract.estimate} request: the body of another operation, whose cost is wanted before
 * it is sent. Exactly one member is set; the estimate reads it as that operation would, with the
 * same validation, but reads no cell.
 *
 * <p>Each operation that can be estimated has its own member, named after it, so that a body is
 * sent unchanged: {@code {"extract": {...}}}, {@code {"extract_batch": {...}}} or {@code
 * {"jobs_create": {...}}}. An operation added later joins as one more nullable member, which leaves
 * every request written before it valid.
 *
 * @param extract an {@code extract} body, or null
 * @param extractBatch an {@code extract.batch} body, or null
 * @param jobsCreate a {@code jobs.create} body with its rows inline, or null; a streamed input is
 *     counted by the job itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EstimateRequest(
    @JsonProperty("extract") @Nullable ExtractRequest extract,
    @JsonProperty("extract_batch") @Nullable BatchExtractRequest extractBatch,
    @JsonProperty("jobs_create") @Nullable CreateJobRequest jobsCreate) {

  /**
   * The request as it was before {@code jobs_create}.
   *
   * @param extract an {@code extract} body, or null
   * @param extractBatch an {@code extract.batch} body, or null
   */
  public EstimateRequest(
      @Nullable ExtractRequest extract, @Nullable BatchExtractRequest extractBatch) {
    this(extract, extractBatch, null);
  }

  /**
   * The estimate of an {@code extract}.
   *
   * @param request the request that would be sent
   * @return the estimate request
   */
  public static EstimateRequest of(ExtractRequest request) {
    return new EstimateRequest(Objects.requireNonNull(request, "request"), null);
  }

  /**
   * The estimate of an {@code extract.batch}.
   *
   * @param request the request that would be sent
   * @return the estimate request
   */
  public static EstimateRequest of(BatchExtractRequest request) {
    return new EstimateRequest(null, Objects.requireNonNull(request, "request"));
  }

  /**
   * The estimate of a {@code jobs.create} over inline rows.
   *
   * @param request the request that would be sent
   * @return the estimate request
   */
  public static EstimateRequest of(CreateJobRequest request) {
    return new EstimateRequest(null, null, Objects.requireNonNull(request, "request"));
  }
}
