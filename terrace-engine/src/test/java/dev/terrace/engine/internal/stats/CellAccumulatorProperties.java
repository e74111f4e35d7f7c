package dev.terrace.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class CellAccumulatorProperties {

  private static final double[] PERCENTILES = {0, 1, 10, 25, 33.3, 50, 66.6, 75, 90, 99, 100};

  /**
   * How a sample's weights are drawn; the kind decides which answers must agree to the last bit.
   */
  enum WeightKind {
    /**
     * 1 for every cell, as under the centre and all-touched rules: every sum of weights is exact.
     */
    UNIT,
    /** k/256: fractional, yet every sum of weights is exact, so ties are real ties. */
    DYADIC,
    /** Any fraction in [1e-6, 1]: sums of weights round. */
    ARBITRARY
  }

  record Cell(double value, double weight) {}

  record Sample(WeightKind kind, List<Cell> cells) {}

  @Provide
  Arbitrary<Sample> samples() {
    return Arbitraries.of(WeightKind.class)
        .flatMap(kind -> cells(kind).map(cells -> new Sample(kind, cells)));
  }

  @Provide
  Arbitrary<Sample> unitSamples() {
    return cells(WeightKind.UNIT).map(cells -> new Sample(WeightKind.UNIT, cells));
  }

  private static Arbitrary<List<Cell>> cells(WeightKind kind) {
    // Few classes (ties, repeated values), wide continuous values, and a mixture of both.
    Arbitrary<Double> classes = Arbitraries.integers().between(-4, 6).map(i -> (double) i);
    Arbitrary<Double> continuous = Arbitraries.doubles().between(-1e4, 1e4).ofScale(6);
    Arbitrary<Double> special = Arbitraries.of(0.0, -0.0, 1e-300, 123456.789);
    Arbitrary<Double> values =
        Arbitraries.frequencyOf(
            List.of(Tuple.of(3, classes), Tuple.of(2, continuous), Tuple.of(1, special)));
    Arbitrary<Double> weights =
        switch (kind) {
          case UNIT -> Arbitraries.just(1.0);
          case DYADIC -> Arbitraries.integers().between(1, 256).map(k -> k / 256.0);
          case ARBITRARY -> Arbitraries.doubles().between(1e-6, 1).ofScale(12);
        };
    // Now and then a cell the accumulator must ignore: NaN value, weight 0 or negative.
    Arbitrary<Cell> valid = Combinators.combine(values, weights).as(Cell::new);
    Arbitrary<Cell> ignored =
        Arbitraries.of(new Cell(Double.NaN, 1), new Cell(3, 0), new Cell(2, -0.5));
    return Arbitraries.frequencyOf(List.of(Tuple.of(30, valid), Tuple.of(1, ignored)))
        .list()
        .ofMaxSize(300);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Splitting and merging

  @Property(tries = 400)
  void mergedPartsEqualOneAccumulator(
      @ForAll("samples") Sample sample,
      @ForAll @IntRange(min = 1, max = 8) int parts,
      @ForAll Random random) {
    CellAccumulator whole = fill(CellAccumulator.of(Statistic.values()), sample.cells());
    CellAccumulator merged =
        splitAndMerge(CellAccumulator.of(Statistic.values()), sample.cells(), parts, random);
    boolean exactWeights = sample.kind() != WeightKind.ARBITRARY;

    assertThat(merged.cells()).isEqualTo(whole.cells());
    assertThat(merged.min()).isEqualTo(whole.min());
    assertThat(merged.max()).isEqualTo(whole.max());
    assertThat(merged.variety()).isEqualTo(whole.variety());
    assertThat(merged.unique()).isEqualTo(whole.unique());
    assertRelative(merged.count(), whole.count(), 1e-12, whole.count());
    assertRelative(merged.sum(), whole.sum(), 1e-12, absoluteSum(sample.cells()));
    assertClose(merged.std(), whole.std(), 1e-9 * range(whole));
    assertThat(merged.range()).isEqualTo(whole.range());
    if (exactWeights) {
      assertThat(merged.count()).isEqualTo(whole.count());
      assertThat(merged.histogram()).isEqualTo(whole.histogram());
      assertThat(merged.majority()).isEqualTo(whole.majority());
      assertThat(merged.minority()).isEqualTo(whole.minority());
      assertThat(merged.distribution()).isEqualTo(whole.distribution());
      assertThat(merged.median()).isEqualTo(whole.median());
      for (double p : PERCENTILES) {
        assertThat(merged.percentile(p)).as("P%s", p).isEqualTo(whole.percentile(p));
      }
    } else {
      // Weight sums round, so a near-tie may go either way: each answer must still be a valid
      // majority.
      assertSameExtreme(merged.majority(), whole.majority(), whole.distribution());
      assertSameExtreme(merged.minority(), whole.minority(), whole.distribution());
      assertThat(merged.distribution().keySet()).isEqualTo(whole.distribution().keySet());
      whole
          .distribution()
          .forEach(
              (v, share) ->
                  assertThat(merged.distribution().get(v)).isCloseTo(share, within(1e-12)));
      assertClose(merged.median(), whole.median(), 1e-9 * range(whole));
      for (double p : PERCENTILES) {
        assertClose(merged.percentile(p), whole.percentile(p), 1e-9 * range(whole));
      }
    }
  }

  @Property(tries = 400)
  void mergedStoredValuesGiveTheSameQuantilesToTheBit(
      @ForAll("samples") Sample sample,
      @ForAll @IntRange(min = 1, max = 8) int parts,
      @ForAll Random random) {
    // Stored (value, weight) pairs are sorted into one canonical order, so every weight kind is
    // exact.
    CellAccumulator whole =
        fill(CellAccumulator.of(Statistic.MEDIAN, Statistic.PERCENTILE), sample.cells());
    CellAccumulator merged =
        splitAndMerge(
            CellAccumulator.of(Statistic.MEDIAN, Statistic.PERCENTILE),
            sample.cells(),
            parts,
            random);
    assertThat(merged.median()).isEqualTo(whole.median());
    for (double p : PERCENTILES) {
      assertThat(merged.percentile(p)).as("P%s", p).isEqualTo(whole.percentile(p));
    }
  }

  @Property(tries = 300)
  void aZoneOfOneValueHasThatMeanAndNoSpread(
      @ForAll("samples") Sample sample,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) @Scale(7) double value,
      @ForAll @IntRange(min = 1, max = 8) int parts,
      @ForAll Random random) {
    List<Cell> cells = sample.cells().stream().map(c -> new Cell(value, c.weight())).toList();
    CellAccumulator merged =
        splitAndMerge(CellAccumulator.of(Statistic.values()), cells, parts, random);
    if (merged.isEmpty()) {
      return;
    }
    assertThat(merged.mean()).hasValue(value + 0.0);
    assertThat(merged.std()).hasValue(0.0);
    assertThat(merged.median()).hasValue(value + 0.0);
    assertThat(merged.majority()).hasValue(value + 0.0);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Definitions against references

  @Property(tries = 400)
  void meanTimesCountIsSum(@ForAll("samples") Sample sample) {
    CellAccumulator acc = fill(CellAccumulator.of(Statistic.MEAN), sample.cells());
    if (acc.isEmpty()) {
      assertThat(acc.mean()).isEmpty();
      return;
    }
    assertRelative(acc.mean().getAsDouble() * acc.count(), acc.sum(), 1e-12, Math.abs(acc.sum()));
  }

  @Property(tries = 400)
  void sumsMatchExactArithmetic(@ForAll("samples") Sample sample) {
    CellAccumulator acc = fill(CellAccumulator.of(Statistic.SUM), sample.cells());
    BigDecimal count = BigDecimal.ZERO;
    BigDecimal sum = BigDecimal.ZERO;
    for (Cell cell : valid(sample.cells())) {
      count = count.add(new BigDecimal(cell.weight()));
      // The product w·x is rounded once, as the accumulator does; the sum of products is exact
      // here.
      sum = sum.add(new BigDecimal(cell.weight() * (cell.value() + 0.0)));
    }
    assertRelative(acc.count(), count.doubleValue(), 1e-15, count.doubleValue());
    assertRelative(acc.sum(), sum.doubleValue(), 1e-15, absoluteSum(sample.cells()));
  }

  @Property(tries = 400)
  void unitWeightMedianIsTheSortedMiddle(@ForAll("unitSamples") Sample sample) {
    double[] sorted =
        valid(sample.cells()).stream().mapToDouble(c -> c.value() + 0.0).sorted().toArray();
    for (CellAccumulator acc :
        List.of(CellAccumulator.of(Statistic.MEDIAN), CellAccumulator.of(Statistic.values()))) {
      fill(acc, sample.cells());
      if (sorted.length == 0) {
        assertThat(acc.median()).isEmpty();
        continue;
      }
      int n = sorted.length;
      double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      assertThat(acc.median()).hasValue(expected);
      for (double p : PERCENTILES) {
        double h = (n - 1) * (p / 100);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        double reference = sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo);
        assertThat(acc.percentile(p).getAsDouble())
            .as("P%s", p)
            .isCloseTo(reference, within(1e-12 * range(acc)));
      }
    }
  }

  @Property(tries = 400)
  void weightedQuantileFollowsItsDefinition(@ForAll("samples") Sample sample) {
    // exactextract's weighted quantile, written out plainly over a TreeMap of total weights per
    // value.
    TreeMap<Double, Double> totals = new TreeMap<>();
    for (Cell cell : valid(sample.cells())) {
      totals.merge(cell.value() + 0.0, cell.weight(), Double::sum);
    }
    CellAccumulator stored = fill(CellAccumulator.of(Statistic.PERCENTILE), sample.cells());
    CellAccumulator hist = fill(CellAccumulator.of(Statistic.values()), sample.cells());
    if (totals.isEmpty()) {
      assertThat(stored.median()).isEmpty();
      assertThat(hist.median()).isEmpty();
      return;
    }
    boolean equalWeights =
        valid(sample.cells()).stream().mapToDouble(Cell::weight).distinct().count() == 1;
    if (equalWeights) {
      return; // numpy's definition applies: covered by the unit-weight property
    }
    double[] x = totals.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    double[] w = totals.values().stream().mapToDouble(Double::doubleValue).toArray();
    int m = x.length;
    double[] s = new double[m];
    double cumulative = 0;
    for (int i = 0; i < m; i++) {
      s[i] = i * w[i] + (m - 1) * cumulative;
      cumulative += w[i];
    }
    double tolerance = 1e-9 * range(hist) + 1e-300;
    for (double p : PERCENTILES) {
      double target = p / 100 * s[m - 1];
      double expected = x[m - 1];
      for (int i = 0; i + 1 < m; i++) {
        if (s[i] <= target && target < s[i + 1]) {
          expected = x[i] + (target - s[i]) * (x[i + 1] - x[i]) / (s[i + 1] - s[i]);
          break;
        }
      }
      assertThat(stored.percentile(p).getAsDouble())
          .as("P%s stored", p)
          .isCloseTo(expected, within(tolerance));
      assertThat(hist.percentile(p).getAsDouble())
          .as("P%s histogram", p)
          .isCloseTo(expected, within(tolerance));
    }
    assertThat(stored.median().getAsDouble())
        .isCloseTo(stored.percentile(50).getAsDouble(), within(0.0));
  }

  @Property(tries = 400)
  void percentilesAreMonotoneAndWithinMinMax(@ForAll("samples") Sample sample) {
    for (CellAccumulator acc :
        List.of(CellAccumulator.of(Statistic.PERCENTILE), CellAccumulator.of(Statistic.values()))) {
      fill(acc, sample.cells());
      if (acc.isEmpty()) {
        continue;
      }
      assertThat(acc.percentile(0)).isEqualTo(acc.min());
      assertThat(acc.percentile(100)).isEqualTo(acc.max());
      double previous = Double.NEGATIVE_INFINITY;
      for (double p : PERCENTILES) {
        double q = acc.percentile(p).getAsDouble();
        assertThat(q)
            .isGreaterThanOrEqualTo(previous)
            .isBetween(acc.min().getAsDouble(), acc.max().getAsDouble());
        previous = q;
      }
    }
  }

  @Property(tries = 400)
  void stdFollowsTheDefinition(@ForAll("samples") Sample sample) {
    CellAccumulator acc = fill(CellAccumulator.of(Statistic.STD), sample.cells());
    List<Cell> valid = valid(sample.cells());
    if (valid.isEmpty()) {
      assertThat(acc.std()).isEmpty();
      return;
    }
    // Two passes in (practically) exact arithmetic: the mean, then Σ w·(x − mean)² / Σ w. 34 digits
    // would not
    // do: a constant 123456.789 has a 50-digit binary expansion, and a rounded mean leaves a
    // spurious spread.
    MathContext mc = new MathContext(200);
    BigDecimal w = BigDecimal.ZERO;
    BigDecimal wx = BigDecimal.ZERO;
    for (Cell cell : valid) {
      w = w.add(new BigDecimal(cell.weight()));
      wx = wx.add(new BigDecimal(cell.weight()).multiply(new BigDecimal(cell.value())));
    }
    BigDecimal mean = wx.divide(w, mc);
    BigDecimal m2 = BigDecimal.ZERO;
    for (Cell cell : valid) {
      BigDecimal d = new BigDecimal(cell.value()).subtract(mean);
      m2 = m2.add(new BigDecimal(cell.weight()).multiply(d).multiply(d), mc);
    }
    double expected = Math.sqrt(m2.divide(w, mc).doubleValue());
    assertThat(acc.std().getAsDouble())
        .isCloseTo(expected, within(1e-12 * range(acc) + 1e-12 * expected));
  }

  @Property(tries = 200)
  void distributionSharesAddUpToOne(@ForAll("samples") Sample sample) {
    CellAccumulator acc = fill(CellAccumulator.of(Statistic.DISTRIBUTION), sample.cells());
    SortedMap<Double, Double> distribution = acc.distribution();
    assertThat(distribution).hasSize(acc.variety());
    if (!acc.isEmpty()) {
      assertThat(distribution.values().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1.0, within(1e-12));
      assertThat(acc.majority().getAsDouble())
          .isEqualTo(
              Collections.max(
                      distribution.entrySet(),
                      (a, b) ->
                          a.getValue().equals(b.getValue())
                              ? Double.compare(b.getKey(), a.getKey())
                              : Double.compare(a.getValue(), b.getValue()))
                  .getKey());
    }
  }

  @Property(tries = 100)
  void percentileOfOneCellIsThatCell(
      @ForAll @DoubleRange(min = -1e6, max = 1e6) @Scale(6) double value,
      @ForAll @DoubleRange(min = 1e-6, max = 1) @Scale(9) double weight,
      @ForAll @DoubleRange(min = 0, max = 100) double p) {
    CellAccumulator acc = CellAccumulator.of(Statistic.values());
    acc.add(value, weight);
    assertThat(acc.percentile(p)).hasValue(value + 0.0);
    assertThat(acc.majority()).hasValue(value + 0.0);
    assertThat(acc.std()).hasValue(0.0);
  }

  // ---------------------------------------------------------------------------------------------------------

  private static CellAccumulator fill(CellAccumulator acc, List<Cell> cells) {
    for (Cell cell : cells) {
      acc.add(cell.value(), cell.weight());
    }
    return acc;
  }

  /**
   * Cuts the cells at random points into {@code parts} runs (some possibly empty), fills one
   * accumulator per run, and merges them pairwise in random order: any grouping, any order, as
   * tiles finishing in parallel do.
   */
  private static CellAccumulator splitAndMerge(
      CellAccumulator template, List<Cell> cells, int parts, Random random) {
    int[] cuts = new int[parts + 1];
    cuts[parts] = cells.size();
    for (int i = 1; i < parts; i++) {
      cuts[i] = random.nextInt(cells.size() + 1);
    }
    Arrays.sort(cuts);
    List<CellAccumulator> partials = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      partials.add(fill(template.emptyCopy(), cells.subList(cuts[i], cuts[i + 1])));
    }
    while (partials.size() > 1) {
      CellAccumulator into = partials.get(random.nextInt(partials.size()));
      CellAccumulator from;
      do {
        from = partials.get(random.nextInt(partials.size()));
      } while (from == into);
      into.merge(from);
      partials.remove(from);
    }
    return partials.get(0);
  }

  private static List<Cell> valid(List<Cell> cells) {
    return cells.stream().filter(c -> !Double.isNaN(c.value()) && c.weight() > 0).toList();
  }

  private static double absoluteSum(List<Cell> cells) {
    return valid(cells).stream().mapToDouble(c -> Math.abs(c.weight() * c.value())).sum();
  }

  private static double range(CellAccumulator acc) {
    return acc.isEmpty() ? 0 : acc.max().getAsDouble() - acc.min().getAsDouble();
  }

  private static void assertRelative(
      double actual, double expected, double relative, double scale) {
    assertThat(actual).isCloseTo(expected, within(relative * scale + Double.MIN_VALUE));
  }

  private static void assertClose(
      OptionalDouble actual, OptionalDouble expected, double tolerance) {
    assertThat(actual.isPresent()).isEqualTo(expected.isPresent());
    if (expected.isPresent()) {
      assertThat(actual.getAsDouble())
          .isCloseTo(expected.getAsDouble(), within(tolerance + Double.MIN_VALUE));
    }
  }

  /**
   * Both values are classes whose total weights agree to 1e-12: equally valid majorities (or
   * minorities).
   */
  private static void assertSameExtreme(
      OptionalDouble actual, OptionalDouble expected, Map<Double, Double> shares) {
    assertThat(actual.isPresent()).isEqualTo(expected.isPresent());
    if (expected.isPresent() && actual.getAsDouble() != expected.getAsDouble()) {
      assertThat(shares.get(actual.getAsDouble()))
          .isCloseTo(shares.get(expected.getAsDouble()), within(1e-12));
    }
  }
}
