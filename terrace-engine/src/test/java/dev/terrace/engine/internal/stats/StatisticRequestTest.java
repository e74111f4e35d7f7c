package dev.terrace.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

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
    assertThat(histogram)
        .containsExactly(
            Statistic.MAJORITY,
            Statistic.MINORITY,
            Statistic.VARIETY,
            Statistic.UNIQUE,
            Statistic.DISTRIBUTION,
            Statistic.HISTOGRAM);
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
  void percentileBelongsToPercentileOnly() {
    assertThatThrownBy(() -> StatisticRequest.of(Statistic.PERCENTILE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StatisticRequest(Statistic.MEAN, 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StatisticRequest.percentile(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StatisticRequest(null, Double.NaN))
        .isInstanceOf(NullPointerException.class);
  }
}
