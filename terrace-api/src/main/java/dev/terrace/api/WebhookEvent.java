package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a webhook is told about: the end of a job, or its progress.
 *
 * <p>On the wire as {@link #wireName()}; {@link #of(String)} reads it back, ignoring case.
 */
public enum WebhookEvent {
  /** A job finished with its answers. */
  JOB_SUCCEEDED("job.succeeded"),

  /** A job stopped on a failure. */
  JOB_FAILED("job.failed"),

  /** A job was cancelled before it finished. */
  JOB_CANCELLED("job.cancelled"),

  /** A job moved on; sent at most once a minute per job and webhook. */
  JOB_PROGRESS("job.progress");

  private final String wireName;

  WebhookEvent(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name used in JSON, in the event body's {@code type} and in the {@code Terrace-Event}
   * header.
   *
   * @return for example {@code "job.succeeded"}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a wire name, ignoring case and surrounding blanks.
   *
   * @param value the wire name, for example {@code "job.failed"}
   * @return the constant
   * @throws IllegalArgumentException if {@code value} is null or unknown; the message lists the
   *     valid values
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static WebhookEvent of(String value) {
    return Wire.lookup(values(), WebhookEvent::wireName, value, "event");
  }

  /**
   * The wire name.
   *
   * @return {@link #wireName()}
   */
  @Override
  public String toString() {
    return wireName;
  }
}
