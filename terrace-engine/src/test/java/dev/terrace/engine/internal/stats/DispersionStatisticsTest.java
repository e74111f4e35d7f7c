package dev.terrace.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * variance, coefficient_of_variation, range and histogram, against numpy ({@code np.var}, ddof = 0)
 * and, for weighted cells, exactextract's definitions (weighted variance Σ w·(x − mean)² / Σ w, cv
 * = std / mean).
 */
class DispersionStatisticsTest {

  private static CellAccumulator of(double[] values, double[] weights) {
    CellAccumulator a = CellAccumulator.of(Statistic.values());
    for (int i = 0; i < values.length; i++) {
      a.add(values[i], weights[i]);
    }
    return a;
  }

  @Test
  void unitWeightsGiveNumpysPopulationVariance() {
    // np.var([1, 2, 4, 7]) = 5.25; np.std(...) / np.mean(...) = 0.6546536707079771
    CellAccumulator a = of(new double[] {1, 2, 4, 7}, new double[] {1, 1, 1, 1});
    assertThat(a.variance().getAsDouble()).isCloseTo(5.25, within(1e-15));
    assertThat(a.coefficientOfVariation().getAsDouble())
        .isCloseTo(0.6546536707079771, within(1e-15));
    assertThat(a.range()).hasValue(6);
    assertThat(a.histogram())
        .containsExactly(
            Map.entry(1.0, 1.0), Map.entry(2.0, 1.0), Map.entry(4.0, 1.0), Map.entry(7.0, 1.0));
    assertThat(a.result(StatisticRequest.of(Statistic.VARIANCE)))
        .isEqualTo(a.variance().getAsDouble());
  }

  @Test
  void coverageWeightsWeighTheVarianceAndTheHistogram() {
    // mean = (0.5·10 + 1.5·20) / 2 = 17.5; variance = (0.5·7.5² + 1.5·2.5²) / 2 = 18.75
    CellAccumulator a = of(new double[] {10, 20, 20}, new double[] {0.5, 1, 0.5});
    assertThat(a.variance().getAsDouble()).isCloseTo(18.75, within(1e-12));
    assertThat(a.coefficientOfVariation().getAsDouble())
        .isCloseTo(Math.sqrt(18.75) / 17.5, within(1e-15));
    assertThat(a.histogram()).containsExactly(Map.entry(10.0, 0.5), Map.entry(20.0, 1.5));
  }

  @Test
  void anEmptyZoneAndAZeroMeanHaveNoVariation() {
    CellAccumulator empty = CellAccumulator.of(Statistic.values());
    assertThat(empty.variance()).isEmpty();
    assertThat(empty.range()).isEmpty();
    assertThat(empty.result(StatisticRequest.of(Statistic.HISTOGRAM)))
        .as("no class, as exactextract")
        .isEqualTo(Map.of());
    CellAccumulator zeroMean = of(new double[] {-1, 1}, new double[] {1, 1});
    assertThat(zeroMean.coefficientOfVariation())
        .as("std / 0 has no value JSON can carry")
        .isEmpty();
    assertThat(zeroMean.result(StatisticRequest.of(Statistic.COEFFICIENT_OF_VARIATION))).isNull();
  }
}
