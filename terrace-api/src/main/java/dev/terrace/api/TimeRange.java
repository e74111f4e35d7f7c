package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * An inclusive span of time selecting the timestamps of time-varying datasets.
 *
 * <p>Bounds are ISO-8601 dates or instants kept as the caller wrote them ({@code "2020-01"},
 * {@code "2020-01-01"}, {@code "2020-01-01T00:00:00Z"}); the engine interprets and validates them. Written on
 * the wire as {@code {"start": …, "end": …}}; also read from the string {@code "START/END"} and from the array
 * {@code [START, END]}, the shapes attribute-service clients send.
 *
 * @param start the first instant included
 * @param end the last instant included
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TimeRange(@JsonProperty("start") String start, @JsonProperty("end") String end) {

    /**
     * Checks that both bounds are present.
     *
     * @param start the first instant included
     * @param end the last instant included
     * @throws NullPointerException if a bound is null
     */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public TimeRange {
        Objects.requireNonNull(start, "time_range.start");
        Objects.requireNonNull(end, "time_range.end");
    }

    /**
     * A range from two bounds.
     *
     * @param start the first instant included
     * @param end the last instant included
     * @return the range
     */
    public static TimeRange of(String start, String end) {
        return new TimeRange(start, end);
    }

    /**
     * Reads {@code START/END}, for example {@code "2020-01/2020-06"} or
     * {@code "2020-01-01T00:00:00Z/2020-12-31T23:59:59Z"}.
     *
     * @param value the two bounds separated by one {@code /}
     * @return the range, bounds stripped of surrounding blanks
     * @throws IllegalArgumentException if {@code value} is null, has no single {@code /}, or a bound is blank
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TimeRange parse(String value) {
        int slash = value == null ? -1 : value.indexOf('/');
        if (slash < 0 || value.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("Invalid time_range '" + value
                    + "': write START/END, for example 2020-01-01/2020-12-31");
        }
        String start = value.substring(0, slash).strip();
        String end = value.substring(slash + 1).strip();
        if (start.isEmpty() || end.isEmpty()) {
            throw new IllegalArgumentException("Invalid time_range '" + value + "': both START and END are required");
        }
        return new TimeRange(start, end);
    }

    /**
     * Reads the two-element array form {@code [START, END]}.
     *
     * @param bounds exactly two non-null bounds
     * @return the range
     * @throws IllegalArgumentException if {@code bounds} does not hold exactly two non-null strings
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TimeRange of(List<String> bounds) {
        if (bounds == null || bounds.size() != 2 || bounds.get(0) == null || bounds.get(1) == null) {
            throw new IllegalArgumentException("Invalid time_range " + bounds + ": write [START, END]");
        }
        return new TimeRange(bounds.get(0), bounds.get(1));
    }

    /**
     * The {@code START/END} form, which {@link #parse(String)} reads back.
     *
     * @return for example {@code "2020-01/2020-06"}
     */
    @Override
    public String toString() {
        return start + "/" + end;
    }
}
