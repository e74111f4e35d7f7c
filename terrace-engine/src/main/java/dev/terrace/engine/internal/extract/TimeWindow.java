package dev.terrace.engine.internal.extract;

import dev.terrace.api.FieldError;
import dev.terrace.api.TimeRange;
import dev.terrace.engine.internal.time.Timestamps;
import java.time.Instant;
import java.util.List;

/**
 * A request's {@code time_range} read into instants: inclusive, with open ends reaching as far as
 * time goes.
 *
 * @param from the first instant included
 * @param to the last instant included
 * @param asWritten the range as the request wrote it, for warnings
 */
record TimeWindow(Instant from, Instant to, String asWritten) {

  /** Every timestamp: what a request without {@code time_range} reads. */
  static final TimeWindow ALL = new TimeWindow(Instant.MIN, Instant.MAX, "../..");

  /**
   * @param range the request's range, or null
   * @param errors where a bound that cannot be read, or a start after the end, is reported
   * @param path the field path of {@code time_range} in the request
   * @return the window, or null when an error was reported
   */
  static TimeWindow of(TimeRange range, List<FieldError> errors, Object... path) {
    if (range == null) {
      return ALL;
    }
    Instant from = bound(range.start(), false, errors, path, "start");
    Instant to = bound(range.end(), true, errors, path, "end");
    if (from == null || to == null) {
      return null;
    }
    if (from.isAfter(to)) {
      errors.add(
          new FieldError(
              at(path, "start"),
              "start " + range.start() + " is after end " + range.end(),
              "invalid_time_range"));
      return null;
    }
    return new TimeWindow(from, to, range.toString());
  }

  private static Instant bound(
      String text, boolean end, List<FieldError> errors, Object[] path, String field) {
    if (text == null) {
      return end ? Instant.MAX : Instant.MIN;
    }
    try {
      return end ? Timestamps.end(text) : Timestamps.start(text);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(at(path, field), e.getMessage(), "invalid_time"));
      return null;
    }
  }

  private static List<Object> at(Object[] path, String field) {
    Object[] full = java.util.Arrays.copyOf(path, path.length + 1);
    full[path.length] = field;
    return List.of(full);
  }
}
