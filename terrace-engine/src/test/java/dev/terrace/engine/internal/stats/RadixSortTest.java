package dev.terrace.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RadixSortTest {

  @Provide
  Arbitrary<Double> values() {
    // Every kind of double an accumulator stores (no NaN, no -0.0): Float32 elevations, which leave
    // the low
    // bytes zero, small integers, arbitrary bit patterns of both signs, and the extremes.
    return Arbitraries.frequencyOf(
            List.of(
                Tuple.of(4, Arbitraries.floats().between(-500, 9000).map(f -> (double) f)),
                Tuple.of(2, Arbitraries.integers().between(-3, 3).map(i -> (double) i)),
                Tuple.of(2, Arbitraries.longs().map(Double::longBitsToDouble)),
                Tuple.of(
                    1,
                    Arbitraries.of(
                        Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY,
                        Double.MIN_VALUE,
                        -Double.MIN_VALUE,
                        Double.MAX_VALUE,
                        -Double.MAX_VALUE,
                        0.0))))
        .filter(
            v ->
                !Double.isNaN(v)
                    && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0));
  }

  @Property(tries = 300)
  void sortsAsArraysSortDoes(
      @ForAll("values") double seed,
      @ForAll @IntRange(min = 0, max = 3000) int n,
      @ForAll Random random) {
    double[] values = new double[n + 5];
    Arbitrary<Double> arbitrary = values();
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(4) == 0 ? seed : arbitrary.sample();
    }
    double[] expected = values.clone();
    Arrays.sort(expected, 0, n);

    RadixSort.sort(values, n);

    assertThat(values).as("n=%d", n).isEqualTo(expected);
  }

  @Test
  void sortsValuesThatDifferInOneByteOnlyOrNotAtAll() {
    double[] oneByte = new double[1000];
    double[] constant = new double[1000];
    Random random = new Random(5);
    for (int i = 0; i < oneByte.length; i++) {
      oneByte[i] = 1000 + random.nextInt(256) / 256.0;
      constant[i] = -7.5;
    }
    double[] expected = oneByte.clone();
    Arrays.sort(expected);

    RadixSort.sort(oneByte, oneByte.length);
    RadixSort.sort(constant, constant.length);

    assertThat(oneByte).isEqualTo(expected);
    assertThat(constant).containsOnly(-7.5);
  }
}
