package dev.terrace.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ValueHistogramTest {

  record Entry(double value, double weight) {}

  @Provide
  Arbitrary<List<Entry>> entries() {
    // Values that collide in the low bits of their representation (small integers, powers of two)
    // and random
    // ones; dyadic weights so that the reference's plain sums are exact too.
    Arbitrary<Double> values =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-1000, 1000).map(i -> (double) i),
            Arbitraries.integers().between(-60, 60).map(e -> Math.scalb(1.0, e)),
            Arbitraries.doubles().between(-1e9, 1e9));
    Arbitrary<Double> weights = Arbitraries.integers().between(1, 1024).map(k -> k / 1024.0);
    return Combinators.combine(values, weights).as(Entry::new).list().ofMaxSize(2000);
  }

  @Property(tries = 200)
  void matchesAMapReference(
      @ForAll("entries") List<Entry> entries, @ForAll @IntRange(min = 0, max = 2000) int cut) {
    TreeMap<Double, Double> reference = new TreeMap<>();
    ValueHistogram first = new ValueHistogram();
    ValueHistogram second = new ValueHistogram();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      reference.merge(e.value(), e.weight(), Double::sum);
      (i < cut ? first : second).add(e.value(), e.weight());
    }
    second.merge(first);
    assertThat(second.size()).isEqualTo(reference.size());
    ValueHistogram.Sorted sorted = second.sorted();
    int i = 0;
    for (Map.Entry<Double, Double> e : reference.entrySet()) {
      assertThat(sorted.values()[i]).isEqualTo(e.getKey());
      assertThat(sorted.weights()[i]).isEqualTo(e.getValue());
      i++;
    }
  }

  @Test
  void emptyHistogram() {
    ValueHistogram histogram = new ValueHistogram();
    assertThat(histogram.size()).isZero();
    assertThat(histogram.extreme(true, false)).isNaN();
    assertThat(histogram.sorted().values()).isEmpty();
  }

  @Test
  void compensatedWeightsMakeTiesRealTies() {
    // 0.1 + 0.2 + 0.3 rounds to 0.6000000000000001 when summed plainly; compensated it is the
    // double nearest
    // the exact sum of the three doubles, the same as 0.3 + 0.2 + 0.1 gives.
    ValueHistogram a = new ValueHistogram();
    a.add(1, 0.1);
    a.add(1, 0.2);
    a.add(1, 0.3);
    ValueHistogram b = new ValueHistogram();
    b.add(1, 0.3);
    b.add(1, 0.2);
    b.add(1, 0.1);
    assertThat(a.sorted().weights()[0]).isEqualTo(b.sorted().weights()[0]);
  }
}
