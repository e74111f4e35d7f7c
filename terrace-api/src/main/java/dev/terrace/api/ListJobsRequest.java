package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code jobs.list} request: a page of the caller's jobs, newest first. Ranges ({@code limit} 1
 * to 1000, {@code offset} ≥ 0) are checked by the service, not here.
 *
 * @param status only jobs in this status, or null for all
 * @param limit the page size; {@value ListProvidersRequest#DEFAULT_LIMIT} when absent on the wire
 * @param offset the position of the first job to return; 0 when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListJobsRequest(
    @JsonProperty("status") @Nullable JobStatus status,
    @JsonProperty("limit") int limit,
    @JsonProperty("offset") int offset) {

  /** The first page of every job at the default size. */
  public static final ListJobsRequest FIRST_PAGE =
      new ListJobsRequest(null, ListProvidersRequest.DEFAULT_LIMIT, 0);

  /**
   * A request with defaults for absent values; the JSON creator.
   *
   * @param status the status filter, or null for all
   * @param limit the page size, or null for {@value ListProvidersRequest#DEFAULT_LIMIT}
   * @param offset the offset, or null for 0
   * @return the request
   */
  @JsonCreator
  public static ListJobsRequest of(
      @JsonProperty("status") @Nullable JobStatus status,
      @JsonProperty("limit") @Nullable Integer limit,
      @JsonProperty("offset") @Nullable Integer offset) {
    return new ListJobsRequest(
        status,
        limit == null ? ListProvidersRequest.DEFAULT_LIMIT : limit,
        offset == null ? 0 : offset);
  }

  /**
   * The first page of the jobs in one status at the default size.
   *
   * @param status the status
   * @return the request
   */
  public static ListJobsRequest ofStatus(JobStatus status) {
    return new ListJobsRequest(status, ListProvidersRequest.DEFAULT_LIMIT, 0);
  }

  /**
   * The same filter and page size at another offset.
   *
   * @param offset the new offset, for example a page's {@link Page#nextOffset()}
   * @return the request for that page
   */
  public ListJobsRequest withOffset(int offset) {
    return new ListJobsRequest(status, limit, offset);
  }
}
