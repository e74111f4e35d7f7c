package dev.terrace.engine.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * An accumulator written as bytes and read back is the accumulator written: every answer the same
 * to the bit, further cells and merges (in either direction) giving what the original would have.
 */
class CellAccumulatorBytesTest {

  private static final double[] PERCENTILES = {0, 1, 10, 25, 33.3, 50, 66.6, 75, 90, 99, 100};

  private static final long P53 = 1L << 53;

  /** Which {@code add} the cells go through. */
  enum CellKind {
    DOUBLE,
    INT64,
    UINT64
  }

  enum WeightKind {
    /** 1 for every cell: the centre and all-touched rules. */
    UNIT,
    /** k/256 up to 2: fractional, with exact sums. */
    DYADIC,
    /** Any fraction, and now and then an extreme weight. */
    ARBITRARY
  }

  /**
   * A cell: {@code value} for {@link CellKind#DOUBLE}, {@code integer} (UINT64 as its bits)
   * otherwise.
   */
  record Cell(double value, long integer, double weight) {}

  record Sample(CellKind kind, WeightKind weights, List<Cell> cells) {}

  /** What an accumulator keeps: one of the eight combinations, and a tie rule. */
  record Keeps(boolean variance, boolean histogram, boolean quantiles, TieBreak tie) {

    CellAccumulator create() {
      List<StatisticRequest> requests = new ArrayList<>();
      for (Statistic s :
          List.of(
              Statistic.COUNT,
              Statistic.SUM,
              Statistic.MEAN,
              Statistic.MIN,
              Statistic.MAX,
              Statistic.RANGE)) {
        requests.add(StatisticRequest.of(s));
      }
      if (variance) {
        requests.add(StatisticRequest.of(Statistic.STD));
      }
      if (histogram) {
        requests.add(StatisticRequest.of(Statistic.MAJORITY));
      }
      if (quantiles) {
        requests.add(StatisticRequest.percentile(90));
      }
      return CellAccumulator.of(requests, tie);
    }
  }

  @Provide
  Arbitrary<Sample> samples() {
    return Combinators.combine(Arbitraries.of(CellKind.class), Arbitraries.of(WeightKind.class))
        .flatAs((kind, weights) -> cells(kind, weights).map(c -> new Sample(kind, weights, c)));
  }

  @Provide
  Arbitrary<Keeps> keeps() {
    return Combinators.combine(
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(TieBreak.class))
        .as(Keeps::new);
  }

  private static Arbitrary<List<Cell>> cells(CellKind kind, WeightKind weightKind) {
    Arbitrary<Double> weights =
        switch (weightKind) {
          case UNIT -> Arbitraries.just(1.0);
          case DYADIC -> Arbitraries.integers().between(1, 512).map(k -> k / 256.0);
          case ARBITRARY ->
              Arbitraries.frequencyOf(
                  Tuple.of(20, Arbitraries.doubles().between(1e-6, 1).ofScale(12)),
                  Tuple.of(1, Arbitraries.of(Double.MIN_VALUE, 1e-300, 1e300, 3.5)));
        };
    Arbitrary<Cell> valid;
    if (kind == CellKind.DOUBLE) {
      // Few classes (ties), continuous values, and the doubles that trip encodings up.
      Arbitrary<Double> values =
          Arbitraries.frequencyOf(
              Tuple.of(3, Arbitraries.integers().between(-4, 6).map(i -> (double) i)),
              Tuple.of(2, Arbitraries.doubles().between(-1e4, 1e4).ofScale(6)),
              Tuple.of(
                  1,
                  Arbitraries.of(
                      0.0,
                      -0.0,
                      Double.MIN_VALUE,
                      -Double.MIN_VALUE,
                      1e-300,
                      1e300,
                      -1e300,
                      Double.MAX_VALUE,
                      -Double.MAX_VALUE,
                      Double.POSITIVE_INFINITY,
                      Double.NEGATIVE_INFINITY,
                      123456.789,
                      (double) P53 + 2)));
      valid = Combinators.combine(values, weights).as((v, w) -> new Cell(v, 0, w));
    } else {
      // Long.MIN_VALUE is the one key LongHistogram keeps beside its table; -1 is 2^64 - 1 as
      // UINT64.
      Arbitrary<Long> values =
          Arbitraries.frequencyOf(
              Tuple.of(3, Arbitraries.longs().between(-3, 5)),
              Tuple.of(2, Arbitraries.longs().between(P53 - 2, P53 + 4)),
              Tuple.of(1, Arbitraries.longs()),
              Tuple.of(
                  1,
                  Arbitraries.of(
                      Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, -1L, 0L, -P53 - 1)));
      valid = Combinators.combine(values, weights).as((v, w) -> new Cell(Double.NaN, v, w));
    }
    // Now and then a cell the accumulator must ignore: NaN value, weight 0 or negative.
    Arbitrary<Cell> ignored =
        Arbitraries.of(new Cell(Double.NaN, 7, 1), new Cell(3, 3, 0), new Cell(2, 2, -0.5));
    return Arbitraries.frequencyOf(Tuple.of(30, valid), Tuple.of(1, ignored)).list().ofMaxSize(200);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Round trips

  @Property(tries = 600)
  void aReadBackAccumulatorAnswersAsTheOriginal(
      @ForAll("samples") Sample sample,
      @ForAll("keeps") Keeps keeps,
      @ForAll boolean queryBeforeWriting) {
    CellAccumulator original = fill(keeps.create(), sample, sample.cells());
    if (queryBeforeWriting) {
      // Queries sort the stored values and cache quantiles: the encoding must not care.
      answers(original);
    }
    CellAccumulator copy = roundTrip(original);
    assertThat(answers(copy)).isEqualTo(answers(original));
    // And again, from the copy: nothing is lost on a second trip either.
    assertThat(answers(roundTrip(copy))).isEqualTo(answers(original));
  }

  @Property(tries = 400)
  void aReadBackAccumulatorTakesFurtherCellsAsTheOriginal(
      @ForAll("samples") Sample sample,
      @ForAll("keeps") Keeps keeps,
      @ForAll @IntRange(min = 0, max = 200) int cut) {
    List<Cell> cells = sample.cells();
    int at = Math.min(cut, cells.size());
    CellAccumulator original = fill(keeps.create(), sample, cells.subList(0, at));
    CellAccumulator copy = roundTrip(original);
    fill(original, sample, cells.subList(at, cells.size()));
    fill(copy, sample, cells.subList(at, cells.size()));
    assertThat(answers(copy)).isEqualTo(answers(original));
  }

  @Property(tries = 400)
  void mergingReadBacksEqualsMergingTheOriginals(
      @ForAll("samples") Sample sample,
      @ForAll("keeps") Keeps keeps,
      @ForAll @IntRange(min = 1, max = 6) int parts,
      @ForAll Random random) {
    List<List<Cell>> runs = split(sample.cells(), parts, random);
    List<CellAccumulator> originals = new ArrayList<>();
    List<CellAccumulator> mixed = new ArrayList<>();
    for (List<Cell> run : runs) {
      originals.add(fill(keeps.create(), sample, run));
      // Some partials read back, some not: read-backs merge into originals and the other way.
      CellAccumulator again = fill(keeps.create(), sample, run);
      mixed.add(random.nextBoolean() ? roundTrip(again) : again);
    }
    long seed = random.nextLong();
    CellAccumulator expected = mergeAll(originals, new Random(seed));
    CellAccumulator actual = mergeAll(mixed, new Random(seed));
    assertThat(answers(actual)).isEqualTo(answers(expected));
    assertThat(answers(roundTrip(actual))).isEqualTo(answers(expected));
  }

  @Test
  void everyCombinationOfKeptStatisticsRoundTrips() {
    Sample doubles =
        new Sample(
            CellKind.DOUBLE,
            WeightKind.ARBITRARY,
            List.of(
                new Cell(2, 0, 1),
                new Cell(-0.0, 0, 0.25),
                new Cell(2, 0, 0.5),
                new Cell(Double.NaN, 0, 1),
                new Cell(1e300, 0, 1e-300),
                new Cell(7.5, 0, 1),
                new Cell(7.5, 0, 0.75)));
    Sample integers =
        new Sample(
            CellKind.UINT64,
            WeightKind.ARBITRARY,
            List.of(
                new Cell(0, Long.MIN_VALUE, 1),
                new Cell(0, -1L, 0.5),
                new Cell(0, P53 + 1, 1),
                new Cell(0, P53, 1),
                new Cell(0, Long.MIN_VALUE, 0.5)));
    for (boolean variance : new boolean[] {false, true}) {
      for (boolean histogram : new boolean[] {false, true}) {
        for (boolean quantiles : new boolean[] {false, true}) {
          for (TieBreak tie : TieBreak.values()) {
            Keeps keeps = new Keeps(variance, histogram, quantiles, tie);
            for (Sample sample : List.of(doubles, integers)) {
              CellAccumulator original = fill(keeps.create(), sample, sample.cells());
              assertThat(answers(roundTrip(original))).as("%s", keeps).isEqualTo(answers(original));
            }
            CellAccumulator empty = keeps.create();
            CellAccumulator emptyCopy = roundTrip(empty);
            assertThat(emptyCopy.isEmpty()).isTrue();
            assertThat(answers(emptyCopy)).as("%s empty", keeps).isEqualTo(answers(empty));
            // An empty read-back still takes either kind of cell, and merges with its kind.
            CellAccumulator filled = fill(emptyCopy, integers, integers.cells());
            filled.merge(fill(keeps.create(), integers, integers.cells()));
            CellAccumulator reference = fill(keeps.create(), integers, integers.cells());
            reference.merge(fill(keeps.create(), integers, integers.cells()));
            assertThat(answers(filled)).isEqualTo(answers(reference));
          }
        }
      }
    }
  }

  @Test
  void accumulatorsFollowEachOtherInOneStream() throws IOException {
    CellAccumulator a = CellAccumulator.of(Statistic.values());
    CellAccumulator b = CellAccumulator.of(Statistic.MEAN, Statistic.MEDIAN);
    for (int i = 0; i < 50; i++) {
      a.add(i % 7, 1 + (i % 3) / 4.0);
      b.add(i * 0.1, 1);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    a.writeTo(out);
    b.writeTo(out);
    out.writeInt(42);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(answers(CellAccumulator.readFrom(in))).isEqualTo(answers(a));
    assertThat(answers(CellAccumulator.readFrom(in))).isEqualTo(answers(b));
    assertThat(in.readInt()).isEqualTo(42);
  }

  @Test
  void roundTripsThroughAFile() throws IOException {
    CellAccumulator acc = CellAccumulator.of(Statistic.values());
    acc.add(P53 + 1, false, 0.5);
    acc.add(Long.MIN_VALUE, false, 1);
    acc.add(P53 + 1, false, 1);
    Path file = Files.createTempFile("accumulator", ".bin");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      acc.writeTo(raf);
      raf.seek(0);
      assertThat(answers(CellAccumulator.readFrom(raf))).isEqualTo(answers(acc));
      assertThat(raf.getFilePointer()).isEqualTo(raf.length());
    } finally {
      Files.delete(file);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Size

  @Test
  void aMeanOfThreeCellsTakesTensOfBytes() {
    CellAccumulator acc = CellAccumulator.of(Statistic.MEAN);
    acc.add(1.5);
    acc.add(2.5, 0.25);
    acc.add(-3);
    assertThat(acc.toBytes()).hasSizeLessThan(100);
    // Nothing grows with the cells when nothing per cell is kept.
    for (int i = 0; i < 10_000; i++) {
      acc.add(i);
    }
    assertThat(acc.toBytes()).hasSizeLessThan(100);
  }

  @Test
  void onlyTheUsedPartOfArraysIsWritten() {
    CellAccumulator stored = CellAccumulator.of(Statistic.MEDIAN);
    CellAccumulator histogram = CellAccumulator.of(Statistic.MAJORITY);
    for (double v : new double[] {4, 1, 4}) {
      stored.add(v);
      histogram.add(v);
    }
    // 8 bytes a stored value; 24 a class (value, weight and its compensation).
    assertThat(stored.toBytes()).hasSizeLessThan(100);
    assertThat(histogram.toBytes()).hasSizeLessThan(120);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Refusals

  @Test
  void everyTruncationIsRefused() throws IOException {
    for (CellAccumulator acc : someAccumulators()) {
      byte[] bytes = acc.toBytes();
      for (int n = 0; n < bytes.length; n++) {
        byte[] prefix = Arrays.copyOf(bytes, n);
        assertThatThrownBy(() -> CellAccumulator.fromBytes(prefix))
            .as("%d of %d bytes", n, bytes.length)
            .isInstanceOf(IOException.class);
        assertThatThrownBy(
                () ->
                    CellAccumulator.readFrom(new DataInputStream(new ByteArrayInputStream(prefix))))
            .isInstanceOf(IOException.class);
      }
      assertThat(answers(CellAccumulator.fromBytes(bytes))).isEqualTo(answers(acc));
    }
  }

  @Test
  void everyCorruptByteIsRefused() {
    for (CellAccumulator acc : someAccumulators()) {
      byte[] bytes = acc.toBytes();
      for (int i = 0; i < bytes.length; i++) {
        for (int flip : new int[] {0x01, 0x80, 0xFF}) {
          byte[] corrupt = bytes.clone();
          corrupt[i] ^= (byte) flip;
          assertThatThrownBy(() -> CellAccumulator.fromBytes(corrupt))
              .as("byte %d of %d xor %x", i, bytes.length, flip)
              .isInstanceOf(IOException.class);
        }
      }
    }
  }

  @Test
  void anUnknownVersionIsRefused() {
    for (int version : new int[] {0, 2, 255}) {
      byte[] bytes = CellAccumulator.of(Statistic.MEAN).toBytes();
      bytes[0] = (byte) version;
      assertThatThrownBy(() -> CellAccumulator.fromBytes(bytes))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("version " + version);
    }
  }

  @Test
  void trailingBytesAreRefused() {
    byte[] bytes = CellAccumulator.of(Statistic.MEAN).toBytes();
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> CellAccumulator.fromBytes(longer))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("after the accumulator");
  }

  // ---------------------------------------------------------------------------------------------------------

  private static List<CellAccumulator> someAccumulators() {
    CellAccumulator all = CellAccumulator.of(Statistic.values());
    CellAccumulator quantiles = CellAccumulator.of(Statistic.MEDIAN, Statistic.STD);
    CellAccumulator integers = CellAccumulator.of(Statistic.values());
    CellAccumulator integerQuantiles = CellAccumulator.of(Statistic.MEDIAN);
    for (int i = 0; i < 12; i++) {
      all.add(i % 4, i % 3 == 0 ? 1 : 0.5);
      quantiles.add(i * 1.5, i % 2 == 0 ? 1 : 0.25 + i / 64.0);
      integers.add(i % 2 == 0 ? Long.MIN_VALUE : P53 + i, false, 1);
      integerQuantiles.add(-i, true, 0.5);
    }
    return List.of(CellAccumulator.of(Statistic.MEAN), all, quantiles, integers, integerQuantiles);
  }

  private static CellAccumulator roundTrip(CellAccumulator acc) {
    try {
      return CellAccumulator.fromBytes(acc.toBytes());
    } catch (IOException e) {
      throw new AssertionError("an accumulator's own bytes were refused", e);
    }
  }

  private static CellAccumulator fill(CellAccumulator acc, Sample sample, List<Cell> cells) {
    for (Cell cell : cells) {
      switch (sample.kind()) {
        case DOUBLE -> acc.add(cell.value(), cell.weight());
        case INT64 -> acc.add(cell.integer(), false, cell.weight());
        case UINT64 -> acc.add(cell.integer(), true, cell.weight());
      }
    }
    return acc;
  }

  /** Cuts the cells at random points into {@code parts} runs, some possibly empty. */
  private static List<List<Cell>> split(List<Cell> cells, int parts, Random random) {
    int[] cuts = new int[parts + 1];
    cuts[parts] = cells.size();
    for (int i = 1; i < parts; i++) {
      cuts[i] = random.nextInt(cells.size() + 1);
    }
    Arrays.sort(cuts);
    List<List<Cell>> runs = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      runs.add(cells.subList(cuts[i], cuts[i + 1]));
    }
    return runs;
  }

  /** Merges pairwise in an order drawn from {@code random}: the same seed, the same order. */
  private static CellAccumulator mergeAll(List<CellAccumulator> partials, Random random) {
    List<CellAccumulator> left = new ArrayList<>(partials);
    while (left.size() > 1) {
      int into = random.nextInt(left.size());
      int from = random.nextInt(left.size() - 1);
      if (from >= into) {
        from++;
      }
      left.get(into).merge(left.get(from));
      left.remove(from);
    }
    return left.get(0);
  }

  /**
   * Every answer the accumulator gives, accessors and {@link CellAccumulator#result} alike, as text
   * that tells doubles apart by their bits (so 0.0 and -0.0, and NaNs, differ); an answer that
   * throws is its exception.
   */
  private static List<String> answers(CellAccumulator acc) {
    List<String> answers = new ArrayList<>();
    answers.add("isEmpty " + acc.isEmpty());
    answers.add("cells " + acc.cells());
    answers.add("count " + bits(acc.count()));
    answers.add("sum " + bits(acc.sum()));
    answer(answers, "mean", acc::mean);
    answer(answers, "min", acc::min);
    answer(answers, "max", acc::max);
    answer(answers, "range", acc::range);
    answer(answers, "std", acc::std);
    answer(answers, "variance", acc::variance);
    answer(answers, "cv", acc::coefficientOfVariation);
    answer(answers, "median", acc::median);
    answer(answers, "majority", acc::majority);
    answer(answers, "minority", acc::minority);
    answer(answers, "variety", acc::variety);
    answer(answers, "unique", acc::unique);
    answer(answers, "distribution", acc::distribution);
    answer(answers, "histogram", acc::histogram);
    for (double p : PERCENTILES) {
      answer(answers, "percentile " + p, () -> acc.percentile(p));
    }
    List<StatisticRequest> requests = new ArrayList<>();
    for (Statistic statistic : Statistic.values()) {
      if (statistic != Statistic.PERCENTILE) {
        requests.add(StatisticRequest.of(statistic));
      }
    }
    for (double p : PERCENTILES) {
      requests.add(StatisticRequest.percentile(p));
    }
    for (StatisticRequest request : requests) {
      answer(answers, "result " + request, () -> acc.result(request));
      if (request.statistic().isScalar()) {
        answer(answers, "value " + request, () -> acc.value(request));
      }
    }
    return answers;
  }

  private static void answer(List<String> answers, String name, Supplier<Object> answer) {
    String outcome;
    try {
      outcome = bits(answer.get());
    } catch (RuntimeException e) {
      outcome = "throws " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    answers.add(name + " " + outcome);
  }

  private static String bits(Object answer) {
    return switch (answer) {
      case null -> "null";
      case Double d -> "double " + Long.toHexString(Double.doubleToRawLongBits(d));
      case OptionalDouble o ->
          o.isPresent() ? "some " + bits(o.getAsDouble()) : "OptionalDouble.empty";
      case double[] a -> bits(Arrays.stream(a).boxed().toList());
      case List<?> list -> "list " + list.stream().map(CellAccumulatorBytesTest::bits).toList();
      case Map<?, ?> map ->
          "map "
              + map.entrySet().stream()
                  .map(e -> bits(e.getKey()) + "=" + bits(e.getValue()))
                  .toList();
      default -> answer.getClass().getSimpleName() + " " + answer;
    };
  }
}
