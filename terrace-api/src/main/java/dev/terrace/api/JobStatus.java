package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a job is in its life: queued, then running, then one of the three ends. */
public enum JobStatus {
  /** Accepted and waiting for a worker. */
  QUEUED,
  /** Being extracted; {@link Job#processed()} grows. */
  RUNNING,
  /** Every row has its outcome (some rows may have failed: {@link Job#failedRows()}). */
  SUCCEEDED,
  /** Stopped by a failure that concerns the whole job ({@link Job#error()} says which). */
  FAILED,
  /** Stopped by {@code jobs.cancel}; the rows done before it stay readable. */
  CANCELLED;

  /**
   * The name on the wire.
   *
   * @return the wire name, lower case
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a wire name.
   *
   * @param name {@code queued}, {@code running}, {@code succeeded}, {@code failed} or {@code
   *     cancelled}
   * @return the status
   * @throws IllegalArgumentException for any other name; the message lists the valid ones
   */
  @JsonCreator
  public static JobStatus of(String name) {
    for (JobStatus s : values()) {
      if (s.wireName().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "Unknown job status '"
            + name
            + "'; expected one of: queued, running, succeeded, failed, cancelled");
  }

  /**
   * Whether the job has ended.
   *
   * @return true for {@link #SUCCEEDED}, {@link #FAILED} and {@link #CANCELLED}, after which the
   *     job never changes again
   */
  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
