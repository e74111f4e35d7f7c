package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dataset's time axis: {@code "static"} on the wire for a dataset without time, or the array of
 * its timestamps (ISO-8601 strings, ascending) for a time series.
 *
 * @param timestamps the timestamps; empty for a static dataset; an unmodifiable copy
 */
public record Temporal(List<String> timestamps) {

  /** The wire form of a dataset without time. */
  public static final String STATIC_NAME = "static";

  /** A dataset without time. */
  public static final Temporal STATIC = new Temporal(List.of());

  /**
   * Copies the timestamps.
   *
   * @param timestamps the timestamps, or null (or empty) for a static dataset
   */
  public Temporal {
    timestamps = Wire.copyOrEmpty(timestamps);
  }

  /**
   * A time series.
   *
   * @param timestamps the timestamps, ISO-8601, ascending
   * @return the time axis, {@link #STATIC} when no timestamp is given
   */
  public static Temporal of(String... timestamps) {
    return timestamps.length == 0 ? STATIC : new Temporal(List.of(timestamps));
  }

  /**
   * Reads the wire form: the string {@code "static"} (any case) or an array of timestamp strings.
   *
   * @param json a {@code String} or a {@code List} of strings, as a JSON parser delivers them
   * @return the time axis
   * @throws IllegalArgumentException for any other string or shape
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Temporal fromJson(Object json) {
    if (json instanceof String && ((String) json).strip().equalsIgnoreCase(STATIC_NAME)) {
      return STATIC;
    }
    if (json instanceof List) {
      List<?> list = (List<?>) json;
      String[] timestamps = new String[list.size()];
      for (int i = 0; i < timestamps.length; i++) {
        Object t = list.get(i);
        if (!(t instanceof String)) {
          throw new IllegalArgumentException(
              "temporal[" + i + "] must be a timestamp string, not " + t);
        }
        timestamps[i] = (String) t;
      }
      return of(timestamps);
    }
    throw new IllegalArgumentException(
        "temporal must be \"static\" or an array of timestamps, not " + json);
  }

  /**
   * Whether the dataset has no time axis.
   *
   * @return true when there are no timestamps
   */
  public boolean isStatic() {
    return timestamps.isEmpty();
  }

  /**
   * The timestamps as instants.
   *
   * @return the instant each timestamp names, in order (a coarse timestamp such as {@code 1999-06}
   *     read as its first instant); empty for a static dataset
   * @throws IllegalArgumentException if a timestamp is not ISO 8601
   */
  public List<Instant> instants() {
    List<Instant> instants = new ArrayList<>(timestamps.size());
    for (String t : timestamps) {
      instants.add(TimeInterval.of(t).start());
    }
    return Collections.unmodifiableList(instants);
  }

  /**
   * The span of the time axis.
   *
   * @return from the first timestamp to the end of the last, or null for a static dataset
   * @throws IllegalArgumentException if a timestamp is not ISO 8601
   */
  public @Nullable TimeInterval extent() {
    return isStatic()
        ? null
        : TimeInterval.between(timestamps.get(0), timestamps.get(timestamps.size() - 1));
  }

  /**
   * The wire form.
   *
   * @return {@code "static"} or the list of timestamps
   */
  @JsonValue
  public Object toJson() {
    return isStatic() ? STATIC_NAME : timestamps;
  }
}
