package dev.terrace.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class PairSortTest {

  record Pair(double value, double weight) {}

  private static final Comparator<Pair> ORDER =
      Comparator.comparingDouble(Pair::value).thenComparingDouble(Pair::weight);

  @Provide
  Arbitrary<List<Pair>> pairs() {
    // Few distinct values and weights, so that ties on the value are frequent and ties on both
    // happen.
    Arbitrary<Double> values =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(3, Arbitraries.integers().between(-3, 3).map(i -> (double) i)),
                Tuple.of(1, Arbitraries.doubles().between(-1e6, 1e6))));
    Arbitrary<Double> weights = Arbitraries.integers().between(1, 8).map(k -> k / 8.0);
    return Combinators.combine(values, weights).as(Pair::new).list().ofMaxSize(500);
  }

  @Property(tries = 300)
  void sortsByValueThenWeight(@ForAll("pairs") List<Pair> pairs) {
    assertSorts(pairs, false);
  }

  @Property(tries = 300)
  void heapsortFallbackSortsToo(@ForAll("pairs") List<Pair> pairs) {
    assertSorts(pairs, true);
  }

  @Test
  void orderedReversedAndConstantInputsStayFast() {
    // Inputs that make a naive quicksort quadratic (or overflow the stack).
    int n = 1_000_000;
    double[] ascending = new double[n];
    double[] descending = new double[n];
    double[] constant = new double[n];
    double[] organPipe = new double[n];
    for (int i = 0; i < n; i++) {
      ascending[i] = i;
      descending[i] = n - i;
      constant[i] = 7;
      organPipe[i] = Math.min(i, n - i);
    }
    for (double[] values : List.of(ascending, descending, constant, organPipe)) {
      double[] weights = new double[n];
      Random random = new Random(42);
      for (int i = 0; i < n; i++) {
        weights[i] = random.nextInt(4) + 1;
      }
      PairSort.sort(values, weights, n);
      for (int i = 1; i < n; i++) {
        assertThat(
                values[i - 1] < values[i]
                    || (values[i - 1] == values[i] && weights[i - 1] <= weights[i]))
            .as("position %d", i)
            .isTrue();
      }
    }
  }

  private static void assertSorts(List<Pair> pairs, boolean heapsort) {
    int n = pairs.size();
    // Arrays longer than n: only the prefix is sorted, the rest stays.
    double[] values = new double[n + 3];
    double[] weights = new double[n + 3];
    for (int i = 0; i < n; i++) {
      values[i] = pairs.get(i).value();
      weights[i] = pairs.get(i).weight();
    }
    values[n] = -1e300;
    weights[n] = 5;
    if (heapsort) {
      if (n > 0) {
        PairSort.heapsort(values, weights, 0, n - 1);
      }
    } else {
      PairSort.sort(values, weights, n);
    }
    List<Pair> expected = new ArrayList<>(pairs);
    expected.sort(ORDER);
    List<Pair> actual = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      actual.add(new Pair(values[i], weights[i]));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(values[n]).isEqualTo(-1e300);
  }
}
