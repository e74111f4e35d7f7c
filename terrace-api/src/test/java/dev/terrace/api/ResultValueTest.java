package dev.terrace.api;

import static dev.terrace.api.Json.q;
import static dev.terrace.api.Json.read;
import static dev.terrace.api.Json.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A result's value is typed, and travels as exactly the JSON it always did. */
class ResultValueTest {

  private static final String CELL =
      "{'row':70,'col':30,'value':301.0,'coverage':0.5,'center_x':5.9,"
          + "'center_y':49.6,'raster_x':5.9,'raster_y':49.6}";

  private static String result(String value, String aggregation) {
    return q(
        "{'dataset_id':'d:x','variable':'x','value':"
            + value
            + ",'aggregation':'"
            + aggregation
            + "','pixel_rule':'exact','quality':'good','pixel_count':3,'provider':'d','elapsed_ms':1.0}");
  }

  /** Reads a result and asserts that writing it back gives the very same bytes. */
  private static ResultValue sameBytes(String value, String aggregation) {
    String json = result(value, aggregation);
    ExtractResult r = read(json, ExtractResult.class);
    assertThat(write(r)).isEqualTo(json);
    return r.value();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "312.5",
        "12.0",
        "1.0E20",
        "-0.0",
        "7",
        "-3",
        "9007199254740993",
        "18446744073709551615",
        "null"
      })
  void aNumberIsWrittenBackAsItCame(String number) {
    sameBytes(number, "max");
  }

  @Test
  void aNumberWithAFractionOrExponentIsRealAnIntegerExact() {
    assertThat(sameBytes("12.0", "count")).isEqualTo(new ResultValue.Real(12.0));
    assertThat(sameBytes("12", "majority"))
        .isEqualTo(new ResultValue.Exact(BigInteger.valueOf(12)));
    assertThat(sameBytes("18446744073709551615", "max"))
        .isEqualTo(new ResultValue.Exact(new BigInteger("18446744073709551615")));
    assertThat(sameBytes("null", "mean")).isNull();
  }

  @Test
  void classesAreADistributionOrAHistogramByTheAggregation() {
    ResultValue d = sameBytes("{'10':0.75,'50':0.25}", "distribution");
    assertThat(d).isInstanceOf(ResultValue.Distribution.class);
    assertThat(d.asDistribution()).containsExactly(Map.entry("10", 0.75), Map.entry("50", 0.25));
    assertThat(sameBytes("{'10':0.75}", "weighted_frac"))
        .isInstanceOf(ResultValue.Distribution.class);
    ResultValue h = sameBytes("{'10':3.0,'50':1.0}", "histogram");
    assertThat(h).isEqualTo(new ResultValue.Histogram(Map.of("10", 3.0, "50", 1.0)));
    assertThat(h.asHistogram()).containsExactly(Map.entry("10", 3.0), Map.entry("50", 1.0));
    assertThat(sameBytes("{}", "histogram")).isEqualTo(new ResultValue.Histogram(Map.of()));
  }

  @Test
  void arraysAreUniquesOrCellsEvenEmpty() {
    ResultValue u = sameBytes("[10.0,50.0,9223372036854775808]", "unique");
    assertThat(u.asUniques())
        .containsExactly(
            new ResultValue.Real(10.0),
            new ResultValue.Real(50.0),
            new ResultValue.Exact(new BigInteger("9223372036854775808")));
    assertThat(sameBytes("[]", "unique")).isEqualTo(new ResultValue.Uniques(List.of()));
    assertThat(sameBytes("[]", "cells")).isEqualTo(new ResultValue.Cells(List.of()));
    ResultValue c = sameBytes("[" + CELL + "]", "cells");
    assertThat(c.asCells()).containsExactly(new Cell(70, 30, 301.0, 0.5, 5.9, 49.6, 5.9, 49.6));
  }

  @Test
  void theEngineAndAJsonParserGiveTheSameValue() {
    // What the engine hands over: doubles, longs or big integers for 64-bit classes, maps, lists,
    // cells.
    Map<String, Double> classes = new LinkedHashMap<>();
    classes.put("11", 0.25);
    classes.put("12", 0.75);
    Cell cell = new Cell(1, 2, 3.0, 1.0, 4.5, 5.5, 4.5, 5.5);
    Object[][] cases = {
      {312.5, Aggregation.MEAN},
      {5L, Aggregation.MAJORITY},
      {new BigInteger("18446744073709551615"), Aggregation.MAX},
      {classes, Aggregation.DISTRIBUTION},
      {classes, Aggregation.HISTOGRAM},
      {List.of(1.0, 7L), Aggregation.UNIQUE},
      {List.of(cell), Aggregation.CELLS},
    };
    for (Object[] c : cases) {
      Aggregation aggregation = (Aggregation) c[1];
      ResultValue engine = ResultValue.from(c[0], aggregation);
      ExtractResult built =
          ExtractResult.builder()
              .datasetId("d:x")
              .variable("x")
              .value(engine)
              .aggregation(aggregation)
              .pixelRule(PixelRule.EXACT)
              .quality(Quality.GOOD)
              .provider("d")
              .build();
      ExtractResult overTheWire = read(write(built), ExtractResult.class);
      assertThat(overTheWire.value()).as("%s", aggregation).isEqualTo(engine);
      assertThat(overTheWire.jsonValue()).as("%s", aggregation).isEqualTo(c[0]);
    }
  }

  @Test
  void accessorsReadTheKindHeldAndNameItOtherwise() {
    ResultValue real = new ResultValue.Real(12.0);
    assertThat(real.asDouble()).isEqualTo(12.0);
    assertThat(real.asLong()).isEqualTo(12L);
    assertThatThrownBy(() -> new ResultValue.Real(12.5).asLong())
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(real::asDistribution)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the value is Real, not a distribution: 12.0");

    ResultValue big = new ResultValue.Exact(new BigInteger("18446744073709551615"));
    assertThat(big.asDouble()).isEqualTo(1.8446744073709552E19);
    assertThatThrownBy(big::asLong).isInstanceOf(ArithmeticException.class);
    assertThat(new ResultValue.Exact(BigInteger.valueOf(-4)).asLong()).isEqualTo(-4L);

    ResultValue histogram = new ResultValue.Histogram(Map.of("1", 2.0));
    assertThatThrownBy(histogram::asDouble)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the value is Histogram, not a number: {1=2.0}");
    assertThatThrownBy(histogram::asDistribution).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(histogram::asCells).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(histogram::asUniques).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new ResultValue.Uniques(List.of()).asHistogram())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theRecordsArePatternMatchable() {
    ResultValue value = ResultValue.from(List.of(3.0, 4.0), Aggregation.UNIQUE);
    double sum = 0;
    if (value instanceof ResultValue.Uniques u) {
      for (ResultValue.Scalar s : u.values()) {
        sum += s.asDouble();
      }
    }
    assertThat(sum).isEqualTo(7.0);
  }

  @Test
  void theRecordsCopyWhatTheyAreGiven() {
    Map<String, Double> classes = new LinkedHashMap<>();
    classes.put("b", 1.0);
    classes.put("a", 2.0);
    ResultValue.Histogram h = new ResultValue.Histogram(classes);
    classes.put("c", 3.0);
    assertThat(h.counts()).containsExactly(Map.entry("b", 1.0), Map.entry("a", 2.0));
    assertThatThrownBy(() -> h.counts().put("d", 4.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void elementsThatAreNoNumbersAreLeftOutAndOtherShapesRefused() {
    assertThat(ResultValue.from(Map.of("1", "x"), Aggregation.DISTRIBUTION))
        .isEqualTo(new ResultValue.Distribution(Map.of()));
    assertThat(ResultValue.from(List.of("x", 2.0), Aggregation.UNIQUE))
        .isEqualTo(new ResultValue.Uniques(List.of(new ResultValue.Real(2.0))));
    assertThat(ResultValue.from(List.of(Map.of("note", "x")), Aggregation.CELLS))
        .isEqualTo(new ResultValue.Cells(List.of()));
    assertThatThrownBy(() -> ResultValue.from("12", Aggregation.MEAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a result's value is a number, an object or an array, not 12");
  }
}
