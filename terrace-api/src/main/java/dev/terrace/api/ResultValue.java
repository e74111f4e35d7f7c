package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a result's statistic yields ({@link ExtractResult#value()}): a {@link Real} number for most
 * statistics, an {@link Exact} integer for the classes of a 64-bit integer band, a {@link
 * Distribution} or a {@link Histogram} of classes, the {@link Uniques} distinct values, or the
 * {@link Cells} themselves. A result without a value holds null instead.
 *
 * <p>Match on the records, or read the kind you expect with {@link #asDouble()}, {@link #asLong()},
 * {@link #asDistribution()}, {@link #asHistogram()}, {@link #asUniques()} or {@link #asCells()},
 * which throw an {@link IllegalStateException} naming the kind actually held. Each kind is written
 * to JSON as a plain JSON value ({@link #toJson()}): a number, an object of class to number, or an
 * array.
 */
public sealed interface ResultValue
    permits ResultValue.Scalar,
        ResultValue.Distribution,
        ResultValue.Histogram,
        ResultValue.Uniques,
        ResultValue.Cells {

  /**
   * Reads a value as a JSON parser or the engine delivers it. Its shape gives its kind; the
   * aggregation tells a {@link Histogram} from a {@link Distribution} and {@link Cells} from {@link
   * Uniques} when the array is empty.
   *
   * @param value a {@link Number} (integers, including {@link BigInteger}, are {@link Exact}; any
   *     other number is {@link Real}), a {@code Map} of class to number, a {@code List} of numbers,
   *     a {@code List} of {@link Cell}s or of cell objects, a {@code ResultValue} (returned as is),
   *     or null
   * @param aggregation the statistic that yielded the value, or null when unknown
   * @return the typed value, or null when {@code value} is null; a class, unique value or cell that
   *     is not a number (or a cell object) is left out, as a newer service's additions would be
   * @throws IllegalArgumentException if {@code value} is neither a number, a map nor a list
   */
  static @Nullable ResultValue from(@Nullable Object value, @Nullable Aggregation aggregation) {
    Aggregation.@Nullable Kind kind = aggregation == null ? null : aggregation.kind();
    if (value == null || value instanceof ResultValue) {
      return (ResultValue) value;
    }
    if (value instanceof Number) {
      return Scalar.of((Number) value);
    }
    if (value instanceof Map) {
      Map<String, Double> classes = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (e.getValue() instanceof Number) {
          classes.put(String.valueOf(e.getKey()), ((Number) e.getValue()).doubleValue());
        }
      }
      return kind == Aggregation.Kind.HISTOGRAM
          ? new Histogram(classes)
          : new Distribution(classes);
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      boolean cells =
          kind == Aggregation.Kind.CELLS
              || !list.isEmpty() && (list.get(0) instanceof Cell || list.get(0) instanceof Map);
      return cells ? Cells.of(list) : Uniques.of(list);
    }
    throw new IllegalArgumentException(
        "a result's value is a number, an object or an array, not " + value);
  }

  /**
   * The plain JSON form, which Jackson writes.
   *
   * @return a {@link Double} ({@link Real}), a {@link Long} or {@link BigInteger} ({@link Exact}),
   *     an unmodifiable {@code Map} of class to {@link Double}, or an unmodifiable {@code List} of
   *     those numbers or of {@link Cell}s
   */
  @JsonValue
  Object toJson();

  /**
   * The number, for every statistic but {@code distribution}, {@code histogram}, {@code
   * weighted_frac}, {@code unique} and {@code cells}.
   *
   * @return the number; an {@link Exact} integer beyond 2^53 rounded
   * @throws IllegalStateException if the value is not a number
   */
  default double asDouble() {
    throw notA("number");
  }

  /**
   * The number as a {@code long}, for an {@link Exact} integer or a {@link Real} without fraction
   * (a {@code count} or {@code variety}, say).
   *
   * @return the number
   * @throws IllegalStateException if the value is not a number
   * @throws ArithmeticException if the number has a fraction or does not fit a {@code long}
   */
  default long asLong() {
    throw notA("number");
  }

  /**
   * The classes of a {@code distribution} or {@code weighted_frac}.
   *
   * @return each class with its share of the covered area (or weight), in the order received
   * @throws IllegalStateException if the value is not a {@link Distribution}
   */
  default Map<String, Double> asDistribution() {
    throw notA("distribution");
  }

  /**
   * The classes of a {@code histogram}.
   *
   * @return each class with its number of cells (its covered area in cells under {@code exact}), in
   *     the order received
   * @throws IllegalStateException if the value is not a {@link Histogram}
   */
  default Map<String, Double> asHistogram() {
    throw notA("histogram");
  }

  /**
   * The distinct values of {@code unique}.
   *
   * @return the values, ascending
   * @throws IllegalStateException if the value is not {@link Uniques}
   */
  default List<Scalar> asUniques() {
    throw notA("list of unique values");
  }

  /**
   * The cells of {@code cells}.
   *
   * @return the covered cells with data, in row-major order
   * @throws IllegalStateException if the value is not {@link Cells}
   */
  default List<Cell> asCells() {
    throw notA("list of cells");
  }

  private IllegalStateException notA(String wanted) {
    return new IllegalStateException(
        "the value is " + getClass().getSimpleName() + ", not a " + wanted + ": " + toJson());
  }

  /** One number: a {@link Real} or an {@link Exact} integer. */
  sealed interface Scalar extends ResultValue permits Real, Exact {

    /**
     * The number as a JSON parser delivers it.
     *
     * @param n an integer type ({@link Byte}, {@link Short}, {@link Integer}, {@link Long}, {@link
     *     BigInteger}) or any other number
     * @return an {@link Exact} integer for the integer types, a {@link Real} otherwise
     */
    static Scalar of(Number n) {
      if (n instanceof BigInteger) {
        return new Exact((BigInteger) n);
      }
      if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
        return new Exact(BigInteger.valueOf(n.longValue()));
      }
      return new Real(n.doubleValue());
    }
  }

  /**
   * A number, as most statistics yield: written as a JSON number with a fraction or an exponent
   * ({@code 12.0}).
   *
   * @param value the number
   */
  record Real(double value) implements Scalar {

    @Override
    @JsonValue
    public Object toJson() {
      return value;
    }

    @Override
    public double asDouble() {
      return value;
    }

    @Override
    public long asLong() {
      // Below 2^63 in magnitude a double without fraction is a long exactly.
      if (value != Math.rint(value) || !(Math.abs(value) < 0x1p63)) {
        throw new ArithmeticException(value + " is not a whole number within a long's range");
      }
      return (long) value;
    }
  }

  /**
   * An integer kept exactly: a class value of a 64-bit integer band (its {@code min}, {@code max},
   * {@code majority}, …), which a double would round beyond 2^53. Written as a JSON integer ({@code
   * 12}).
   *
   * @param value the integer
   */
  record Exact(BigInteger value) implements Scalar {

    /**
     * Checks the integer is there.
     *
     * @param value the integer
     * @throws NullPointerException if {@code value} is null
     */
    public Exact {
      Objects.requireNonNull(value, "value");
    }

    /**
     * The integer as the engine computes it and a JSON parser reads it.
     *
     * @return a {@link Long} when the integer fits one, a {@link BigInteger} otherwise
     */
    @Override
    @JsonValue
    public Object toJson() {
      return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }

    @Override
    public double asDouble() {
      return value.doubleValue();
    }

    @Override
    public long asLong() {
      return value.longValueExact();
    }
  }

  /**
   * The classes of {@code distribution} or {@code weighted_frac}: each with its share of the
   * covered area (or of the weight), written as a JSON object.
   *
   * @param fractions class → share, in [0, 1]; an unmodifiable copy that keeps the order given
   */
  record Distribution(Map<String, Double> fractions) implements ResultValue {

    /**
     * Copies the classes.
     *
     * @param fractions class → share
     */
    public Distribution {
      fractions = copy(fractions);
    }

    @Override
    @JsonValue
    public Object toJson() {
      return fractions;
    }

    @Override
    public Map<String, Double> asDistribution() {
      return fractions;
    }
  }

  /**
   * The classes of {@code histogram}: each with its number of cells (its covered area in cells
   * under the {@code exact} rule), written as a JSON object.
   *
   * @param counts class → count; an unmodifiable copy that keeps the order given
   */
  record Histogram(Map<String, Double> counts) implements ResultValue {

    /**
     * Copies the classes.
     *
     * @param counts class → count
     */
    public Histogram {
      counts = copy(counts);
    }

    @Override
    @JsonValue
    public Object toJson() {
      return counts;
    }

    @Override
    public Map<String, Double> asHistogram() {
      return counts;
    }
  }

  /**
   * The distinct values of {@code unique}, ascending, written as a JSON array of numbers.
   *
   * @param values the values; an unmodifiable copy
   */
  record Uniques(List<Scalar> values) implements ResultValue {

    /**
     * Copies the values.
     *
     * @param values the values
     */
    public Uniques {
      values = List.copyOf(values);
    }

    private static Uniques of(List<?> json) {
      List<Scalar> values = new ArrayList<>(json.size());
      for (Object o : json) {
        if (o instanceof Number) {
          values.add(Scalar.of((Number) o));
        }
      }
      return new Uniques(values);
    }

    @Override
    @JsonValue
    public Object toJson() {
      List<Object> json = new ArrayList<>(values.size());
      values.forEach(v -> json.add(v.toJson()));
      return Collections.unmodifiableList(json);
    }

    @Override
    public List<Scalar> asUniques() {
      return values;
    }
  }

  /**
   * The covered cells of {@code cells}, written as a JSON array of cell objects.
   *
   * @param cells the cells; an unmodifiable copy
   */
  record Cells(List<Cell> cells) implements ResultValue {

    /**
     * Copies the cells.
     *
     * @param cells the cells
     */
    public Cells {
      cells = List.copyOf(cells);
    }

    private static Cells of(List<?> json) {
      List<Cell> cells = new ArrayList<>(json.size());
      for (Object o : json) {
        if (o instanceof Cell) {
          cells.add((Cell) o);
        } else if (o instanceof Map && ((Map<?, ?>) o).get("row") instanceof Number) {
          cells.add(Cell.read((Map<?, ?>) o));
        }
      }
      return new Cells(cells);
    }

    @Override
    @JsonValue
    public Object toJson() {
      return cells;
    }

    @Override
    public List<Cell> asCells() {
      return cells;
    }
  }

  private static Map<String, Double> copy(Map<String, Double> classes) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(classes));
  }
}
