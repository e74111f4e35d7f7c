package dev.terrace.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class StoredValuesTest {

  record Cell(double value, double weight) {}

  private static final double[] QUANTILES = {0, 0.1, 0.25, 0.5, 0.9, 1};

  @Provide
  Arbitrary<List<Cell>> cells() {
    // Few distinct values, so whole and fractional cells often share one; weights 1 most often, as
    // inside a
    // polygon, and fractions and weights above 1 on both sides of it.
    Arbitrary<Double> values =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(3, Arbitraries.integers().between(-3, 3).map(i -> (double) i)),
                Tuple.of(1, Arbitraries.doubles().between(-1e6, 1e6))));
    Arbitrary<Double> weights =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(3, Arbitraries.just(1.0)),
                Tuple.of(2, Arbitraries.integers().between(1, 16).map(k -> k / 8.0)),
                Tuple.of(1, Arbitraries.doubles().between(1e-6, 1).ofScale(12))));
    return Combinators.combine(values, weights).as(Cell::new).list().ofMinSize(1).ofMaxSize(300);
  }

  @Property(tries = 500)
  void weightedQuantilesAreThoseOfEveryPairSortedTogether(@ForAll("cells") List<Cell> cells) {
    StoredValues stored = new StoredValues();
    cells.forEach(c -> stored.add(c.value(), c.weight()));
    if (stored.uniformWeights()) {
      return;
    }
    Quantiles.Weighted split = stored.weighted();
    Quantiles.Weighted together = sortedTogether(cells);
    for (double q : QUANTILES) {
      assertThat(split.quantile(q)).as("q=%s", q).isEqualTo(together.quantile(q));
    }
  }

  @Property(tries = 200)
  void equalWeightsGiveEveryValueSorted(@ForAll("cells") List<Cell> cells, @ForAll boolean unit) {
    StoredValues stored = new StoredValues();
    double weight = unit ? 1.0 : 0.5;
    cells.forEach(c -> stored.add(c.value(), weight));
    assertThat(stored.uniformWeights()).isTrue();
    double[] expected = cells.stream().mapToDouble(Cell::value).sorted().toArray();
    assertThat(stored.sortedValues()).startsWith(expected);
  }

  @Test
  void aValueSharedByWholeAndFractionalCellsIsOneValueWithTheirTotalWeight() {
    StoredValues stored = new StoredValues();
    stored.add(2, 1.0);
    stored.add(1, 0.5);
    stored.add(2, 0.25);
    stored.add(3, 1.0);
    // Distinct values 1, 2, 3 with weights 0.5, 1.25, 1: positions 0, 1·1.25 + 2·0.5 = 2.25, 2·1 +
    // 2·1.75 = 5.5.
    Quantiles.Weighted q = stored.weighted();
    assertThat(q.quantile(0)).isEqualTo(1.0);
    assertThat(q.median()).isEqualTo(2 + (0.5 * 5.5 - 2.25) / (5.5 - 2.25));
    assertThat(q.quantile(1)).isEqualTo(3.0);
  }

  /**
   * The definition: every pair sorted by (value, weight), weights summed per value in that order.
   */
  private static Quantiles.Weighted sortedTogether(List<Cell> cells) {
    List<Cell> sorted =
        cells.stream()
            .sorted(Comparator.comparingDouble(Cell::value).thenComparingDouble(Cell::weight))
            .toList();
    double[] xs = sorted.stream().mapToDouble(Cell::value).distinct().toArray();
    double[] ws = new double[xs.length];
    int k = -1;
    double s = 0;
    double c = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Cell cell = sorted.get(i);
      if (i == 0 || cell.value() != sorted.get(i - 1).value()) {
        if (k >= 0) {
          ws[k] = Compensated.value(s, c);
        }
        k++;
        s = 0;
        c = 0;
      }
      double t = s + cell.weight();
      c += Compensated.error(s, cell.weight(), t);
      s = t;
    }
    ws[k] = Compensated.value(s, c);
    return new Quantiles.Weighted(xs, ws);
  }
}
