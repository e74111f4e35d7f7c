package dev.terrace.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.Aggregation;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatisticRequestTest {

  @Test
  void needs() {
    EnumSet<Statistic> values = EnumSet.noneOf(Statistic.class);
    EnumSet<Statistic> histogram = EnumSet.noneOf(Statistic.class);
    for (Statistic statistic : Statistic.values()) {
      if (statistic.needsValues()) {
        values.add(statistic);
      }
      if (statistic.needsHistogram()) {
        histogram.add(statistic);
      }
    }
    assertThat(values).containsExactly(Statistic.MEDIAN, Statistic.PERCENTILE);
    assertThat(histogram).containsExactly(Statistic.MAJORITY, Statistic.MINORITY, Statistic.VARIETY, Statistic.UNIQUE,
        Statistic.DISTRIBUTION, Statistic.HISTOGRAM);
    assertThat(Statistic.STD.needsVariance()).isTrue();
    assertThat(Statistic.VARIANCE.needsVariance()).isTrue();
    assertThat(Statistic.COEFFICIENT_OF_VARIATION.needsVariance()).isTrue();
    assertThat(Statistic.MEAN.needsVariance()).isFalse();
    assertThat(Statistic.RANGE.needsVariance()).isFalse();
    assertThat(Statistic.UNIQUE.isScalar()).isFalse();
    assertThat(Statistic.HISTOGRAM.isScalar()).isFalse();
    assertThat(Statistic.VARIETY.isScalar()).isTrue();
  }

  @Test
  void parsesNamesInAnyCase() {
    assertThat(StatisticRequest.parse("mean")).isEqualTo(StatisticRequest.of(Statistic.MEAN));
    assertThat(StatisticRequest.parse(" Majority ")).isEqualTo(StatisticRequest.of(Statistic.MAJORITY));
    assertThat(StatisticRequest.parse("DISTRIBUTION").statistic()).isEqualTo(Statistic.DISTRIBUTION);
    for (Statistic statistic : Statistic.values()) {
      if (statistic != Statistic.PERCENTILE) {
        assertThat(StatisticRequest.parse(statistic.key()).statistic()).isEqualTo(statistic);
        assertThat(StatisticRequest.of(statistic).toString()).isEqualTo(statistic.key());
      }
    }
  }

  @Test
  void parsesPercentiles() {
    assertThat(StatisticRequest.parse("percentile:90")).isEqualTo(StatisticRequest.percentile(90));
    assertThat(StatisticRequest.parse("Percentile: 2.5").percentile()).isEqualTo(2.5);
    assertThat(StatisticRequest.parse("percentile:0")).isEqualTo(StatisticRequest.percentile(-0.0));
    assertThat(StatisticRequest.parse("percentile:100").percentile()).isEqualTo(100);
    assertThat(StatisticRequest.percentile(90).toString()).isEqualTo("percentile:90");
    assertThat(StatisticRequest.percentile(2.5).toString()).isEqualTo("percentile:2.5");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "average", "percentile", "percentile:", "percentile:101", "percentile:-1", "percentile:NaN",
      "percentile:Infinity", "percentile:0x10", "percentile:90d", "percentile:ninety"})
  void rejectsWhatIsNoStatistic(String text) {
    assertThatThrownBy(() -> StatisticRequest.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void percentileBelongsToPercentileOnly() {
    assertThatThrownBy(() -> StatisticRequest.of(Statistic.PERCENTILE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StatisticRequest(Statistic.MEAN, 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StatisticRequest.percentile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StatisticRequest(null, Double.NaN)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void convertsEveryApiAggregationBothWays() {
    // cells returns the cells themselves: no statistic accumulates it; the weighted statistics are the others with
    // other weights (below).
    List<String> statistics = Aggregation.NAMES.stream()
        .filter(name -> !name.equals("cells") && !name.startsWith("weighted_")).toList();
    assertThat(statistics).containsExactly(
        java.util.Arrays.stream(Statistic.values()).map(Statistic::key).toArray(String[]::new));
    for (String name : statistics) {
      Aggregation aggregation = name.equals("percentile") ? Aggregation.percentile(12.5) : Aggregation.parse(name);
      StatisticRequest request = StatisticRequest.from(aggregation);
      assertThat(request.statistic().key()).isEqualTo(name);
      assertThat(request.toAggregation()).isEqualTo(aggregation);
      assertThat(request.toString()).isEqualTo(aggregation.toString());
      assertThat(request.statistic().isScalar()).isEqualTo(aggregation.isNumeric());
    }
    assertThat(StatisticRequest.from(Aggregation.percentile(90)).percentile()).isEqualTo(90);
  }

  @Test
  void aWeightedStatisticIsTheSameStatisticWithOtherWeights() {
    assertThat(StatisticRequest.from(Aggregation.WEIGHTED_MEAN).statistic()).isEqualTo(Statistic.MEAN);
    assertThat(StatisticRequest.from(Aggregation.WEIGHTED_SUM).statistic()).isEqualTo(Statistic.SUM);
    assertThat(StatisticRequest.from(Aggregation.WEIGHTED_STD).statistic()).isEqualTo(Statistic.STD);
    assertThat(StatisticRequest.from(Aggregation.WEIGHTED_VARIANCE).statistic()).isEqualTo(Statistic.VARIANCE);
    assertThat(StatisticRequest.from(Aggregation.WEIGHTED_FRAC).statistic()).isEqualTo(Statistic.DISTRIBUTION);
  }

  @Test
  void eachStatisticIsNamedByItsApiKindAndCellsIsNone() {
    for (Statistic statistic : Statistic.values()) {
      assertThat(Statistic.of(statistic.kind())).isSameAs(statistic);
    }
    assertThat(Statistic.NODATA_COUNT.kind()).isEqualTo(Aggregation.Kind.NODATA_COUNT);
    assertThat(Statistic.COEFFICIENT_OF_VARIATION.key()).isEqualTo("coefficient_of_variation");
    assertThatThrownBy(() -> Statistic.of(Aggregation.Kind.CELLS)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown statistic: cells");
  }

  @Property
  void toStringParsesBack(@ForAll @DoubleRange(min = 0, max = 100) double p) {
    StatisticRequest request = StatisticRequest.percentile(p);
    assertThat(StatisticRequest.parse(request.toString())).isEqualTo(request);
  }
}
