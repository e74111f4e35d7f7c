package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An extraction job: its status and progress, as {@code jobs.create}, {@code jobs.get}, {@code
 * jobs.list} and {@code jobs.cancel} answer it.
 *
 * @param id the job's id, {@code job_} and 26 characters that sort by creation time
 * @param status where the job is
 * @param createdAt when it was accepted (RFC 3339 on the wire, as every time below)
 * @param startedAt when a worker first took it, or null while queued
 * @param finishedAt when it reached its final status, or null before
 * @param total the input's rows, or null until the input has been read through once
 * @param processed the rows with an outcome so far (answered or failed), readable in the results;
 *     never goes backwards
 * @param extracted the rows whose values have been read so far: a job reads them in the order of
 *     the tiles they fall in, then writes them in input order, so this runs ahead of {@code
 *     processed}; at least {@code processed}, and counted again from it when a stopped service
 *     resumes the job
 * @param failedRows the rows among {@code processed} that failed, each with its error in the
 *     results
 * @param rowsPerSecond the pace of the running job since it (re)started, a row counting half when
 *     its values are read and half when it is written; null when unknown
 * @param estimatedEnd when the running job should finish at that rate ({@code eta} on the wire), or
 *     null when unknown
 * @param error why a failed job failed, naming the input's line when a line is at fault; null
 *     otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Job(
    @JsonProperty("id") String id,
    @JsonProperty("status") JobStatus status,
    @JsonIgnore Instant createdAt,
    @JsonIgnore @Nullable Instant startedAt,
    @JsonIgnore @Nullable Instant finishedAt,
    @JsonProperty("total") @Nullable Long total,
    @JsonProperty("processed") long processed,
    @JsonProperty("extracted") long extracted,
    @JsonProperty("failed_rows") long failedRows,
    @JsonProperty("rows_per_second") @Nullable Double rowsPerSecond,
    @JsonIgnore @Nullable Instant estimatedEnd,
    @JsonProperty("error") @Nullable String error) {

  /**
   * Reads a job from its JSON, times in RFC 3339; the JSON creator.
   *
   * @param id the id
   * @param status the status
   * @param createdAt when it was accepted (RFC 3339 on the wire, as every time below)
   * @param startedAt when it started, or null
   * @param finishedAt when it ended, or null
   * @param total the input's rows, or null
   * @param processed the rows done
   * @param extracted the rows read, or null from a service that does not say (then {@code
   *     processed})
   * @param failedRows the rows failed
   * @param rowsPerSecond the rate, or null
   * @param eta the estimated end, or null
   * @param error the job's error, or null
   * @return the job
   */
  @JsonCreator
  static Job fromJson(
      @JsonProperty("id") String id,
      @JsonProperty("status") JobStatus status,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("started_at") @Nullable String startedAt,
      @JsonProperty("finished_at") @Nullable String finishedAt,
      @JsonProperty("total") @Nullable Long total,
      @JsonProperty("processed") long processed,
      @JsonProperty("extracted") @Nullable Long extracted,
      @JsonProperty("failed_rows") long failedRows,
      @JsonProperty("rows_per_second") @Nullable Double rowsPerSecond,
      @JsonProperty("eta") @Nullable String eta,
      @JsonProperty("error") @Nullable String error) {
    return new Job(
        id,
        status,
        Instant.parse(createdAt),
        instant(startedAt),
        instant(finishedAt),
        total,
        processed,
        extracted == null ? processed : extracted,
        failedRows,
        rowsPerSecond,
        instant(eta),
        error);
  }

  private static @Nullable Instant instant(@Nullable String text) {
    return text == null ? null : Instant.parse(text);
  }

  private static @Nullable String text(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /**
   * When the job was accepted, on the wire.
   *
   * @return RFC 3339, UTC
   */
  @JsonProperty("created_at")
  String createdAtText() {
    return createdAt.toString();
  }

  /**
   * When the job started, on the wire.
   *
   * @return RFC 3339, UTC, or null
   */
  @JsonProperty("started_at")
  @Nullable String startedAtText() {
    return text(startedAt);
  }

  /**
   * When the job ended, on the wire.
   *
   * @return RFC 3339, UTC, or null
   */
  @JsonProperty("finished_at")
  @Nullable String finishedAtText() {
    return text(finishedAt);
  }

  /**
   * The estimated end, on the wire.
   *
   * @return RFC 3339, UTC, or null
   */
  @JsonProperty("eta")
  @Nullable String etaText() {
    return text(estimatedEnd);
  }
}
