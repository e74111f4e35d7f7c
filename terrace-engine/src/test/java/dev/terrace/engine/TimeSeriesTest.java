package dev.terrace.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.Quality;
import dev.terrace.api.TemporalAggregation;
import dev.terrace.api.TimeRange;
import dev.terrace.api.geojson.Point;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time-varying datasets through the embedded API: {@code time_range} selecting timestamps, open
 * ends, a range outside the series, {@code temporal_aggregation}, a static dataset alongside, and
 * one unreadable file of a stack. The stack is {@code src/test/resources/timeseries/}: the shared
 * netCDF fixture bcsd_obs_1999.nc split into one COG per month by GDAL; expected values are the
 * fixture set's GDAL answers.
 */
class TimeSeriesTest {

  /** Point 1 of bcsd_obs_1999_points_expected.csv: row 6, column 32. */
  private static final Point POINT = Point.of(-80.98605561623508, 36.27518302630759);

  /** Its pr values, January to December 1999, as GDAL reads them. */
  private static final double[] PR = {
    134.1699981689453,
    73.08000183105469,
    64.58999633789062,
    94.87999725341797,
    69.12000274658203,
    96.16999816894531,
    137.32000732421875,
    114.24000549316406,
    113.9000015258789,
    63.130001068115234,
    69.15999603271484,
    51.93000030517578
  };

  private static final String[] MONTH_ENDS = {
    "1999-01-31",
    "1999-02-28",
    "1999-03-31",
    "1999-04-30",
    "1999-05-31",
    "1999-06-30",
    "1999-07-31",
    "1999-08-31",
    "1999-09-30",
    "1999-10-31",
    "1999-11-30",
    "1999-12-31"
  };

  private static Terrace terrace;

  @BeforeAll
  static void open() throws URISyntaxException {
    terrace = Terrace.embedded(stack().resolve("catalog.json"));
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  private static Path stack() throws URISyntaxException {
    return Path.of(TimeSeriesTest.class.getResource("/timeseries/catalog.json").toURI())
        .getParent();
  }

  private static ExtractResponse extract(
      TimeRange range, TemporalAggregation how, String... datasets) {
    return terrace.extract(
        ExtractRequest.builder()
            .geometry(POINT)
            .datasets(datasets)
            .timeRange(range)
            .temporalAggregation(how)
            .build());
  }

  @Test
  void withoutATimeRangeEveryTimestampGivesAResultInTimeOrder() {
    List<ExtractResult> results = extract(null, null, "bcsd_stack:pr").results();
    assertThat(results).hasSize(12);
    for (int m = 0; m < 12; m++) {
      assertThat(results.get(m).timestamp()).isEqualTo(MONTH_ENDS[m] + "T00:00:00Z");
      assertThat(results.get(m).number()).hasValue(PR[m]);
    }
  }

  @Test
  void aTimeRangeIsInclusiveAndAMonthStandsForAllItsDays() {
    List<ExtractResult> results =
        extract(TimeRange.of("1999-03", "1999-05"), null, "bcsd_stack:pr").results();
    assertThat(results)
        .extracting(ExtractResult::timestamp)
        .containsExactly("1999-03-31T00:00:00Z", "1999-04-30T00:00:00Z", "1999-05-31T00:00:00Z");
    assertThat(results.get(0).number()).hasValue(PR[2]);
    assertThat(
            extract(
                    TimeRange.of("1999-04-30T00:00:00Z", "1999-04-30T00:00:00Z"),
                    null,
                    "bcsd_stack:pr")
                .results())
        .extracting(ExtractResult::timestamp)
        .containsExactly("1999-04-30T00:00:00Z");
  }

  @Test
  void openEndsReachTheEndsOfTheSeries() {
    assertThat(extract(TimeRange.from("1999-11-01"), null, "bcsd_stack:pr").results())
        .extracting(ExtractResult::number)
        .containsExactly(java.util.OptionalDouble.of(PR[10]), java.util.OptionalDouble.of(PR[11]));
    assertThat(extract(TimeRange.parse("../1999-01"), null, "bcsd_stack:pr").results()).hasSize(1);
  }

  @Test
  void aRangeOutsideTheSeriesGivesNoResultAndAWarningNotAnError() {
    ExtractResponse r =
        extract(TimeRange.of("2001-01", "2001-12"), null, "bcsd_stack:pr", "lux:elevation");
    assertThat(r.results()).extracting(ExtractResult::datasetId).containsExactly("lux:elevation");
    assertThat(r.results().get(0).timestamp()).as("a static dataset ignores the range").isNull();
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .contains(
            "bcsd_stack:pr", "2001-01/2001-12", "1999-01-31T00:00:00Z", "1999-12-31T00:00:00Z");
  }

  @Test
  void temporalAggregationCollapsesTheSeriesIntoOneResult() {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : PR) {
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(collapsed(TemporalAggregation.SUM).number().getAsDouble())
        .isCloseTo(sum, within(1e-9));
    assertThat(collapsed(TemporalAggregation.MEAN).number().getAsDouble())
        .isCloseTo(sum / 12, within(1e-9));
    assertThat(collapsed(TemporalAggregation.MIN).number()).hasValue(min);
    ExtractResult r = collapsed(TemporalAggregation.MAX);
    assertThat(r.number()).hasValue(max);
    assertThat(r.temporalAggregation()).isEqualTo(TemporalAggregation.MAX);
    assertThat(r.timestamp()).isEqualTo("1999-01-31T00:00:00Z/1999-12-31T00:00:00Z");
    assertThat(r.quality()).isEqualTo(Quality.GOOD);
    assertThat(r.pixelCount()).isEqualTo(1);
  }

  private static ExtractResult collapsed(TemporalAggregation how) {
    List<ExtractResult> results = extract(null, how, "bcsd_stack:pr", "lux:elevation").results();
    assertThat(results)
        .extracting(ExtractResult::datasetId)
        .containsExactly("bcsd_stack:pr", "lux:elevation");
    assertThat(results.get(1).temporalAggregation())
        .as("a static dataset is not collapsed")
        .isNull();
    return results.get(0);
  }

  @Test
  void aBatchOfPointsReadsEveryTimestampForEveryPoint() {
    var response =
        terrace.batchExtract(
            BatchExtractRequest.builder()
                .geometries(List.of(POINT, POINT))
                .datasets("bcsd_stack:tas", "bcsd_stack:pr")
                .timeRange(TimeRange.of("1999-06", "1999-07"))
                .build());
    assertThat(response.totalResults()).isEqualTo(8);
    List<ExtractResult> second = response.responses().get(1).results();
    assertThat(second)
        .extracting(ExtractResult::datasetId)
        .containsExactly("bcsd_stack:tas", "bcsd_stack:tas", "bcsd_stack:pr", "bcsd_stack:pr");
    assertThat(second.get(3).number()).hasValue(PR[6]);
  }

  @Test
  void badTimeRangesNameTheField() {
    assertThatThrownBy(() -> extract(TimeRange.of("1999-06", "1999-01"), null, "bcsd_stack:pr"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              FieldError error = e.fieldErrors().get(0);
              assertThat(error.loc()).containsExactly("time_range", "start");
              assertThat(error.msg()).contains("after");
            });
    assertThatThrownBy(() -> extract(TimeRange.of("1999-01", "June 1999"), null, "bcsd_stack:pr"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.fieldErrors())
                  .singleElement()
                  .satisfies(
                      error -> {
                        assertThat(error.loc()).containsExactly("time_range", "end");
                        assertThat(error.msg()).contains("June 1999", "ISO-8601");
                      });
            });
    assertThatThrownBy(
            () ->
                terrace.batchExtract(
                    BatchExtractRequest.builder()
                        .geometries(List.of(POINT))
                        .datasets("bcsd_stack:pr")
                        .aggregation(Aggregation.DISTRIBUTION)
                        .temporalAggregation(TemporalAggregation.MEAN)
                        .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.fieldErrors().get(0).loc()).containsExactly("temporal_aggregation"));
  }

  /**
   * March's file is missing: March alone is missing, with a warning that names it; the other months
   * stand.
   */
  @Test
  void anUnreadableFileFailsItsOwnTimestampOnly(@TempDir Path dir) throws Exception {
    String catalog =
        Files.readString(stack().resolve("catalog.json"))
            .replace("bcsd_pr_1999-03.tif", "no_such_file.tif");
    for (String month : MONTH_ENDS) {
      String name = "bcsd_pr_" + month.substring(0, 7) + ".tif";
      Files.copy(stack().resolve(name), dir.resolve(name));
    }
    Files.writeString(dir.resolve("catalog.json"), catalog.replace("\"tas\"", "\"tas_unused\""));
    copyTas(dir);
    try (Terrace broken = Terrace.embedded(dir.resolve("catalog.json"))) {
      ExtractResponse r =
          broken.extract(
              ExtractRequest.builder()
                  .geometry(POINT)
                  .datasets("bcsd_stack:pr")
                  .timeRange(TimeRange.of("1999-02", "1999-04"))
                  .build());
      assertThat(r.results())
          .extracting(ExtractResult::quality)
          .containsExactly(Quality.GOOD, Quality.MISSING, Quality.GOOD);
      assertThat(r.results().get(1).timestamp()).isEqualTo("1999-03-31T00:00:00Z");
      assertThat(r.results().get(2).number()).hasValue(PR[3]);
      assertThat(r.warnings())
          .singleElement()
          .asString()
          .contains("1999-03-31T00:00:00Z", "no_such_file.tif");
    }
  }

  private static void copyTas(Path dir) throws IOException, URISyntaxException {
    for (String month : MONTH_ENDS) {
      String name = "bcsd_tas_" + month.substring(0, 7) + ".tif";
      Files.copy(stack().resolve(name), dir.resolve(name));
    }
  }
}
