package dev.terrace.engine.internal.stats;

import static dev.terrace.engine.internal.stats.Statistic.COUNT;
import static dev.terrace.engine.internal.stats.Statistic.DISTRIBUTION;
import static dev.terrace.engine.internal.stats.Statistic.MAJORITY;
import static dev.terrace.engine.internal.stats.Statistic.MAX;
import static dev.terrace.engine.internal.stats.Statistic.MEAN;
import static dev.terrace.engine.internal.stats.Statistic.MEDIAN;
import static dev.terrace.engine.internal.stats.Statistic.MIN;
import static dev.terrace.engine.internal.stats.Statistic.MINORITY;
import static dev.terrace.engine.internal.stats.Statistic.PERCENTILE;
import static dev.terrace.engine.internal.stats.Statistic.STD;
import static dev.terrace.engine.internal.stats.Statistic.SUM;
import static dev.terrace.engine.internal.stats.Statistic.UNIQUE;
import static dev.terrace.engine.internal.stats.Statistic.VARIETY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellAccumulatorTest {

  /** Every statistic: the histogram is kept, and answers the quantiles too. */
  static CellAccumulator all() {
    return CellAccumulator.of(Statistic.values());
  }

  /** Every statistic, ties to the highest value. */
  static CellAccumulator highest() {
    return CellAccumulator.of(
        Arrays.stream(Statistic.values())
            .map(s -> s == PERCENTILE ? StatisticRequest.percentile(50) : StatisticRequest.of(s))
            .toList(),
        TieBreak.HIGHEST);
  }

  /** The quantiles alone: values are stored. */
  static CellAccumulator quantilesOnly() {
    return CellAccumulator.of(MEDIAN, PERCENTILE);
  }

  static CellAccumulator filled(CellAccumulator accumulator, double[] values, double[] weights) {
    for (int i = 0; i < values.length; i++) {
      accumulator.add(values[i], weights[i]);
    }
    return accumulator;
  }

  static CellAccumulator unit(CellAccumulator accumulator, double... values) {
    for (double value : values) {
      accumulator.add(value);
    }
    return accumulator;
  }

  @Nested
  class RunningSums {

    @Test
    void weightedCountSumAndMean() {
      CellAccumulator acc = filled(all(), new double[] {1, 2, 3}, new double[] {0.25, 0.5, 1.0});
      assertThat(acc.cells()).isEqualTo(3);
      assertThat(acc.count()).isEqualTo(0.25 + 0.5 + 1.0);
      assertThat(acc.sum()).isEqualTo(1 * 0.25 + 2 * 0.5 + 3 * 1.0);
      assertThat(acc.mean()).hasValue((1 * 0.25 + 2 * 0.5 + 3 * 1.0) / (0.25 + 0.5 + 1.0));
    }

    @Test
    void unitWeightsCountCells() {
      CellAccumulator acc = unit(CellAccumulator.of(COUNT, SUM, MEAN), 4, 8, 15, 16, 23, 42);
      assertThat(acc.count()).isEqualTo(6.0);
      assertThat(acc.cells()).isEqualTo(6);
      assertThat(acc.sum()).isEqualTo(4 + 8 + 15 + 16 + 23 + 42);
      assertThat(acc.mean()).hasValue((4 + 8 + 15 + 16 + 23 + 42) / 6.0);
    }

    @Test
    void minAndMaxAreUnweighted() {
      // A cell covered 0.1 % counts fully for min and max, as in exactextract.
      CellAccumulator acc = filled(all(), new double[] {100, 5, -7}, new double[] {0.001, 1, 0.01});
      assertThat(acc.min()).hasValue(-7);
      assertThat(acc.max()).hasValue(100);
    }

    @Test
    void compensatedSumKeepsSmallTerms() {
      // 1e16 + 1 + 1 − 1e16: a plain float64 sum loses both ones (1e16 + 1 rounds back to 1e16).
      CellAccumulator acc = unit(CellAccumulator.of(SUM), 1e16, 1, 1, -1e16);
      assertThat(acc.sum()).isEqualTo(2.0);
    }

    @Test
    void infiniteValuesGiveAnInfiniteSum() {
      CellAccumulator acc = unit(CellAccumulator.of(SUM, MEAN), 1, Double.POSITIVE_INFINITY, 2);
      assertThat(acc.sum()).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(acc.max()).hasValue(Double.POSITIVE_INFINITY);
    }
  }

  @Nested
  class StandardDeviation {

    @Test
    void unitWeightsArePopulationStd() {
      // mean 5; squared deviations 9 1 1 1 0 0 4 16, sum 32; 32 / 8 = 4 (ddof = 0, not 32 / 7). The
      // running
      // update divides by 3, 6, 7 on the way, so the last bit may differ from numpy's two-pass 2.0.
      CellAccumulator acc = unit(CellAccumulator.of(STD), 2, 4, 4, 4, 5, 5, 7, 9);
      assertThat(acc.std().getAsDouble()).isCloseTo(Math.sqrt(32.0 / 8), within(1e-15));
    }

    @Test
    void weightedStdFollowsTheDefinition() {
      CellAccumulator acc =
          filled(CellAccumulator.of(STD), new double[] {1, 2, 3}, new double[] {0.25, 0.5, 1.0});
      double mean = (1 * 0.25 + 2 * 0.5 + 3 * 1.0) / (0.25 + 0.5 + 1.0);
      double expected =
          Math.sqrt(
              (0.25 * (1 - mean) * (1 - mean)
                      + 0.5 * (2 - mean) * (2 - mean)
                      + 1.0 * (3 - mean) * (3 - mean))
                  / (0.25 + 0.5 + 1.0));
      assertThat(acc.std().getAsDouble()).isCloseTo(expected, within(1e-15));
    }

    @Test
    void constantValuesHaveZeroStdEvenFarFromZero() {
      CellAccumulator acc = CellAccumulator.of(STD);
      for (int i = 0; i < 1000; i++) {
        acc.add(1234.5678, i % 3 == 0 ? 0.3 : 1);
      }
      assertThat(acc.std()).hasValue(0.0);
    }

    @Test
    void smallSpreadOnALargeOffsetIsNotLostToCancellation() {
      // Σx² − (Σx)²/n would cancel 1e18-sized terms here; the running update keeps the spread.
      CellAccumulator acc = unit(CellAccumulator.of(STD), 1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4);
      // mean 1e9 + 2.5; deviations ±0.5, ±1.5: (0.25 + 2.25 + 0.25 + 2.25) / 4 = 1.25.
      assertThat(acc.std().getAsDouble()).isCloseTo(Math.sqrt(1.25), within(1e-12));
    }

    @Test
    void oneCellHasZeroStd() {
      CellAccumulator acc = CellAccumulator.of(STD);
      acc.add(42, 0.3);
      assertThat(acc.std()).hasValue(0.0);
    }
  }

  @Nested
  class NumpyQuantiles {

    @Test
    void medianOfOddCountIsTheMiddleValue() {
      assertThat(unit(quantilesOnly(), 3, 1, 2).median()).hasValue(2);
      assertThat(unit(all(), 3, 1, 2).median()).hasValue(2);
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheTwoMiddleValues() {
      assertThat(unit(quantilesOnly(), 4, 1, 3, 2).median()).hasValue((2 + 3) / 2.0);
      assertThat(unit(all(), 4, 1, 3, 2).median()).hasValue((2 + 3) / 2.0);
      assertThat(unit(all(), 1, 1, 2, 2, 2, 9).median()).hasValue((2 + 2) / 2.0);
      assertThat(unit(all(), 1, 1, 1, 2, 9, 9).median()).hasValue((1 + 2) / 2.0);
    }

    @ParameterizedTest(name = "np.percentile([1, 2, 3, 4], {0}) = {1}")
    @CsvSource({"0, 1", "25, 1.75", "50, 2.5", "75, 3.25", "100, 4", "10, 1.3", "90, 3.7"})
    void percentileInterpolatesLinearly(double p, double expected) {
      // h = (4 − 1)·P/100; e.g. P = 25: h = 0.75, 1 + (2 − 1)·0.75 = 1.75; P = 90: h = 2.7, 3 + 0.7
      // = 3.7.
      assertThat(unit(quantilesOnly(), 4, 2, 1, 3).percentile(p).getAsDouble())
          .isCloseTo(expected, within(1e-15));
      assertThat(unit(all(), 4, 2, 1, 3).percentile(p).getAsDouble())
          .isCloseTo(expected, within(1e-15));
    }

    @Test
    void percentileOfOddCount() {
      // n = 5, P = 10: h = 0.4, 1 + (2 − 1)·0.4 = 1.4. n = 3, P = 80: h = 1.6, 20 + (40 − 20)·0.6 =
      // 32.
      assertThat(unit(quantilesOnly(), 1, 2, 3, 4, 5).percentile(10).getAsDouble())
          .isCloseTo(1.4, within(1e-15));
      assertThat(unit(quantilesOnly(), 10, 20, 40).percentile(80)).hasValue(32.0);
    }

    @Test
    void percentileOfDuplicatesCountsEachCell() {
      // [1, 1, 1, 5]: h = 3·0.5 = 1.5 lies between the second and third 1, so P50 = 1; P90: h =
      // 2.7, 1 + 4·0.7.
      assertThat(unit(all(), 5, 1, 1, 1).percentile(50)).hasValue(1.0);
      assertThat(unit(all(), 5, 1, 1, 1).percentile(90).getAsDouble())
          .isCloseTo(1 + 4 * 0.7, within(1e-14));
      assertThat(unit(quantilesOnly(), 5, 1, 1, 1).percentile(90).getAsDouble())
          .isCloseTo(1 + 4 * 0.7, within(1e-14));
    }

    /**
     * Bit-exact answers of numpy 2.4.6 ({@code repr(np.percentile(a, P))}), chosen where the naive
     * {@code a + (b − a)·γ} rounds differently from numpy's two-sided {@code _lerp}.
     */
    @ParameterizedTest(name = "P{1} of {0}")
    @CsvSource(
        delimiter = ';',
        value = {
          "-44.315, -39.394, -6.413, 59.414; 90; 39.665900000000015",
          "-91.212, -67.958, -56.938, 22.508, 97.792; 66.6; -4.1858560000000224",
          "-88.15, -27.747, -22.474, 19.637, 74.268; 66.6; 5.487703999999987",
          "-28.917, 36.737; 66.6; 14.808563999999997",
          "-82.87, -52.64, 16.43, 60.25; 50; -18.104999999999997",
          "0.1, 0.2, 0.7; 33; 0.166",
          "0.1, 0.2, 0.7, 1.3; 90; 1.12"
        })
    void percentileMatchesNumpyToTheLastBit(String values, double p, double numpy) {
      double[] a =
          Arrays.stream(values.split(","))
              .mapToDouble(s -> Double.parseDouble(s.strip()))
              .toArray();
      assertThat(unit(quantilesOnly(), a).percentile(p)).hasValue(numpy);
      assertThat(unit(all(), a).percentile(p)).hasValue(numpy);
    }

    @Test
    void medianIsNumpyMedianNotPercentile50() {
      // np.median([-82.87, -52.64, 16.43, 60.25]) = -18.105 (the sum halved); np.percentile(…, 50)
      // is
      // -18.104999999999997 (interpolated from the upper value).
      assertThat(unit(quantilesOnly(), 60.25, -82.87, 16.43, -52.64).median()).hasValue(-18.105);
      assertThat(unit(quantilesOnly(), 60.25, -82.87, 16.43, -52.64).percentile(50))
          .hasValue(-18.104999999999997);
    }

    @Test
    void equalWeightsOtherThanOneAreStillNumpy() {
      CellAccumulator stored =
          filled(quantilesOnly(), new double[] {4, 1, 3, 2}, new double[] {0.3, 0.3, 0.3, 0.3});
      CellAccumulator hist =
          filled(all(), new double[] {4, 1, 3, 2}, new double[] {0.3, 0.3, 0.3, 0.3});
      assertThat(stored.median()).hasValue(2.5);
      assertThat(hist.median()).hasValue(2.5);
      assertThat(stored.percentile(25).getAsDouble()).isCloseTo(1.75, within(1e-15));
      assertThat(hist.percentile(25).getAsDouble()).isCloseTo(1.75, within(1e-15));
    }

    @Test
    void queriesBetweenAddsSeeTheNewCells() {
      CellAccumulator acc = unit(quantilesOnly(), 1, 2, 3);
      assertThat(acc.median()).hasValue(2);
      acc.add(10);
      acc.add(11);
      assertThat(acc.median()).hasValue(3);
    }

    @Test
    void percentileOutsideTheRangeIsRejected() {
      CellAccumulator acc = unit(quantilesOnly(), 1, 2);
      assertThatThrownBy(() -> acc.percentile(100.5)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> acc.percentile(-1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> acc.percentile(Double.NaN))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class WeightedQuantiles {

    // Values 1, 2, 3 with weights 0.25, 0.5, 1 (m = 3): positions s0 = 0, s1 = 1·0.5 + 2·0.25 = 1,
    // s2 = 2·1 + 2·(0.25 + 0.5) = 3.5.
    static final double[] VALUES = {3, 1, 2};
    static final double[] WEIGHTS = {1.0, 0.25, 0.5};

    @Test
    void medianInterpolatesBetweenPositions() {
      // p = 0.5·3.5 = 1.75, between s1 = 1 and s2 = 3.5: 2 + (1.75 − 1)·(3 − 2)/(3.5 − 1).
      double expected = 2 + (1.75 - 1) * (3 - 2) / (3.5 - 1);
      assertThat(filled(quantilesOnly(), VALUES, WEIGHTS).median().getAsDouble())
          .isCloseTo(expected, within(1e-15));
      assertThat(filled(all(), VALUES, WEIGHTS).median().getAsDouble())
          .isCloseTo(expected, within(1e-15));
    }

    @Test
    void percentiles() {
      // P20: p = 0.7, between s0 = 0 and s1 = 1: 1 + 0.7·(2 − 1)/1.
      assertThat(filled(quantilesOnly(), VALUES, WEIGHTS).percentile(20).getAsDouble())
          .isCloseTo(1 + 0.7 * (2 - 1) / 1.0, within(1e-15));
      assertThat(filled(quantilesOnly(), VALUES, WEIGHTS).percentile(0)).hasValue(1);
      assertThat(filled(quantilesOnly(), VALUES, WEIGHTS).percentile(100)).hasValue(3);
      assertThat(filled(all(), VALUES, WEIGHTS).percentile(0)).hasValue(1);
      assertThat(filled(all(), VALUES, WEIGHTS).percentile(100)).hasValue(3);
    }

    @Test
    void repeatedValuesCountWithTheirTotalWeight() {
      // 1 → 0.2 + 0.3 = 0.5, 2 → 0.5, 3 → 1: s1 = 1·0.5 + 2·0.5 = 1.5, s2 = 2·1 + 2·(0.5 + 0.5) =
      // 4;
      // p = 0.5·4 = 2, between s1 and s2: 2 + (2 − 1.5)·1/(4 − 1.5).
      double[] values = {1, 2, 1, 3};
      double[] weights = {0.2, 0.5, 0.3, 1.0};
      double expected = 2 + (2 - 1.5) * 1 / (4 - 1.5);
      assertThat(filled(quantilesOnly(), values, weights).median().getAsDouble())
          .isCloseTo(expected, within(1e-15));
      assertThat(filled(all(), values, weights).median().getAsDouble())
          .isCloseTo(expected, within(1e-15));
    }

    @Test
    void oneDistinctValue() {
      assertThat(filled(quantilesOnly(), new double[] {7, 7}, new double[] {0.5, 0.25}).median())
          .hasValue(7);
      assertThat(
              filled(quantilesOnly(), new double[] {7, 7}, new double[] {0.5, 0.25}).percentile(63))
          .hasValue(7);
    }
  }

  @Nested
  class Classes {

    @Test
    void majorityTiesGoToTheSmallestValue() {
      // 3 and 1 both have two cells; 1 < 3.
      assertThat(unit(all(), 3, 3, 1, 1, 2).majority()).hasValue(1);
      assertThat(unit(all(), 2, 1, 1, 3, 3).majority()).hasValue(1);
    }

    @Test
    void minorityTiesGoToTheSmallestValue() {
      assertThat(unit(all(), 3, 3, 1, 1, 2).minority()).hasValue(2);
      assertThat(unit(all(), 9, 5, 5, 7).minority()).hasValue(7);
      assertThat(unit(all(), -1, 9, 5, 5, 7).minority()).hasValue(-1);
    }

    @Test
    void weightedMajorityAndMinoritySumCoverage() {
      // 4 → 0.5 + 0.25 = 0.75, 2 → 0.75, 8 → 0.125 + 0.0625 = 0.1875, 6 → 0.9.
      double[] values = {4, 2, 8, 4, 6, 8};
      double[] weights = {0.5, 0.75, 0.125, 0.25, 0.9, 0.0625};
      CellAccumulator acc = filled(all(), values, weights);
      assertThat(acc.majority()).hasValue(6);
      assertThat(acc.minority()).hasValue(8);
      acc.add(6, 0.0); // zero weight: no change
      acc.add(2, 0.25); // 2 → 1.0 beats 6 → 0.9
      assertThat(acc.majority()).hasValue(2);
    }

    @Test
    void weightedTieGoesToTheSmallestValue() {
      // 4 → 0.5 + 0.25 = 0.75 and 2 → 0.75 tie for the majority.
      CellAccumulator acc =
          filled(all(), new double[] {4, 2, 4, 9}, new double[] {0.5, 0.75, 0.25, 0.125});
      assertThat(acc.majority()).hasValue(2);
    }

    @Test
    void tieHighestTakesTheLargestOfTheTiedValues() {
      assertThat(unit(highest(), 3, 3, 1, 1, 2).majority()).hasValue(3);
      assertThat(unit(highest(), 2, 1, 1, 3, 3).majority()).hasValue(3);
      assertThat(unit(highest(), 3, 3, 1, 1, 2).minority())
          .hasValue(2); // no tie: the rule changes nothing
      assertThat(unit(highest(), 9, 5, 5, 7).minority()).hasValue(9);
      assertThat(unit(highest(), -1, 9, 5, 5, 7).minority()).hasValue(9);
      CellAccumulator weighted =
          filled(highest(), new double[] {4, 2, 4, 9}, new double[] {0.5, 0.75, 0.25, 0.125});
      assertThat(weighted.majority()).hasValue(4);
      assertThat(weighted.result(StatisticRequest.of(MAJORITY))).isEqualTo(4.0);
    }

    @Test
    void tieRuleSurvivesHashOrderGrowthAndMerging() {
      // Enough classes to grow the table several times; every class has two cells, so all tie.
      CellAccumulator left = highest();
      CellAccumulator right = left.emptyCopy();
      for (int i = 0; i < 100; i++) {
        left.add(i * 0.5 - 20);
        right.add(i * 0.5 - 20);
      }
      left.merge(right);
      assertThat(left.majority()).hasValue(29.5);
      assertThat(left.minority()).hasValue(29.5);
      assertThatThrownBy(() -> left.merge(all())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void varietyUniqueAndDistribution() {
      double[] values = {5, 0, 1, 0};
      double[] weights = {0.25, 1, 0.25, 0.5};
      CellAccumulator acc = filled(all(), values, weights);
      assertThat(acc.variety()).isEqualTo(3);
      assertThat(acc.unique()).containsExactly(0, 1, 5);
      double total = 0.25 + 1 + 0.25 + 0.5;
      assertThat(acc.distribution())
          .containsExactly(
              Map.entry(0.0, (1 + 0.5) / total),
              Map.entry(1.0, 0.25 / total),
              Map.entry(5.0, 0.25 / total));
    }

    @Test
    void distributionOfUnitWeightsIsCellShares() {
      CellAccumulator acc = unit(all(), 11, 11, 11, 42);
      assertThat(acc.distribution())
          .containsExactly(Map.entry(11.0, 3 / 4.0), Map.entry(42.0, 1 / 4.0));
    }

    @Test
    void negativeZeroIsZero() {
      CellAccumulator acc = unit(all(), -0.0, 0.0, -0.0);
      assertThat(acc.variety()).isEqualTo(1);
      assertThat(Double.doubleToRawLongBits(acc.unique()[0])).isEqualTo(0L);
      assertThat(Double.doubleToRawLongBits(acc.min().getAsDouble())).isEqualTo(0L);
    }

    @Test
    void classesKeyOnTheExactDouble() {
      CellAccumulator acc = unit(all(), 0.1, 0.1 + 1e-17, Math.nextUp(0.1), 1, 1.0000000000000002);
      // 0.1 + 1e-17 rounds to 0.1; nextUp(0.1) and 1 + 2^-52 are other doubles.
      assertThat(acc.unique()).containsExactly(0.1, Math.nextUp(0.1), 1, 1.0000000000000002);
    }

    @Test
    void manyDistinctValuesGrowTheHistogram() {
      CellAccumulator acc = all();
      int n = 100_000;
      for (int i = n - 1; i >= 0; i--) {
        acc.add(i * 0.5 - 7000, 1);
        if (i % 7 == 0) {
          acc.add(i * 0.5 - 7000, 1); // one more cell: these values have two
        }
      }
      assertThat(acc.variety()).isEqualTo(n);
      double[] unique = acc.unique();
      assertThat(unique).hasSize(n);
      for (int i = 0; i < n; i++) {
        assertThat(unique[i]).isEqualTo(i * 0.5 - 7000);
      }
      assertThat(acc.majority())
          .hasValue(-7000); // value 0 (i = 0) has two cells, the smallest of those
      assertThat(acc.minority()).hasValue(0.5 - 7000); // i = 1: one cell
      assertThat(acc.count()).isEqualTo(n + (n - 1) / 7 + 1);
    }
  }

  @Nested
  class IgnoredAndEmpty {

    @Test
    void nanNonPositiveAndInfiniteWeightsAreIgnored() {
      CellAccumulator acc = all();
      acc.add(Double.NaN, 1);
      acc.add(5, 0);
      acc.add(6, -1);
      acc.add(7, Double.NaN);
      acc.add(8, Double.POSITIVE_INFINITY);
      acc.add(9, -0.0);
      assertEmpty(acc);
      acc.add(3, 0.5);
      acc.add(Double.NaN, 0.5);
      assertThat(acc.cells()).isEqualTo(1);
      assertThat(acc.mean()).hasValue(3);
      assertThat(acc.variety()).isEqualTo(1);
    }

    @Test
    void emptyAccumulatorAnswersZeroForCountSumAndVarietyAndNothingForTheValues() {
      assertEmpty(all());
      assertEmpty(quantilesOnly());
    }

    private static void assertEmpty(CellAccumulator acc) {
      assertThat(acc.isEmpty()).isTrue();
      assertThat(acc.cells()).isZero();
      assertThat(acc.count()).isZero();
      assertThat(acc.sum()).isZero();
      assertThat(acc.mean()).isEmpty();
      assertThat(acc.min()).isEmpty();
      assertThat(acc.max()).isEmpty();
      assertThat(acc.median()).isEmpty();
      assertThat(acc.percentile(90)).isEmpty();
      for (Statistic statistic : Statistic.values()) {
        StatisticRequest request =
            statistic == PERCENTILE
                ? StatisticRequest.percentile(50)
                : StatisticRequest.of(statistic);
        if (!isAnswerable(acc, statistic)) {
          continue;
        }
        Object result = acc.result(request);
        switch (statistic) {
          case COUNT, SUM, VARIETY -> {
            assertThat(acc.value(request)).as(statistic.key()).hasValue(0);
            assertThat(result).as(statistic.key()).isEqualTo(0.0);
          }
          case UNIQUE -> assertThat(result).as(statistic.key()).isEqualTo(List.of());
          case DISTRIBUTION, HISTOGRAM ->
              assertThat(result).as(statistic.key()).isEqualTo(Map.of());
          default -> {
            assertThat(acc.value(request)).as(statistic.key()).isEmpty();
            assertThat(result).as(statistic.key()).isNull();
          }
        }
      }
    }

    private static boolean isAnswerable(CellAccumulator acc, Statistic statistic) {
      try {
        acc.result(
            statistic == PERCENTILE
                ? StatisticRequest.percentile(50)
                : StatisticRequest.of(statistic));
        return true;
      } catch (IllegalStateException e) {
        return false;
      }
    }
  }

  @Nested
  class ByRequest {

    @Test
    void valueAndResultAnswerEveryStatistic() {
      CellAccumulator acc = filled(all(), new double[] {1, 2, 2, 5}, new double[] {1, 1, 1, 1});
      assertThat(acc.value(StatisticRequest.of(MEAN))).hasValue((1 + 2 + 2 + 5) / 4.0);
      assertThat(acc.value(StatisticRequest.of(SUM))).hasValue(1 + 2 + 2 + 5);
      assertThat(acc.value(StatisticRequest.of(COUNT))).hasValue(4);
      assertThat(acc.value(StatisticRequest.of(MIN))).hasValue(1);
      assertThat(acc.value(StatisticRequest.of(MAX))).hasValue(5);
      // mean 2.5; squared deviations 2.25, 0.25, 0.25, 6.25.
      assertThat(acc.value(StatisticRequest.of(STD)).getAsDouble())
          .isCloseTo(Math.sqrt((2.25 + 0.25 + 0.25 + 6.25) / 4), within(1e-15));
      assertThat(acc.value(StatisticRequest.of(MEDIAN))).hasValue((2 + 2) / 2.0);
      // h = 3·0.9 = 2.7: 2 + (5 − 2)·0.7.
      assertThat(acc.value(StatisticRequest.percentile(90)).getAsDouble())
          .isCloseTo(2 + 3 * 0.7, within(1e-15));
      assertThat(acc.value(StatisticRequest.of(MAJORITY))).hasValue(2);
      assertThat(acc.value(StatisticRequest.of(MINORITY))).hasValue(1);
      assertThat(acc.value(StatisticRequest.of(VARIETY))).hasValue(3);
      assertThat(acc.result(StatisticRequest.of(VARIETY))).isEqualTo(3.0);
      assertThat(acc.result(StatisticRequest.of(MEAN))).isEqualTo(2.5);
      assertThat(acc.result(StatisticRequest.of(UNIQUE))).isEqualTo(List.of(1.0, 2.0, 5.0));
      assertThat(acc.result(StatisticRequest.of(DISTRIBUTION)))
          .isEqualTo(Map.of(1.0, 1 / 4.0, 2.0, 2 / 4.0, 5.0, 1 / 4.0));
      assertThatThrownBy(() -> acc.value(StatisticRequest.of(UNIQUE)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> acc.value(StatisticRequest.of(DISTRIBUTION)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statisticsNotAskedForAreRefused() {
      CellAccumulator acc = unit(CellAccumulator.of(MEAN), 1, 2);
      assertThatThrownBy(acc::std)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("std");
      assertThatThrownBy(acc::median).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(acc::majority).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(acc::variety).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> acc.value(StatisticRequest.of(MINORITY)))
          .isInstanceOf(IllegalStateException.class);
      // Running sums are always there.
      assertThat(acc.min()).hasValue(1);
      assertThat(acc.sum()).isEqualTo(3);
    }

    @Test
    void requestsDecideWhatIsKept() {
      CellAccumulator acc =
          CellAccumulator.of(List.of(StatisticRequest.percentile(10), StatisticRequest.of(STD)));
      unit(acc, 1, 2, 3);
      assertThat(acc.percentile(10)).isPresent();
      assertThat(acc.std()).isPresent();
      assertThatThrownBy(acc::unique).isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  class Merging {

    @Test
    void mergeEqualsOneAccumulator() {
      double[] values = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
      double[] weights = {1, 0.5, 0.25, 1, 0.75, 0.125, 1, 1, 0.5, 0.5, 0.25};
      CellAccumulator whole = filled(all(), values, weights);
      CellAccumulator a = all();
      CellAccumulator b = a.emptyCopy();
      CellAccumulator c = a.emptyCopy();
      for (int i = 0; i < values.length; i++) {
        (i < 3 ? a : i < 8 ? b : c).add(values[i], weights[i]);
      }
      c.merge(a);
      c.merge(b);
      assertThat(c.cells()).isEqualTo(whole.cells());
      assertThat(c.count()).isEqualTo(whole.count());
      assertThat(c.sum()).isEqualTo(whole.sum());
      assertThat(c.min()).isEqualTo(whole.min());
      assertThat(c.max()).isEqualTo(whole.max());
      assertThat(c.majority()).isEqualTo(whole.majority());
      assertThat(c.minority()).isEqualTo(whole.minority());
      assertThat(c.distribution()).isEqualTo(whole.distribution());
      assertThat(c.median()).isEqualTo(whole.median());
      assertThat(c.std().getAsDouble()).isCloseTo(whole.std().getAsDouble(), within(1e-15));
      // b is unchanged by being merged.
      assertThat(b.cells()).isEqualTo(5);
    }

    @Test
    void mergingEmptyAccumulatorsChangesNothing() {
      CellAccumulator acc = unit(all(), 1, 2, 3);
      acc.merge(acc.emptyCopy());
      assertThat(acc.cells()).isEqualTo(3);
      CellAccumulator empty = acc.emptyCopy();
      empty.merge(acc);
      assertThat(empty.std()).isEqualTo(acc.std());
      assertThat(empty.median()).hasValue(2);
    }

    @Test
    void uniformWeightsSurviveOnlyIfTheyAgree() {
      CellAccumulator a = filled(quantilesOnly(), new double[] {1, 2}, new double[] {0.5, 0.5});
      CellAccumulator b = filled(quantilesOnly(), new double[] {3, 4}, new double[] {0.5, 0.5});
      a.merge(b);
      assertThat(a.median()).hasValue(2.5); // numpy: all four weigh 0.5
      CellAccumulator c = filled(quantilesOnly(), new double[] {5}, new double[] {1.0});
      a.merge(c);
      // Weighted now: 1..4 weigh 0.5, 5 weighs 1 (m = 5): s_i = i·w_i + 4·cum_{i−1}: 0, 2.5, 5,
      // 7.5, 12;
      // p = 6 lies between s2 = 5 (value 3) and s3 = 7.5 (value 4): 3 + (6 − 5)/(7.5 − 5).
      assertThat(a.median().getAsDouble()).isCloseTo(3 + (6 - 5) / (7.5 - 5), within(1e-15));
    }

    @Test
    void incompatibleAccumulatorsAreRefused() {
      CellAccumulator acc = CellAccumulator.of(MEAN);
      assertThatThrownBy(() -> acc.merge(CellAccumulator.of(STD)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> acc.merge(acc)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
