package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.Aggregation;
import dev.terrace.engine.internal.stats.Statistic;
import dev.terrace.engine.internal.stats.StatisticRequest;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The statistic the engine computes for each aggregation a request may name. */
class ResultValuesTest {

  @Test
  void parsesNamesInAnyCase() {
    assertThat(parse("mean")).isEqualTo(StatisticRequest.of(Statistic.MEAN));
    assertThat(parse(" Majority ")).isEqualTo(StatisticRequest.of(Statistic.MAJORITY));
    assertThat(parse("DISTRIBUTION").statistic()).isEqualTo(Statistic.DISTRIBUTION);
    for (Statistic statistic : Statistic.values()) {
      if (statistic != Statistic.PERCENTILE) {
        assertThat(parse(statistic.key()).statistic()).isEqualTo(statistic);
        assertThat(StatisticRequest.of(statistic).toString()).isEqualTo(statistic.key());
      }
    }
  }

  @Test
  void parsesPercentiles() {
    assertThat(parse("percentile:90")).isEqualTo(StatisticRequest.percentile(90));
    assertThat(parse("Percentile: 2.5").percentile()).isEqualTo(2.5);
    assertThat(parse("percentile:0")).isEqualTo(StatisticRequest.percentile(-0.0));
    assertThat(parse("percentile:100").percentile()).isEqualTo(100);
    assertThat(StatisticRequest.percentile(90).toString()).isEqualTo("percentile:90");
    assertThat(StatisticRequest.percentile(2.5).toString()).isEqualTo("percentile:2.5");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "average",
        "percentile",
        "percentile:",
        "percentile:101",
        "percentile:-1",
        "percentile:NaN",
        "percentile:Infinity",
        "percentile:0x10",
        "percentile:90d",
        "percentile:ninety"
      })
  void rejectsWhatIsNoStatistic(String text) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void convertsEveryApiAggregationBothWays() {
    // cells returns the cells themselves: no statistic accumulates it; the weighted statistics are
    // the others with
    // other weights (below).
    List<String> statistics =
        Aggregation.NAMES.stream()
            .filter(name -> !name.equals("cells") && !name.startsWith("weighted_"))
            .toList();
    assertThat(statistics)
        .containsExactly(
            java.util.Arrays.stream(Statistic.values()).map(Statistic::key).toArray(String[]::new));
    for (String name : statistics) {
      Aggregation aggregation =
          name.equals("percentile") ? Aggregation.percentile(12.5) : Aggregation.parse(name);
      StatisticRequest request = ResultValues.statistic(aggregation);
      assertThat(request.statistic().key()).isEqualTo(name);
      assertThat(Aggregation.parse(request.toString())).isEqualTo(aggregation);
      assertThat(request.toString()).isEqualTo(aggregation.toString());
      assertThat(request.statistic().isScalar()).isEqualTo(aggregation.isNumeric());
    }
    assertThat(ResultValues.statistic(Aggregation.percentile(90)).percentile()).isEqualTo(90);
  }

  @Test
  void aWeightedStatisticIsTheSameStatisticWithOtherWeights() {
    assertThat(ResultValues.statistic(Aggregation.WEIGHTED_MEAN).statistic())
        .isEqualTo(Statistic.MEAN);
    assertThat(ResultValues.statistic(Aggregation.WEIGHTED_SUM).statistic())
        .isEqualTo(Statistic.SUM);
    assertThat(ResultValues.statistic(Aggregation.WEIGHTED_STD).statistic())
        .isEqualTo(Statistic.STD);
    assertThat(ResultValues.statistic(Aggregation.WEIGHTED_VARIANCE).statistic())
        .isEqualTo(Statistic.VARIANCE);
    assertThat(ResultValues.statistic(Aggregation.WEIGHTED_FRAC).statistic())
        .isEqualTo(Statistic.DISTRIBUTION);
  }

  @Test
  void eachApiKindNamesOneStatisticAndCellsNone() {
    for (Aggregation.Kind kind : Aggregation.Kind.values()) {
      if (kind != Aggregation.Kind.CELLS
          && kind != Aggregation.Kind.PERCENTILE
          && !kind.isWeighted()) {
        assertThat(ResultValues.statistic(Aggregation.of(kind)).statistic().key())
            .isEqualTo(kind.wireName());
      }
    }
    assertThatThrownBy(() -> ResultValues.statistic(Aggregation.CELLS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown statistic: cells");
  }

  @Property
  void toStringParsesBack(@ForAll @DoubleRange(min = 0, max = 100) double p) {
    StatisticRequest request = StatisticRequest.percentile(p);
    assertThat(parse(request.toString())).isEqualTo(request);
  }

  private static StatisticRequest parse(String aggregation) {
    return ResultValues.statistic(Aggregation.parse(aggregation));
  }
}
