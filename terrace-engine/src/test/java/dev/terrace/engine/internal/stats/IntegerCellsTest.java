package dev.terrace.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 64-bit integer cells: exact min, max and classes beyond 2^53, mergeable like every other cell.
 */
class IntegerCellsTest {

  private static final long P53 = 1L << 53;

  private static Object result(CellAccumulator a, Statistic statistic) {
    return a.result(StatisticRequest.of(statistic));
  }

  @Test
  void valuesADoubleCannotTellApartStayApart() {
    CellAccumulator a = CellAccumulator.of(Statistic.values());
    // 2^53 + 1 rounds to 2^53 as a double: through doubles these would be one class of three cells.
    a.add(P53 + 1, false, 1);
    a.add(P53 + 1, false, 1);
    a.add(P53, false, 1);
    a.add(P53 + 2, false, 1);
    assertThat(result(a, Statistic.MIN)).isEqualTo(P53);
    assertThat(result(a, Statistic.MAX)).isEqualTo(P53 + 2);
    assertThat(result(a, Statistic.MAJORITY)).isEqualTo(P53 + 1);
    assertThat(result(a, Statistic.MINORITY)).isEqualTo(P53);
    assertThat(result(a, Statistic.VARIETY)).isEqualTo(3.0);
    assertThat(result(a, Statistic.UNIQUE)).isEqualTo(List.of(P53, P53 + 1, P53 + 2));
    assertThat(List.copyOf(((Map<?, ?>) result(a, Statistic.DISTRIBUTION)).keySet()))
        .isEqualTo(List.of(P53, P53 + 1, P53 + 2));
    // Statistics that are not cell values stay doubles.
    assertThat(result(a, Statistic.MEAN)).isInstanceOf(Double.class);
    assertThat(result(a, Statistic.SUM)).isInstanceOf(Double.class);
  }

  @Test
  void tiesGoToTheLowestOrTheHighestExactInteger() {
    // Through doubles 2^53 + 1 and 2^53 + 3 would round to 2^53 and 2^53 + 4: the tie must be
    // decided on the longs.
    long[] values = {P53 + 3, P53 + 1, P53 + 3, P53 + 1, P53 + 2, P53};
    CellAccumulator lowest = CellAccumulator.of(Statistic.MAJORITY, Statistic.MINORITY);
    CellAccumulator highest =
        CellAccumulator.of(
            List.of(
                StatisticRequest.of(Statistic.MAJORITY), StatisticRequest.of(Statistic.MINORITY)),
            TieBreak.HIGHEST);
    for (long v : values) {
      lowest.add(v, false, 1);
      highest.add(v, false, 1);
    }
    assertThat(result(lowest, Statistic.MAJORITY)).isEqualTo(P53 + 1);
    assertThat(result(lowest, Statistic.MINORITY)).isEqualTo(P53);
    assertThat(result(highest, Statistic.MAJORITY)).isEqualTo(P53 + 3);
    assertThat(result(highest, Statistic.MINORITY)).isEqualTo(P53 + 2);
  }

  @Test
  void unsignedTiesGoToTheHighestInUnsignedOrder() {
    CellAccumulator highest =
        CellAccumulator.of(List.of(StatisticRequest.of(Statistic.MAJORITY)), TieBreak.HIGHEST);
    highest.add(-1L, true, 1); // 2^64 - 1
    highest.add(Long.MIN_VALUE, true, 1); // 2^63
    highest.add(5, true, 1);
    assertThat(result(highest, Statistic.MAJORITY))
        .isEqualTo(new BigInteger("18446744073709551615"));
  }

  @Test
  void aSingleValueIsItsOwnExactMeanAndMedian() {
    CellAccumulator a = CellAccumulator.of(Statistic.MEAN, Statistic.MEDIAN);
    a.add(P53 + 1, false, 1);
    assertThat(result(a, Statistic.MEAN)).isEqualTo(P53 + 1);
    assertThat(result(a, Statistic.MEDIAN)).isEqualTo(P53 + 1);
  }

  @Test
  void unsignedValuesAboveLongMaxAreBigIntegersInUnsignedOrder() {
    CellAccumulator a = CellAccumulator.of(Statistic.MIN, Statistic.MAX, Statistic.UNIQUE);
    a.add(-1L, true, 1); // 2^64 - 1
    a.add(Long.MIN_VALUE, true, 1); // 2^63
    a.add(5, true, 1);
    assertThat(result(a, Statistic.MIN)).isEqualTo(5L);
    assertThat(result(a, Statistic.MAX)).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(result(a, Statistic.UNIQUE))
        .isEqualTo(
            List.of(
                5L, new BigInteger("9223372036854775808"), new BigInteger("18446744073709551615")));
    assertThat(a.max()).hasValue(0x1p64);
  }

  /**
   * The accumulator's contract: partial accumulators, merged in any grouping, answer as one fed
   * every cell.
   */
  @Test
  void partialAccumulatorsMergeExactly() {
    long[] values = {
      P53 + 1, -(1L << 62), Long.MIN_VALUE, Long.MAX_VALUE, P53 + 1, P53 + 3, P53 + 3, P53 + 3
    };
    CellAccumulator whole = CellAccumulator.of(Statistic.values());
    for (long v : values) {
      whole.add(v, false, 1);
    }
    CellAccumulator left = whole.emptyCopy();
    CellAccumulator right = whole.emptyCopy();
    CellAccumulator empty = whole.emptyCopy();
    for (int i = 0; i < values.length; i++) {
      (i % 3 == 0 ? left : right).add(values[i], false, 1);
    }
    CellAccumulator merged = whole.emptyCopy();
    merged.merge(empty);
    merged.merge(right);
    merged.merge(left);
    for (Statistic s :
        List.of(
            Statistic.MIN,
            Statistic.MAX,
            Statistic.MAJORITY,
            Statistic.MINORITY,
            Statistic.VARIETY,
            Statistic.UNIQUE,
            Statistic.DISTRIBUTION,
            Statistic.COUNT)) {
      assertThat(result(merged, s)).as(s.key()).isEqualTo(result(whole, s));
    }
    assertThat(result(merged, Statistic.MAJORITY)).isEqualTo(P53 + 3);
  }

  @Test
  void integerAndDoubleCellsDoNotMix() {
    CellAccumulator ints = CellAccumulator.of(Statistic.MIN);
    ints.add(1L, false, 1);
    CellAccumulator doubles = CellAccumulator.of(Statistic.MIN);
    doubles.add(1.0, 1);
    assertThatThrownBy(() -> doubles.add(1L, false, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ints.merge(doubles)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ints.add(1L, true, 1)).isInstanceOf(IllegalStateException.class);
  }
}
