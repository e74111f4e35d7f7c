package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code jobs.results} request: a job's rows from a position on, in input order.
 *
 * @param id the job's id
 * @param offset the first row to return, from 0; a reader that lost its connection after row {@code
 *     n} asks again from {@code n + 1}
 * @param format how the rows are written: {@link JobResultsFormat#NDJSON} (a {@link JobRow} per
 *     line) when null, unless the HTTP {@code Accept} header asks for another
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobResultsRequest(
    @JsonProperty("id") String id,
    @JsonProperty("offset") long offset,
    @JsonProperty("format") @Nullable JobResultsFormat format) {

  /**
   * A request with defaults for absent values; the JSON creator.
   *
   * @param id the job's id
   * @param offset the first row, or null for 0
   * @param format the format, or null for the {@code Accept} header's or NDJSON
   * @return the request
   */
  @JsonCreator
  public static JobResultsRequest of(
      @JsonProperty("id") String id,
      @JsonProperty("offset") @Nullable Long offset,
      @JsonProperty("format") @Nullable JobResultsFormat format) {
    return new JobResultsRequest(id, offset == null ? 0 : offset, format);
  }
}
