package dev.terrace.api;

import static dev.terrace.api.Json.q;
import static dev.terrace.api.Json.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timestamps of the wire, read as instants beside their strings. */
class TimeIntervalTest {

  @Test
  void aCoarseTimeNamesItsWholePeriod() {
    assertThat(TimeInterval.of("1999"))
        .isEqualTo(
            new TimeInterval(
                Instant.parse("1999-01-01T00:00:00Z"),
                Instant.parse("1999-12-31T23:59:59.999999999Z")));
    assertThat(TimeInterval.of("2020-02"))
        .hasToString("2020-02-01T00:00:00Z/2020-02-29T23:59:59.999999999Z");
    assertThat(TimeInterval.of(" 1999-06-30 ").end())
        .isEqualTo(Instant.parse("1999-06-30T23:59:59.999999999Z"));
    assertThat(TimeInterval.of("1999-06").isInstant()).isFalse();
  }

  @Test
  void aDateTimeNamesOneInstantInUtcUnlessItHasAnOffset() {
    TimeInterval noon = TimeInterval.of("1999-06-30T12:00:00+02:00");
    assertThat(noon.start()).isEqualTo(Instant.parse("1999-06-30T10:00:00Z"));
    assertThat(noon.isInstant()).isTrue();
    assertThat(TimeInterval.of("1999-06-30T12:00:00").start())
        .isEqualTo(Instant.parse("1999-06-30T12:00:00Z"));
  }

  @Test
  void anythingElseIsRefusedSayingWhatToWrite() {
    assertThatThrownBy(() -> TimeInterval.of("June 1999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "\"June 1999\" is not an ISO-8601 date or date-time; write 1999, 1999-06, 1999-06-30 or"
                + " 1999-06-30T12:00:00Z");
    assertThatThrownBy(() -> TimeInterval.between("2000", "1999"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aResultsTimestampIsAnInstantOrTheSpanOfItsSeries() {
    String base =
        "{'dataset_id':'bcsd:pr','value':3.5,'aggregation':'mean','pixel_rule':'exact',"
            + "'quality':'good','pixel_count':1,'provider':'bcsd','elapsed_ms':1.0";
    ExtractResult month =
        read(q(base + ",'timestamp':'1999-06-30T00:00:00Z'}"), ExtractResult.class);
    assertThat(month.timestampInstant()).isEqualTo(Instant.parse("1999-06-30T00:00:00Z"));
    assertThat(month.timeInterval()).isEqualTo(TimeInterval.of("1999-06-30T00:00:00Z"));

    ExtractResult summer =
        read(
            q(
                base
                    + ",'timestamp':'1999-06-30T00:00:00Z/1999-08-31T00:00:00Z',"
                    + "'temporal_aggregation':'sum'}"),
            ExtractResult.class);
    assertThat(summer.timeInterval())
        .isEqualTo(
            new TimeInterval(
                Instant.parse("1999-06-30T00:00:00Z"), Instant.parse("1999-08-31T00:00:00Z")));
    assertThat(summer.timestampInstant()).isNull();

    ExtractResult still = read(q(base + "}"), ExtractResult.class);
    assertThat(still.timeInterval()).isNull();
    assertThat(still.timestampInstant()).isNull();
  }

  @Test
  void aTimeAxisGivesItsInstantsAndItsExtent() {
    Temporal months = Temporal.of("1999-01-31T00:00:00Z", "1999-02-28T00:00:00Z", "1999-03");
    assertThat(months.instants())
        .containsExactly(
            Instant.parse("1999-01-31T00:00:00Z"),
            Instant.parse("1999-02-28T00:00:00Z"),
            Instant.parse("1999-03-01T00:00:00Z"));
    assertThat(months.extent())
        .isEqualTo(
            new TimeInterval(
                Instant.parse("1999-01-31T00:00:00Z"),
                Instant.parse("1999-03-31T23:59:59.999999999Z")));
    assertThat(Temporal.STATIC.instants()).isEqualTo(List.of());
    assertThat(Temporal.STATIC.extent()).isNull();
  }

  @Test
  void aTimeRangesBoundsAreInstantsOrNullWhenOpen() {
    TimeRange firstHalf = TimeRange.parse("2020-01/2020-06");
    assertThat(firstHalf.startInstant()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(firstHalf.endInstant()).isEqualTo(Instant.parse("2020-06-30T23:59:59.999999999Z"));
    assertThat(TimeRange.from("2020-01").endInstant()).isNull();
    assertThat(TimeRange.until("2020-01").startInstant()).isNull();
  }
}
