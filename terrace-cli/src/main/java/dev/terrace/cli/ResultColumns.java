package dev.terrace.cli;

import dev.terrace.api.Aggregation;
import dev.terrace.api.ExtractResult;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.InputRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns a batch adds to each row: one per dataset × statistic ({@code lux:elevation_mean}),
 * then {@code error}. A time-varying dataset's cell holds the list of its values, one per
 * timestamp, in time order. With {@code cells} an input row becomes one row per cell instead, with
 * the cell's columns ({@link CellRows}).
 */
final class ResultColumns {

  static final String ERROR = "error";

  private final List<String> datasets;
  private final boolean cells;
  private final List<String> names = new ArrayList<>();

  ResultColumns(List<String> datasets, Aggregation aggregation) {
    this.datasets = List.copyOf(datasets);
    this.cells = aggregation.equals(Aggregation.CELLS);
    if (cells) {
      names.addAll(CellRows.NAMES);
    } else {
      datasets.forEach(d -> names.add(d + "_" + aggregation));
    }
  }

  /**
   * @return whether each input row becomes one output row per cell, so that output rows are not
   *     input rows
   */
  boolean perCell() {
    return cells;
  }

  /** The value columns, without {@code error}. */
  List<String> names() {
    return names;
  }

  /**
   * Adds the value columns and, for a failed row, {@code error}; a failed row's values are null.
   */
  void addTo(Map<String, Object> record, Extraction.Outcome outcome) {
    for (int i = 0; i < datasets.size(); i++) {
      record.put(
          names.get(i),
          outcome.response() == null ? null : value(outcome.response().results(), datasets.get(i)));
    }
    if (outcome.error() != null) {
      record.put(ERROR, outcome.error());
    }
  }

  private static Object value(List<ExtractResult> results, String dataset) {
    List<Object> values = new ArrayList<>(1);
    for (ExtractResult r : results) {
      if (dataset.equals(r.datasetId())) {
        values.add(r.jsonValue());
      }
    }
    return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : values;
  }

  /**
   * The rows as the output holds them: the input columns, then the added ones; one row, or one per
   * cell.
   */
  List<Map<String, Object>> records(InputRow row, Extraction.Outcome outcome) {
    if (cells) {
      return CellRows.records(row.fields(), outcome);
    }
    Map<String, Object> record = new LinkedHashMap<>(row.fields());
    addTo(record, outcome);
    return List.of(record);
  }
}
