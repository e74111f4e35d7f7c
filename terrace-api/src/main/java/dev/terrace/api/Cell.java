package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One covered cell, as {@link Aggregation#CELLS} returns it: where it is, what it holds and how
 * much of it the geometry covers. Read a result's cells with {@link ExtractResult#cells()}.
 *
 * @param row the cell's row in the raster read, from 0 at the top
 * @param col the cell's column, from 0 at the left
 * @param value the cell's physical value as a double (scale and offset applied; {@code
 *     default_value} for a cell without data when the request sets one); 64-bit integers beyond
 *     2^53 are rounded
 * @param coverage the cell's weight under the pixel rule: its covered fraction under {@code exact}
 *     (for a line, the length of line inside it, in cells), 1 under {@code center} and {@code
 *     all_touched}; for points, the number of them in the cell
 * @param centerX the x (longitude) of the cell's centre in the request's CRS
 * @param centerY the y (latitude) of the cell's centre in the request's CRS
 * @param rasterX the x of the cell's centre in the raster's CRS
 * @param rasterY the y of the cell's centre in the raster's CRS
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Cell(
    @JsonProperty("row") long row,
    @JsonProperty("col") long col,
    @JsonProperty("value") double value,
    @JsonProperty("coverage") double coverage,
    @JsonProperty("center_x") double centerX,
    @JsonProperty("center_y") double centerY,
    @JsonProperty("raster_x") double rasterX,
    @JsonProperty("raster_y") double rasterY) {

  /** A cell as a JSON object was read without a type: a map of its wire names to numbers. */
  static Cell read(Map<?, ?> m) {
    return new Cell(
        number(m, "row").longValue(),
        number(m, "col").longValue(),
        number(m, "value").doubleValue(),
        number(m, "coverage").doubleValue(),
        number(m, "center_x").doubleValue(),
        number(m, "center_y").doubleValue(),
        number(m, "raster_x").doubleValue(),
        number(m, "raster_y").doubleValue());
  }

  private static Number number(Map<?, ?> m, String key) {
    return m.get(key) instanceof Number n ? n : Double.NaN;
  }
}
