package dev.terrace.engine.internal.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Zonal statistics over weighted cells, mergeable: exactextract's {@code RasterStats}. Each cell is
 * added with its value and its weight, the fraction of the cell the geometry covers ({@code exact}
 * rule) or 1 ({@code center}, {@code all_touched}). Accumulators filled with disjoint parts of the
 * cells (one per tile, say) and then {@linkplain #merge merged}, in any grouping and order, answer
 * as one accumulator fed every cell: bit for bit for cells, min, max, variety and unique, for
 * median and percentiles computed from stored values, and for majority, minority, distribution and
 * quantiles from the histogram whenever the weight sums involved are exact (always for unit
 * weights). Count, sum and mean use compensated summation, so the order of the terms moves them by
 * at most about ε·|sum| + n·ε²·Σ|w·x| (ε = 2⁻⁵³); std, whose merge is Chan's pairwise update, moves
 * by rounding.
 *
 * <p>An accumulator is created for the statistics a request asks for and keeps only what they need
 * ({@link Statistic#needsVariance()}, {@link Statistic#needsValues()}, {@link
 * Statistic#needsHistogram()}): count, sum, min and max always; the running variance for STD; the
 * total weight per distinct value (an open-addressing hash on the value's bits) for MAJORITY,
 * MINORITY, VARIETY, UNIQUE, DISTRIBUTION and HISTOGRAM; every (value, weight) pair for MEDIAN and
 * PERCENTILE, unless it keeps the histogram anyway, which answers quantiles too. Asking for a
 * statistic it was not created for throws {@link IllegalStateException}.
 *
 * <p>An empty accumulator (no cell with positive weight: everything was nodata, outside, or not
 * covered) answers as exactextract does: COUNT, SUM and VARIETY 0; UNIQUE, DISTRIBUTION and
 * HISTOGRAM with no value and no class; and no value for the statistics of the values themselves
 * (MEAN, MIN, MAX, RANGE, STD, VARIANCE, COEFFICIENT_OF_VARIATION, MEDIAN, PERCENTILE, MAJORITY,
 * MINORITY), where exactextract has NaN or null.
 *
 * <p>MAJORITY and MINORITY answer one value when several share the largest (smallest) total weight:
 * the lowest of them or the highest, by the {@link TieBreak} the accumulator was created with
 * (lowest unless told otherwise). exactextract's {@code majority} takes the highest and its {@code
 * minority} the lowest.
 *
 * <p>Values are compared as doubles: two values are one class of the histogram only if they are the
 * same double (integer and categorical rasters convert exactly), except that -0.0 is taken as 0.0.
 *
 * <p>64-bit integers (INT64 and UINT64 bands without scale or offset), which doubles hold exactly
 * only up to 2^53, come in through {@link #add(long, boolean, double)} instead. The accumulator
 * then keeps min, max and the classes as longs, and {@link #result} answers MIN, MAX, MAJORITY,
 * MINORITY, UNIQUE and DISTRIBUTION's classes exactly, as {@link Long} or, for UINT64 values above
 * {@link Long#MAX_VALUE}, {@link BigInteger}; so are MEAN, MEDIAN and PERCENTILE when every cell
 * holds the same value (a point), where they equal it. Otherwise MEAN, SUM, STD, MEDIAN and
 * PERCENTILE are doubles computed from the values rounded to doubles, and the {@code double}
 * accessors ({@link #min()}, {@link #unique()}, …) round too. One accumulator takes either kind of
 * cell, never both.
 *
 * <p>An accumulator {@linkplain #writeTo writes itself} as bytes and {@linkplain #readFrom reads
 * back} as it was, so that partial accumulators computed on different machines can be shuffled or
 * spilled and merged afterwards: the read-back one answers every statistic, takes further cells and
 * merges exactly as the one written would have, to the bit.
 *
 * <p>Not thread-safe: use one accumulator per thread (per tile) and merge them afterwards. Queries
 * may reorder the stored values internally, so they count as writes too.
 */
public final class CellAccumulator {

  /** The first byte of the encoding; a reader refuses any other. */
  private static final int FORMAT_VERSION = 1;

  private static final int KEEP_VARIANCE = 1;
  private static final int KEEP_HISTOGRAM = 1 << 1;
  private static final int ANSWERS_QUANTILES = 1 << 2;
  private static final int TIE_HIGHEST = 1 << 3;
  private static final int UNIFORM_WEIGHTS = 1 << 4;
  private static final int INTEGER_CELLS = 1 << 5;
  private static final int KNOWN_FLAGS = (1 << 6) - 1;

  private final boolean keepVariance;
  private final boolean keepHistogram;
  private final boolean answersQuantiles;
  private final TieBreak tie;

  /** Cells with positive weight. */
  private long cells;

  /** Σ w, compensated: {@code count + countComp}. */
  private double count;

  private double countComp;

  /** Σ w·x, compensated: {@code sum + sumComp}. */
  private double sum;

  private double sumComp;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /** The weight of the first cell, and whether every cell since had that same weight. */
  private double firstWeight = Double.NaN;

  private boolean uniformWeights = true;

  /**
   * West's weighted running mean and sum of squared deviations, Σ w·(x − mean)²; stable where the
   * textbook Σ w·x² − (Σ w·x)²/Σ w cancels catastrophically (elevations of 1000 m varying by
   * centimetres).
   */
  private double varianceWeight;

  private double varianceMean;
  private double varianceM2;

  /** Null unless a statistic needs the histogram and the cells are not 64-bit integers. */
  private ValueHistogram histogram;

  /** Null until a 64-bit integer cell arrives; then their exact min, max and classes. */
  private IntegerCells integers;

  /** Null unless a quantile is asked for and there is no histogram to answer it. */
  private final StoredValues stored;

  /** Built on the first quantile query, dropped when a cell arrives. */
  private Quantiles quantiles;

  private CellAccumulator(
      boolean keepVariance, boolean keepHistogram, boolean answersQuantiles, TieBreak tie) {
    this.keepVariance = keepVariance;
    this.keepHistogram = keepHistogram;
    this.answersQuantiles = answersQuantiles;
    this.tie = Objects.requireNonNull(tie, "tie");
    this.histogram = keepHistogram ? new ValueHistogram() : null;
    this.stored = answersQuantiles && !keepHistogram ? new StoredValues() : null;
  }

  /**
   * @param requests the statistics that will be asked of the accumulator
   * @return an empty accumulator keeping what they need, whose MAJORITY and MINORITY take the
   *     lowest of a tie
   */
  public static CellAccumulator of(Collection<StatisticRequest> requests) {
    return of(requests, TieBreak.LOWEST);
  }

  /**
   * @param requests the statistics that will be asked of the accumulator
   * @param tie which of the values tied for MAJORITY or MINORITY to answer
   * @return an empty accumulator keeping what they need
   */
  public static CellAccumulator of(Collection<StatisticRequest> requests, TieBreak tie) {
    return keeping(requests.stream().map(StatisticRequest::statistic).toList(), tie);
  }

  /**
   * @param statistics the statistics that will be asked of the accumulator (PERCENTILE allows every
   *     P)
   * @return an empty accumulator keeping what they need, whose MAJORITY and MINORITY take the
   *     lowest of a tie
   */
  public static CellAccumulator of(Statistic... statistics) {
    return keeping(List.of(statistics), TieBreak.LOWEST);
  }

  private static CellAccumulator keeping(List<Statistic> statistics, TieBreak tie) {
    boolean variance = false;
    boolean histogram = false;
    boolean values = false;
    for (Statistic statistic : statistics) {
      variance |= statistic.needsVariance();
      histogram |= statistic.needsHistogram();
      values |= statistic.needsValues();
    }
    return new CellAccumulator(variance, histogram, values, tie);
  }

  /**
   * @return a new, empty accumulator keeping what this one keeps, with its tie rule: the partial
   *     accumulator for another tile
   */
  public CellAccumulator emptyCopy() {
    return new CellAccumulator(keepVariance, keepHistogram, answersQuantiles, tie);
  }

  /**
   * Adds a cell of weight 1 (centre and all-touched rules).
   *
   * @param value the cell's value; NaN is ignored
   */
  public void add(double value) {
    add(value, 1.0);
  }

  /**
   * Adds a cell. Allocates nothing, except when a stored array or the histogram grows.
   *
   * @param value the cell's value; NaN is ignored (the caller filters nodata, but NaN must never
   *     reach a sum)
   * @param weight the cell's weight, its coverage fraction; a cell with weight ≤ 0, NaN or infinite
   *     is ignored (a cell the geometry touches along an edge only has no area to count)
   */
  public void add(double value, double weight) {
    if (value != value || !(weight > 0 && weight < Double.POSITIVE_INFINITY)) {
      return;
    }
    // Fold -0.0 into 0.0, so that the two are one class and one minimum (x + 0.0 changes nothing
    // else).
    value += 0.0;
    cells++;

    double t = count + weight;
    countComp += Compensated.error(count, weight, t);
    count = t;
    double wx = weight * value;
    t = sum + wx;
    sumComp += Compensated.error(sum, wx, t);
    sum = t;

    if (value < min) {
      min = value;
    }
    if (value > max) {
      max = value;
    }
    if (weight != firstWeight) {
      if (cells == 1) {
        firstWeight = weight;
      } else {
        uniformWeights = false;
      }
    }

    if (keepVariance) {
      if (varianceWeight == 0) {
        // The first cell sets the mean exactly: the update below would give x·w/w, which can be off
        // by an ulp
        // and then make a constant zone's std a spurious 1e-12 instead of 0.
        varianceMean = value;
        varianceWeight = weight;
      } else {
        // West (1979): mean moves by w/W of the deviation; M2 grows by W_old·w/W·δ², never
        // negative.
        double newWeight = varianceWeight + weight;
        double delta = value - varianceMean;
        double r = delta * weight / newWeight;
        varianceMean += r;
        varianceM2 += varianceWeight * delta * r;
        varianceWeight = newWeight;
      }
    }
    if (histogram != null) {
      histogram.add(value, weight);
      quantiles = null;
    }
    if (stored != null) {
      stored.add(value, weight);
      quantiles = null;
    }
  }

  /**
   * Adds a 64-bit integer cell (INT64 or UINT64, no scale or offset) exactly: see the class
   * documentation.
   *
   * @param value the cell's value, or for UINT64 its bits (a value above {@link Long#MAX_VALUE} is
   *     negative)
   * @param unsigned whether the value is UINT64
   * @param weight the cell's weight, as for {@link #add(double, double)}
   * @throws IllegalStateException if cells were added as doubles, or with the other signedness
   */
  public void add(long value, boolean unsigned, double weight) {
    if (!(weight > 0 && weight < Double.POSITIVE_INFINITY)) {
      return;
    }
    if (integers == null) {
      if (cells > 0) {
        throw new IllegalStateException("64-bit integer cells cannot join cells added as doubles");
      }
      integers = new IntegerCells(unsigned, keepHistogram);
      // The classes live in the integers' own histogram; the double one would merge values beyond
      // 2^53.
      histogram = null;
    } else if (integers.unsigned() != unsigned) {
      throw new IllegalStateException("INT64 and UINT64 cells cannot be mixed");
    }
    integers.add(value, weight);
    // Everything that stays a double (count, sum, variance, stored values) takes the value as a
    // double.
    add(IntegerCells.toDouble(value, unsigned), weight);
  }

  /**
   * Adds every cell of {@code other} to this accumulator, as if they had been added here; {@code
   * other} is left as it was.
   *
   * @param other an accumulator created for the same statistics and tie rule (by {@link
   *     #emptyCopy()}, say)
   * @throws IllegalArgumentException if {@code other} keeps different things or breaks ties
   *     otherwise, or is this accumulator
   */
  public void merge(CellAccumulator other) {
    Objects.requireNonNull(other, "other");
    if (other == this) {
      throw new IllegalArgumentException("an accumulator cannot be merged into itself");
    }
    if (other.keepVariance != keepVariance
        || other.keepHistogram != keepHistogram
        || other.answersQuantiles != answersQuantiles
        || other.tie != tie) {
      throw new IllegalArgumentException(
          "accumulators for different statistics or tie rules cannot be merged");
    }
    if (other.cells == 0) {
      return;
    }
    if ((integers != null || other.integers != null) && cells > 0) {
      if (integers == null || other.integers == null) {
        throw new IllegalArgumentException(
            "64-bit integer cells cannot be merged with cells added as doubles");
      }
    }
    if (other.integers != null && integers == null) {
      integers = new IntegerCells(other.integers.unsigned(), keepHistogram);
      histogram = null;
    }
    if (integers != null) {
      integers.merge(other.integers);
    }
    boolean wasEmpty = cells == 0;
    cells += other.cells;

    double t = count + other.count;
    countComp += Compensated.error(count, other.count, t) + other.countComp;
    count = t;
    t = sum + other.sum;
    sumComp += Compensated.error(sum, other.sum, t) + other.sumComp;
    sum = t;

    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    if (wasEmpty) {
      firstWeight = other.firstWeight;
      uniformWeights = other.uniformWeights;
    } else {
      uniformWeights &= other.uniformWeights && other.firstWeight == firstWeight;
    }

    if (keepVariance) {
      if (wasEmpty) {
        varianceWeight = other.varianceWeight;
        varianceMean = other.varianceMean;
        varianceM2 = other.varianceM2;
      } else {
        // Chan, Golub and LeVeque's pairwise update, weighted.
        double newWeight = varianceWeight + other.varianceWeight;
        double delta = other.varianceMean - varianceMean;
        varianceMean += delta * (other.varianceWeight / newWeight);
        varianceM2 +=
            other.varianceM2 + delta * delta * (varianceWeight * other.varianceWeight / newWeight);
        varianceWeight = newWeight;
      }
    }
    if (histogram != null && other.histogram != null) {
      histogram.merge(other.histogram);
    }
    if (stored != null) {
      stored.merge(other.stored);
    }
    quantiles = null;
  }

  /**
   * Writes the accumulator, everything it keeps and nothing else, for {@link #readFrom}: a format
   * version byte; a byte of flags (what it keeps, the tie rule, whether every weight was equal,
   * whether the cells are 64-bit integers); the cell count as a variable-length integer; count, sum
   * (each with its compensation), min, max and the first weight, and the running variance when
   * kept, as raw double bits; then whichever of the exact integers, the histogram and the stored
   * (value, weight) pairs it keeps, only their used part; and a CRC-32C of all that. Three cells
   * kept for the mean take 63 bytes. The state is left as it was.
   *
   * @param out where to write; nothing is written before or after the accumulator's bytes
   * @throws IOException if {@code out} fails
   */
  public void writeTo(DataOutput out) throws IOException {
    CheckedOutputStream checked = new CheckedOutputStream(asStream(out), new CRC32C());
    DataOutputStream body = new DataOutputStream(checked);
    body.writeByte(FORMAT_VERSION);
    int flags =
        (keepVariance ? KEEP_VARIANCE : 0)
            | (keepHistogram ? KEEP_HISTOGRAM : 0)
            | (answersQuantiles ? ANSWERS_QUANTILES : 0)
            | (tie == TieBreak.HIGHEST ? TIE_HIGHEST : 0)
            | (uniformWeights ? UNIFORM_WEIGHTS : 0)
            | (integers != null ? INTEGER_CELLS : 0);
    body.writeByte(flags);
    writeLength(body, cells);
    writeDouble(body, count);
    writeDouble(body, countComp);
    writeDouble(body, sum);
    writeDouble(body, sumComp);
    writeDouble(body, min);
    writeDouble(body, max);
    writeDouble(body, firstWeight);
    if (keepVariance) {
      writeDouble(body, varianceWeight);
      writeDouble(body, varianceMean);
      writeDouble(body, varianceM2);
    }
    if (integers != null) {
      integers.writeTo(body);
    }
    // Which of these exist follows from the flags: the histogram unless the integers hold the
    // classes, the stored pairs unless a histogram answers quantiles.
    if (histogram != null) {
      histogram.writeTo(body);
    }
    if (stored != null) {
      stored.writeTo(body);
    }
    out.writeInt((int) checked.getChecksum().getValue());
  }

  /**
   * Reads an accumulator {@link #writeTo} wrote: it answers every statistic as the one written did,
   * bit for bit, takes further cells and merges (either way round) exactly as that one would have.
   * Only the accumulator's bytes are consumed, so several may follow each other in one stream.
   *
   * @param in where to read, positioned at the accumulator's first byte
   * @return the accumulator
   * @throws IOException if {@code in} fails or ends before the accumulator does, if the format
   *     version is not one this code writes, or if the bytes are corrupt: the state is inconsistent
   *     or the checksum does not hold, which catches every burst of up to 32 flipped bits and all
   *     but one in 2^32 of other corruptions
   */
  public static CellAccumulator readFrom(DataInput in) throws IOException {
    CheckedInputStream checked = new CheckedInputStream(asStream(in), new CRC32C());
    DataInputStream body = new DataInputStream(checked);
    int version = body.readUnsignedByte();
    if (version != FORMAT_VERSION) {
      throw new IOException(
          "unknown CellAccumulator format version "
              + version
              + "; this code reads version "
              + FORMAT_VERSION);
    }
    int flags = body.readUnsignedByte();
    if ((flags & ~KNOWN_FLAGS) != 0) {
      throw corrupt("unknown flags " + Integer.toBinaryString(flags));
    }
    boolean keepHistogram = (flags & KEEP_HISTOGRAM) != 0;
    boolean answersQuantiles = (flags & ANSWERS_QUANTILES) != 0;
    CellAccumulator acc =
        new CellAccumulator(
            (flags & KEEP_VARIANCE) != 0,
            keepHistogram,
            answersQuantiles,
            (flags & TIE_HIGHEST) != 0 ? TieBreak.HIGHEST : TieBreak.LOWEST);
    acc.uniformWeights = (flags & UNIFORM_WEIGHTS) != 0;
    acc.cells = readLength(body, Long.MAX_VALUE, "cells");
    acc.count = readDouble(body);
    acc.countComp = readDouble(body);
    acc.sum = readDouble(body);
    acc.sumComp = readDouble(body);
    acc.min = readDouble(body);
    acc.max = readDouble(body);
    acc.firstWeight = readDouble(body);
    if (acc.keepVariance) {
      acc.varianceWeight = readDouble(body);
      acc.varianceMean = readDouble(body);
      acc.varianceM2 = readDouble(body);
    }
    if ((flags & INTEGER_CELLS) != 0) {
      acc.integers = IntegerCells.readFrom(body, keepHistogram, acc.cells);
      acc.histogram = null;
    }
    if (acc.histogram != null) {
      acc.histogram = ValueHistogram.readFrom(body, acc.cells);
    }
    if (acc.stored != null) {
      acc.stored.readFrom(body, acc.cells);
    }
    long computed = checked.getChecksum().getValue();
    int written = in.readInt();
    if ((int) computed != written) {
      throw corrupt(
          "checksum "
              + Integer.toHexString((int) computed)
              + " of the bytes read, "
              + Integer.toHexString(written)
              + " written");
    }
    return acc;
  }

  /**
   * @return the accumulator's encoding, as {@link #writeTo} writes it: what a binary column holds
   */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try {
      writeTo(new DataOutputStream(bytes));
    } catch (IOException e) {
      // A byte array stream never fails.
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * @param bytes exactly one accumulator's encoding, as {@link #toBytes()} gives it
   * @return the accumulator, as {@link #readFrom} reads it
   * @throws IOException if the bytes are not exactly one accumulator of a known format version:
   *     truncated, corrupt, or followed by more bytes
   */
  public static CellAccumulator fromBytes(byte[] bytes) throws IOException {
    ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
    CellAccumulator acc = readFrom(new DataInputStream(stream));
    if (stream.available() != 0) {
      throw corrupt(stream.available() + " bytes after the accumulator");
    }
    return acc;
  }

  /**
   * @return whether no cell with positive weight was added
   */
  public boolean isEmpty() {
    return cells == 0;
  }

  /**
   * @return the number of cells added with positive weight (exactextract's and the fixtures' {@code
   *     ncells})
   */
  public long cells() {
    return cells;
  }

  /**
   * @return Σ w: the number of cells for unit weights, the covered area in cells for coverage
   *     fractions; 0 when empty
   */
  public double count() {
    return Compensated.value(count, countComp);
  }

  /**
   * @return Σ w·x; 0 when empty
   */
  public double sum() {
    return Compensated.value(sum, sumComp);
  }

  /**
   * @return Σ w·x / Σ w, or empty. Kept within [min, max], where it lies mathematically: a zone of
   *     one value then has exactly that mean, though Σ w·x / Σ w may round to a neighbouring
   *     double.
   */
  public OptionalDouble mean() {
    if (cells == 0) {
      return OptionalDouble.empty();
    }
    double mean = sum() / count();
    // The comparisons leave a NaN mean (from +inf and -inf values) as it is.
    return OptionalDouble.of(mean < min ? min : mean > max ? max : mean);
  }

  /**
   * @return the smallest value among cells with positive weight, however small the weight, or empty
   */
  public OptionalDouble min() {
    return cells == 0 ? OptionalDouble.empty() : OptionalDouble.of(min);
  }

  /**
   * @return the largest value among cells with positive weight, however small the weight, or empty
   */
  public OptionalDouble max() {
    return cells == 0 ? OptionalDouble.empty() : OptionalDouble.of(max);
  }

  /**
   * @return the weighted population standard deviation sqrt(Σ w·(x − mean)² / Σ w) (numpy's {@code
   *     std} with ddof = 0 for unit weights), or empty
   * @throws IllegalStateException if the accumulator was not created for STD
   */
  public OptionalDouble std() {
    require(keepVariance, Statistic.STD);
    return cells == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(Math.sqrt(varianceM2 / varianceWeight));
  }

  /**
   * @return the weighted population variance Σ w·(x − mean)² / Σ w (numpy's {@code var} with ddof =
   *     0 for unit weights), or empty
   * @throws IllegalStateException if the accumulator was not created for a statistic that needs it
   */
  public OptionalDouble variance() {
    require(keepVariance, Statistic.VARIANCE);
    return cells == 0 ? OptionalDouble.empty() : OptionalDouble.of(varianceM2 / varianceWeight);
  }

  /**
   * @return {@link #std()} divided by {@link #mean()}, as exactextract defines it; empty when the
   *     accumulator is, or when the mean is 0 (where exactextract answers NaN or infinity, which
   *     JSON cannot carry)
   * @throws IllegalStateException if the accumulator was not created for a statistic that needs the
   *     variance
   */
  public OptionalDouble coefficientOfVariation() {
    require(keepVariance, Statistic.COEFFICIENT_OF_VARIATION);
    if (cells == 0 || mean().getAsDouble() == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(std().getAsDouble() / mean().getAsDouble());
  }

  /**
   * @return max − min, or empty
   */
  public OptionalDouble range() {
    return cells == 0 ? OptionalDouble.empty() : OptionalDouble.of(max - min);
  }

  /**
   * @return the median: for equal weights numpy's (the middle value, or the mean of the two middle
   *     values), for other weights exactextract's weighted quantile 0.5 (see {@link
   *     #percentile(double)}); or empty
   * @throws IllegalStateException if the accumulator was not created for MEDIAN or PERCENTILE
   */
  public OptionalDouble median() {
    require(answersQuantiles, Statistic.MEDIAN);
    return cells == 0 ? OptionalDouble.empty() : OptionalDouble.of(quantiles().median());
  }

  /**
   * Percentile P. When every cell has the same weight (always under the centre and all-touched
   * rules) this is {@code np.percentile(values, P)}: position h = (n−1)·P/100 in the sorted values,
   * linearly interpolated between the values at ⌊h⌋ and ⌊h⌋+1. Otherwise it is exactextract's
   * weighted quantile over the distinct values x[0..m−1] and their total weights w[i]: value i sits
   * at s[i] = i·w[i] + (m−1)·(w[0] + … + w[i−1]) (so s[0] = 0 and s[m−1] = (m−1)·Σ w), and the
   * result is interpolated linearly in s at p = s[m−1]·P/100. With equal weights per value that is
   * numpy's definition again; P = 0 and P = 100 give min and max.
   *
   * @param p the percentile, in [0, 100]
   * @return the percentile, or empty
   * @throws IllegalArgumentException if P is outside [0, 100] or NaN
   * @throws IllegalStateException if the accumulator was not created for MEDIAN or PERCENTILE
   */
  public OptionalDouble percentile(double p) {
    if (!(p >= 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100], got " + p);
    }
    require(answersQuantiles, Statistic.PERCENTILE);
    return cells == 0 ? OptionalDouble.empty() : OptionalDouble.of(quantiles().percentile(p));
  }

  /**
   * @return the value with the largest total weight (cell count for unit weights), of tied values
   *     the lowest or the highest by the accumulator's {@link TieBreak}; or empty
   * @throws IllegalStateException if the accumulator keeps no histogram
   */
  public OptionalDouble majority() {
    require(keepHistogram, Statistic.MAJORITY);
    return extreme(true);
  }

  /**
   * @return the value with the smallest positive total weight, of tied values the lowest or the
   *     highest by the accumulator's {@link TieBreak}; or empty
   * @throws IllegalStateException if the accumulator keeps no histogram
   */
  public OptionalDouble minority() {
    require(keepHistogram, Statistic.MINORITY);
    return extreme(false);
  }

  private OptionalDouble extreme(boolean largest) {
    if (cells == 0) {
      return OptionalDouble.empty();
    }
    boolean highest = tie == TieBreak.HIGHEST;
    return OptionalDouble.of(
        exactIntegers()
            ? integers.toDouble(integers.histogram().extreme(largest, highest))
            : histogram.extreme(largest, highest));
  }

  /**
   * @return the number of distinct values among cells with positive weight; 0 when empty
   * @throws IllegalStateException if the accumulator keeps no histogram
   */
  public int variety() {
    require(keepHistogram, Statistic.VARIETY);
    return exactIntegers() ? integers.histogram().size() : histogram.size();
  }

  /**
   * @return the distinct values among cells with positive weight, ascending (a new array; empty
   *     when empty); 64-bit integers rounded to doubles, so two may be equal ({@link #result} has
   *     them exactly)
   * @throws IllegalStateException if the accumulator keeps no histogram
   */
  public double[] unique() {
    require(keepHistogram, Statistic.UNIQUE);
    return sortedClasses().values();
  }

  /**
   * @return each distinct value's total weight divided by the total weight of all cells, by
   *     ascending value (unmodifiable; empty when the accumulator is); 64-bit integers that round
   *     to one double share one entry ({@link #result} keeps them apart)
   * @throws IllegalStateException if the accumulator keeps no histogram
   */
  public SortedMap<Double, Double> distribution() {
    require(keepHistogram, Statistic.DISTRIBUTION);
    ValueHistogram.Sorted sorted = sortedClasses();
    double total = count();
    SortedMap<Double, Double> shares = new TreeMap<>();
    for (int i = 0; i < sorted.values().length; i++) {
      shares.merge(sorted.values()[i], sorted.weights()[i] / total, Double::sum);
    }
    return Collections.unmodifiableSortedMap(shares);
  }

  /**
   * @return each distinct value's total weight (the number of its cells for unit weights), by
   *     ascending value (unmodifiable; empty when the accumulator is); 64-bit integers that round
   *     to one double share one entry ({@link #result} keeps them apart)
   * @throws IllegalStateException if the accumulator keeps no histogram
   */
  public SortedMap<Double, Double> histogram() {
    require(keepHistogram, Statistic.HISTOGRAM);
    ValueHistogram.Sorted sorted = sortedClasses();
    SortedMap<Double, Double> weights = new TreeMap<>();
    for (int i = 0; i < sorted.values().length; i++) {
      weights.merge(sorted.values()[i], sorted.weights()[i], Double::sum);
    }
    return Collections.unmodifiableSortedMap(weights);
  }

  /**
   * A statistic that is one number, by request: what the extraction code asks when it only knows
   * the request.
   *
   * @param request a statistic other than UNIQUE, DISTRIBUTION and HISTOGRAM
   * @return its value; COUNT, SUM and VARIETY are always present (0 when empty), NODATA_COUNT never
   *     (the extraction counts it), every other statistic is empty when the accumulator is
   * @throws IllegalArgumentException for UNIQUE, DISTRIBUTION and HISTOGRAM, which are not numbers
   *     (use {@link #result})
   * @throws IllegalStateException if the accumulator was not created for the statistic
   */
  public OptionalDouble value(StatisticRequest request) {
    return switch (request.statistic()) {
      case COUNT -> OptionalDouble.of(count());
      case SUM -> OptionalDouble.of(sum());
      case MEAN -> mean();
      case MIN -> min();
      case MAX -> max();
      case STD -> std();
      case VARIANCE -> variance();
      case COEFFICIENT_OF_VARIATION -> coefficientOfVariation();
      case RANGE -> range();
      case MEDIAN -> median();
      case PERCENTILE -> percentile(request.percentile());
      case MAJORITY -> majority();
      case MINORITY -> minority();
      case VARIETY -> OptionalDouble.of(variety());
      // Only the cells with data reach an accumulator: the extraction counts the others.
      case NODATA_COUNT -> OptionalDouble.empty();
      case UNIQUE, DISTRIBUTION, HISTOGRAM ->
          throw new IllegalArgumentException(request + " is not a single number; ask result()");
    };
  }

  /**
   * Any statistic, by request, as the JSON result carries it.
   *
   * @param request the statistic
   * @return null when a one-number statistic is empty (see {@link #value}); otherwise a {@link
   *     Double} for the one-number statistics, an unmodifiable {@code List<Double>} of the
   *     ascending distinct values for UNIQUE, and an unmodifiable {@code SortedMap<Double, Double>}
   *     of value → share of the total weight for DISTRIBUTION, of value → total weight for
   *     HISTOGRAM; the list and the maps are empty, not null, when the accumulator is. For 64-bit
   *     integer cells the values that are cell values are exact instead: see the class
   *     documentation.
   * @throws IllegalStateException if the accumulator was not created for the statistic
   */
  public Object result(StatisticRequest request) {
    if (exactIntegers()) {
      Object exact =
          IntegerResults.of(request, integers, count(), keepHistogram, answersQuantiles, tie);
      if (exact != IntegerResults.NOT_EXACT) {
        return exact;
      }
    }
    return switch (request.statistic()) {
      case UNIQUE -> {
        double[] values = unique();
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
          list.add(v);
        }
        yield Collections.unmodifiableList(list);
      }
      case DISTRIBUTION -> distribution();
      case HISTOGRAM -> histogram();
      default -> {
        OptionalDouble value = value(request);
        yield value.isPresent() ? value.getAsDouble() : null;
      }
    };
  }

  @Override
  public String toString() {
    return "CellAccumulator[cells=" + cells + ", count=" + count() + ", sum=" + sum() + "]";
  }

  private Quantiles quantiles() {
    if (quantiles == null) {
      quantiles = stored != null ? fromStored() : fromHistogram();
    }
    return quantiles;
  }

  private Quantiles fromStored() {
    return stored.uniformWeights()
        ? new Quantiles.Numpy(stored.sortedValues(), stored.size())
        : stored.weighted();
  }

  /**
   * @return the classes as doubles, from whichever histogram the accumulator keeps
   */
  private ValueHistogram.Sorted sortedClasses() {
    if (!exactIntegers()) {
      return histogram.sorted();
    }
    LongHistogram.Sorted exact = integers.histogram().sorted();
    double[] values = new double[exact.keys().length];
    for (int i = 0; i < values.length; i++) {
      values[i] = integers.toDouble(exact.keys()[i]);
    }
    return new ValueHistogram.Sorted(values, exact.weights());
  }

  /**
   * @return whether the cells are 64-bit integers
   * @throws IllegalStateException if some came as integers and some as doubles
   */
  private boolean exactIntegers() {
    if (integers == null) {
      return false;
    }
    if (integers.cells() != cells) {
      throw new IllegalStateException(
          "64-bit integer cells and cells added as doubles cannot be mixed");
    }
    return true;
  }

  private Quantiles fromHistogram() {
    ValueHistogram.Sorted sorted = sortedClasses();
    if (!uniformWeights) {
      return new Quantiles.Weighted(sorted.values(), sorted.weights());
    }
    // Every cell weighs firstWeight, so a value's total weight is its cell count times that,
    // correctly rounded
    // up to a few ulps by the compensated sum: rounding the quotient recovers the count exactly.
    double[] weights = sorted.weights();
    long[] counts = new long[weights.length];
    for (int i = 0; i < weights.length; i++) {
      counts[i] = Math.max(1, Math.round(weights[i] / firstWeight));
    }
    return new Quantiles.Numpy(sorted.values(), counts);
  }

  private static void writeDouble(DataOutput out, double value) throws IOException {
    // Raw bits: a NaN compensation (after an infinite sum) keeps its payload too.
    out.writeLong(Double.doubleToRawLongBits(value));
  }

  private static double readDouble(DataInput in) throws IOException {
    return Double.longBitsToDouble(in.readLong());
  }

  /**
   * Writes a non-negative count in LEB128, seven bits a byte, lowest first: most counts of an
   * accumulator of one tile take one to three bytes rather than eight.
   */
  static void writeLength(DataOutput out, long n) throws IOException {
    while ((n & ~0x7FL) != 0) {
      out.writeByte((int) (n & 0x7F) | 0x80);
      n >>>= 7;
    }
    out.writeByte((int) n);
  }

  /**
   * @param max the largest count the state allows here
   * @param what what is counted, for the message
   * @return a count {@link #writeLength} wrote
   * @throws IOException if the input ends, or the count is longer than a long or above {@code max}
   */
  static long readLength(DataInput in, long max, String what) throws IOException {
    long n = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.readUnsignedByte();
      if (shift == 63 && b > 0) {
        // Bit 63 would make the count negative; a count never needs it.
        throw corrupt(what + " longer than a long");
      }
      n |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (n > max) {
      throw corrupt(n + " " + what + " where at most " + max + " fit");
    }
    return n;
  }

  /**
   * @return a boolean as {@link DataOutput#writeBoolean} writes it
   * @throws IOException if the byte is neither 0 nor 1
   */
  static boolean readFlag(DataInput in, String what) throws IOException {
    int b = in.readUnsignedByte();
    if (b > 1) {
      throw corrupt(what + " flag " + b);
    }
    return b == 1;
  }

  static IOException corrupt(String detail) {
    return new IOException("corrupt CellAccumulator encoding: " + detail);
  }

  private static OutputStream asStream(DataOutput out) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }
    };
  }

  /**
   * Only as many bytes as asked for are read, never ahead: {@link DataInputStream} asks for exactly
   * the bytes of the value it reads, and the caller's stream must stay positioned after the
   * accumulator.
   */
  private static InputStream asStream(DataInput in) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return in.readUnsignedByte();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        in.readFully(b, off, len);
        return len;
      }
    };
  }

  static void require(boolean kept, Statistic statistic) {
    if (!kept) {
      throw new IllegalStateException("the accumulator was not created for " + statistic.key());
    }
  }
}
