package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.Aggregation;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.ResultValue;
import dev.terrace.api.TemporalAggregation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A timestamp whose zone holds no valid cell answers {@code sum}, {@code count} and {@code variety}
 * 0; the collapsed series leaves it out rather than average that 0 in, except for {@code
 * nodata_count}.
 */
class TimeSeriesEmptyStepTest {

  private static ExtractResult step(
      Aggregation aggregation, String time, Object value, long cells, Quality q) {
    return new ExtractResult(
        "s:x",
        "x",
        ResultValue.from(value, aggregation),
        null,
        aggregation,
        PixelRule.EXACT,
        q,
        cells == 0 ? 0.0 : 1.0,
        cells,
        null,
        time,
        null,
        "s",
        null,
        1);
  }

  private static List<ExtractResult> sums(Object second, long secondCells) {
    return List.of(
        step(Aggregation.SUM, "2020-01-01", 6.0, 3, Quality.GOOD),
        step(Aggregation.SUM, "2020-02-01", second, secondCells, Quality.MISSING),
        step(Aggregation.SUM, "2020-03-01", 10.0, 3, Quality.GOOD));
  }

  @Test
  void anEmptyStepDoesNotDragTheMeanTowardZero() {
    ExtractResult mean = TimeSeries.collapse(sums(0.0, 0), TemporalAggregation.MEAN);
    assertThat(mean.jsonValue()).isEqualTo(8.0);
    assertThat(mean.quality()).isEqualTo(Quality.PARTIAL);
    assertThat(TimeSeries.collapse(sums(0.0, 0), TemporalAggregation.MIN).jsonValue())
        .isEqualTo(6.0);
    assertThat(TimeSeries.collapse(sums(0.0, 0), TemporalAggregation.SUM).jsonValue())
        .isEqualTo(16.0);
    // A step without value (a failed read) is left out as before.
    assertThat(TimeSeries.collapse(sums(null, 0), TemporalAggregation.MEAN).jsonValue())
        .isEqualTo(8.0);
  }

  @Test
  void aSeriesOfEmptyStepsAnswersWhatEachStepDoes() {
    List<ExtractResult> empty =
        List.of(
            step(Aggregation.COUNT, "2020-01-01", 0.0, 0, Quality.MISSING),
            step(Aggregation.COUNT, "2020-02-01", 0.0, 0, Quality.MISSING));
    ExtractResult collapsed = TimeSeries.collapse(empty, TemporalAggregation.MEAN);
    assertThat(collapsed.jsonValue()).isEqualTo(0.0);
    assertThat(collapsed.quality()).isEqualTo(Quality.MISSING);
    List<ExtractResult> means =
        List.of(step(Aggregation.MEAN, "2020-01-01", null, 0, Quality.MISSING));
    assertThat(TimeSeries.collapse(means, TemporalAggregation.MEAN).jsonValue()).isNull();
  }

  @Test
  void nodataCountCountsEveryStepThatReachedTheRaster() {
    List<ExtractResult> nodata =
        List.of(
            step(Aggregation.NODATA_COUNT, "2020-01-01", 4.0, 0, Quality.MISSING),
            step(Aggregation.NODATA_COUNT, "2020-02-01", 0.0, 4, Quality.GOOD));
    assertThat(TimeSeries.collapse(nodata, TemporalAggregation.SUM).jsonValue()).isEqualTo(4.0);
    assertThat(TimeSeries.collapse(nodata, TemporalAggregation.MEAN).jsonValue()).isEqualTo(2.0);
  }
}
