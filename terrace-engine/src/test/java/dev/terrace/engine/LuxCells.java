package dev.terrace.engine;

import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;

/**
 * Geometries drawn on the cells of the built-in lux:elevation: 95 × 90 cells of 1/120° from
 * (5.741666…, 50.191666…), so that a test can name cells by row and column and know what a geometry
 * covers.
 */
final class LuxCells {

  static final double CELL = 1.0 / 120;
  static final double WEST = 5.741666666666666;
  static final double NORTH = 50.191666666666663;

  private LuxCells() {}

  /**
   * Columns {@code c0} to {@code c1} (exclusive) and rows {@code r0} to {@code r1}, in fractional
   * cells.
   */
  static Polygon cells(double c0, double c1, double r0, double r1) {
    return Polygon.rectangle(
        WEST + c0 * CELL, NORTH - r1 * CELL, WEST + c1 * CELL, NORTH - r0 * CELL);
  }

  /** The centre of cell (row, col). */
  static Point centre(int col, int row) {
    return Point.of(WEST + (col + 0.5) * CELL, NORTH - (row + 0.5) * CELL);
  }
}
