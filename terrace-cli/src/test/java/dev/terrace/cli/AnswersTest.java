package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.Aggregation;
import dev.terrace.api.Cell;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.ResultValue;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.InputRow;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An answer spilled by {@link Answers} reads back as the rows, warnings and errors it was written
 * with, for every kind of value.
 */
class AnswersTest {

  private static final InputRow ROW = new InputRow(3, Map.of("id", "7"), null, null);

  private static ExtractResult result(String dataset, ResultValue value, String timestamp) {
    return ExtractResult.builder()
        .datasetId(dataset)
        .value(value)
        .timestamp(timestamp)
        .aggregation(Aggregation.MEAN)
        .build();
  }

  private static Extraction.Outcome roundTrip(Extraction.Outcome o) throws IOException {
    return Answers.decode(Answers.encode(o));
  }

  private static Extraction.Outcome answer(List<String> warnings, ExtractResult... results) {
    return new Extraction.Outcome(
        new ExtractResponse("req", "hash", Arrays.asList(results), warnings, 12.5), null);
  }

  @Test
  void everyKindOfValueWritesTheSameRow() throws IOException {
    Map<String, Double> classes = new LinkedHashMap<>();
    classes.put("31", 0.25);
    classes.put("12", 0.75);
    Extraction.Outcome o =
        answer(
            List.of("syn:b was read at a coarser level"),
            result("syn:real", new ResultValue.Real(2563.0), null),
            result("syn:nan", new ResultValue.Real(Double.NaN), null),
            result("syn:long", new ResultValue.Exact(BigInteger.valueOf(-42)), null),
            result("syn:big", new ResultValue.Exact(BigInteger.ONE.shiftLeft(64).negate()), null),
            result("syn:dist", new ResultValue.Distribution(classes), null),
            result("syn:hist", new ResultValue.Histogram(classes), null),
            result(
                "syn:uniq",
                new ResultValue.Uniques(
                    List.of(
                        new ResultValue.Exact(BigInteger.valueOf(Long.MAX_VALUE)),
                        new ResultValue.Real(0.1))),
                null),
            result("syn:none", null, null),
            result("syn:series", new ResultValue.Real(1.5), "2024-01-01T00:00:00Z"),
            result("syn:series", new ResultValue.Real(-0.0), "2024-02-01T00:00:00Z"));
    List<String> datasets =
        List.of(
            "syn:real",
            "syn:nan",
            "syn:long",
            "syn:big",
            "syn:dist",
            "syn:hist",
            "syn:uniq",
            "syn:none",
            "syn:series",
            "syn:absent");
    ResultColumns columns = new ResultColumns(datasets, Aggregation.MEAN);

    Extraction.Outcome back = roundTrip(o);

    assertThat(columns.records(ROW, back)).isEqualTo(columns.records(ROW, o));
    assertThat(columns.records(ROW, back).get(0))
        .containsEntry("syn:long_mean", -42L)
        .containsEntry("syn:big_mean", BigInteger.ONE.shiftLeft(64).negate())
        .containsEntry("syn:dist_mean", classes)
        .containsEntry("syn:series_mean", List.of(1.5, -0.0))
        .containsEntry("syn:none_mean", null);
    assertThat(back.response().warnings()).containsExactly("syn:b was read at a coarser level");
    assertThat(back.response().results().get(5).value()).isInstanceOf(ResultValue.Histogram.class);
    assertThat(back.error()).isNull();
  }

  @Test
  void cellsWriteTheSameRows() throws IOException {
    Cell a = new Cell(4, 5, 17.25, 0.5, 6.0005, 49.9995, 100.0, 200.0);
    Cell b = new Cell(4, 6, -1e-300, 1.0, 6.0015, 49.9995, 101.0, 200.0);
    Extraction.Outcome o =
        answer(
            List.of(),
            result("syn:grid", new ResultValue.Cells(List.of(a, b)), "2024-01-01T00:00:00Z"),
            result("syn:other", new ResultValue.Cells(List.of()), null));
    ResultColumns columns = new ResultColumns(List.of("syn:grid", "syn:other"), Aggregation.CELLS);

    Extraction.Outcome back = roundTrip(o);

    assertThat(columns.records(ROW, back)).isEqualTo(columns.records(ROW, o)).hasSize(2);
    assertThat(back.response().results().get(0).cells()).containsExactly(a, b);
  }

  @Test
  void anErrorReadsBackWhateverItsLength() throws IOException {
    String error = "geometry: not valid é " + "x".repeat(70_000);
    Extraction.Outcome back = roundTrip(new Extraction.Outcome(null, error));
    assertThat(back.response()).isNull();
    assertThat(back.error()).isEqualTo(error);
  }
}
