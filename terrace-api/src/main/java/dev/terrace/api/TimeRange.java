package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An inclusive span of time selecting the timestamps of time-varying datasets.
 *
 * <p>Bounds are ISO-8601 dates or instants kept as the caller wrote them ({@code "2020-01"}, {@code
 * "2020-01-01"}, {@code "2020-01-01T00:00:00Z"}); the engine interprets and validates them. A
 * missing bound leaves that end open. Written on the wire as {@code {"start": …, "end": …}}; also
 * read from the string {@code "START/END"} (ISO 8601's {@code ..} or nothing for an open end) and
 * from the array {@code [START, END]} (null for an open end), the shapes attribute-service clients
 * send.
 *
 * @param start the first instant included, or null for no lower bound
 * @param end the last instant included, or null for no upper bound
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimeRange(
    @JsonProperty("start") @Nullable String start, @JsonProperty("end") @Nullable String end) {

  /** ISO 8601's mark for an open end of an interval. */
  private static final String OPEN = "..";

  /**
   * Reads blank bounds as open ends.
   *
   * @param start the first instant included, or null
   * @param end the last instant included, or null
   */
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public TimeRange {
    start = openIfBlank(start);
    end = openIfBlank(end);
  }

  /**
   * A range from two bounds.
   *
   * @param start the first instant included, or null for no lower bound
   * @param end the last instant included, or null for no upper bound
   * @return the range
   */
  public static TimeRange of(@Nullable String start, @Nullable String end) {
    return new TimeRange(start, end);
  }

  /**
   * Everything from a bound on.
   *
   * @param start the first instant included
   * @return the range
   */
  public static TimeRange from(String start) {
    return new TimeRange(Objects.requireNonNull(start, "start"), null);
  }

  /**
   * Everything up to a bound.
   *
   * @param end the last instant included
   * @return the range
   */
  public static TimeRange until(String end) {
    return new TimeRange(null, Objects.requireNonNull(end, "end"));
  }

  private static @Nullable String openIfBlank(@Nullable String bound) {
    return bound == null || bound.isBlank() || bound.strip().equals(OPEN) ? null : bound.strip();
  }

  /**
   * Reads {@code START/END}, for example {@code "2020-01/2020-06"}, {@code
   * "2020-01-01T00:00:00Z/2020-12-31T23:59:59Z"} or, open-ended, {@code "2020-01/.."}.
   *
   * @param value the two bounds separated by one {@code /}; {@code ..} or nothing for an open end
   * @return the range, bounds stripped of surrounding blanks
   * @throws IllegalArgumentException if {@code value} is null or has no single {@code /}
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TimeRange parse(String value) {
    int slash = value == null ? -1 : value.indexOf('/');
    if (slash < 0 || value.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException(
          "Invalid time_range '" + value + "': write START/END, for example 2020-01-01/2020-12-31");
    }
    return new TimeRange(value.substring(0, slash), value.substring(slash + 1));
  }

  /**
   * Reads the two-element array form {@code [START, END]}.
   *
   * @param bounds exactly two bounds, null for an open end
   * @return the range
   * @throws IllegalArgumentException if {@code bounds} does not hold exactly two elements
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TimeRange of(List<String> bounds) {
    if (bounds == null || bounds.size() != 2) {
      throw new IllegalArgumentException("Invalid time_range " + bounds + ": write [START, END]");
    }
    return new TimeRange(bounds.get(0), bounds.get(1));
  }

  /**
   * The lower bound as an instant.
   *
   * @return the first instant of the period {@code start} names ({@code 2020-01} starts on January
   *     1 at midnight UTC), or null for an open start
   * @throws IllegalArgumentException if the bound is not ISO 8601
   */
  public @Nullable Instant startInstant() {
    return start == null ? null : TimeInterval.of(start).start();
  }

  /**
   * The upper bound as an instant.
   *
   * @return the last instant of the period {@code end} names ({@code 2020-06} ends on June 30 at
   *     23:59:59.999999999 UTC), or null for an open end
   * @throws IllegalArgumentException if the bound is not ISO 8601
   */
  public @Nullable Instant endInstant() {
    return end == null ? null : TimeInterval.of(end).end();
  }

  /**
   * The {@code START/END} form, which {@link #parse(String)} reads back.
   *
   * @return for example {@code "2020-01/2020-06"}, or {@code "2020-01/.."} with an open end
   */
  @Override
  public String toString() {
    return (start == null ? OPEN : start) + "/" + (end == null ? OPEN : end);
  }
}
