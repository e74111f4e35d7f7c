package dev.terrace.cli;

import dev.terrace.api.Cell;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.internal.rows.Extraction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output rows of {@code --aggregation cells}: one per cell of each result, carrying the input
 * row's columns, the result's dataset and timestamp, and the cell's fields under their API names.
 * An input row without a cell (failed, or covering no cell with data) still gets one row, with
 * empty cell columns, so none is dropped.
 */
final class CellRows {

  static final String CENTER_X = "center_x";
  static final String CENTER_Y = "center_y";

  /** The columns added to the input's, before {@code error}. */
  static final List<String> NAMES =
      List.of(
          "dataset_id",
          "timestamp",
          "row",
          "col",
          "value",
          "coverage",
          CENTER_X,
          CENTER_Y,
          "raster_x",
          "raster_y");

  private CellRows() {}

  /**
   * @param input the input row's columns
   * @param outcome its extraction
   * @return one record per cell, in result order and each result's row-major order; at least one
   */
  static List<Map<String, Object>> records(Map<String, Object> input, Extraction.Outcome outcome) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (outcome.response() != null) {
      for (ExtractResult r : outcome.response().results()) {
        for (Cell c : r.cells()) {
          Map<String, Object> record = new LinkedHashMap<>(input);
          record.put("dataset_id", r.datasetId());
          record.put("timestamp", r.timestamp());
          record.put("row", c.row());
          record.put("col", c.col());
          record.put("value", c.value());
          record.put("coverage", c.coverage());
          record.put(CENTER_X, c.centerX());
          record.put(CENTER_Y, c.centerY());
          record.put("raster_x", c.rasterX());
          record.put("raster_y", c.rasterY());
          out.add(record);
        }
      }
    }
    if (out.isEmpty()) {
      Map<String, Object> record = new LinkedHashMap<>(input);
      NAMES.forEach(name -> record.put(name, null));
      out.add(record);
    }
    if (outcome.error() != null) {
      out.forEach(record -> record.put(ResultColumns.ERROR, outcome.error()));
    }
    return out;
  }

  /**
   * @return a cell's centre as a point, in the request's CRS; the input's geometry for a row
   *     without a cell
   */
  static Geometry geometry(Geometry input, Map<String, Object> record) {
    return record.get(CENTER_X) instanceof Double x && record.get(CENTER_Y) instanceof Double y
        ? Point.of(x, y)
        : input;
  }
}
