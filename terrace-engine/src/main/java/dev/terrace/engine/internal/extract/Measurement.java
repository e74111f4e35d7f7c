package dev.terrace.engine.internal.extract;

import dev.terrace.api.Cell;
import dev.terrace.engine.internal.stats.CellAccumulator;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * What reading one geometry from one dataset found: the statistics of the valid cells (or, for
 * {@code cells}, the cells themselves), and how much of the geometry they account for.
 *
 * @param values the valid cells' values, weighted by coverage; null when the cells themselves are
 *     kept
 * @param validWeight the total weight of valid cells (for the exact rule coverage, or a line's
 *     length in cells; cells otherwise)
 * @param missingWeight the weight the geometry asked for but got no value for: nodata cells, and
 *     area beyond the raster's edge
 * @param validCells the number of valid cells read
 * @param nodataWeight the part of {@code missingWeight} that lies on cells inside the raster
 *     holding no data, what {@code nodata_count} reports; unlike {@code missingWeight} it leaves
 *     out what lies beyond the edge
 * @param unweighted the number of valid cells a weighted statistic found no weight for (nodata in
 *     the weights, or beyond them, and no default weight): when there are any, the weighted
 *     statistic has no value
 * @param cells for the {@code cells} aggregation the valid cells in row-major order, otherwise null
 */
record Measurement(
    CellAccumulator values,
    double validWeight,
    double missingWeight,
    long validCells,
    double nodataWeight,
    long unweighted,
    List<Cell> cells) {

  /**
   * A summary with a weight for every valid cell: the valid cells are folded into {@code values},
   * not kept.
   */
  Measurement(
      CellAccumulator values,
      double validWeight,
      double missingWeight,
      long validCells,
      double nodataWeight) {
    this(values, validWeight, missingWeight, validCells, nodataWeight, 0, null);
  }

  /** A summary, with the number of valid cells a weighted statistic found no weight for. */
  Measurement(
      CellAccumulator values,
      double validWeight,
      double missingWeight,
      long validCells,
      double nodataWeight,
      long unweighted) {
    this(values, validWeight, missingWeight, validCells, nodataWeight, unweighted, null);
  }

  /**
   * @return the measurement of the cells themselves, one valid cell each
   */
  static Measurement ofCells(
      List<Cell> cells, double validWeight, double missingWeight, double nodataWeight) {
    return new Measurement(
        null, validWeight, missingWeight, cells.size(), nodataWeight, 0, List.copyOf(cells));
  }

  /**
   * @return the share of the geometry with valid data, 0 when it covers nothing
   */
  double coverageFraction() {
    double total = validWeight + missingWeight;
    return total > 0 ? Math.min(1, validWeight / total) : 0;
  }

  /**
   * @return whether any of the geometry lies on a cell of the raster, with data or without
   */
  boolean reachesRaster() {
    return validWeight > 0 || nodataWeight > 0;
  }

  /**
   * @return the measurement of this one's cells and {@code other}'s, disjoint ones, together; both
   *     are consumed (the accumulators merge into this one's)
   */
  Measurement plus(Measurement other) {
    if (cells != null || other.cells != null) {
      throw new IllegalStateException("cells are read whole, never in parts");
    }
    values.merge(other.values);
    return new Measurement(
        values,
        validWeight + other.validWeight,
        missingWeight + other.missingWeight,
        validCells + other.validCells,
        nodataWeight + other.nodataWeight,
        unweighted + other.unweighted,
        null);
  }

  /**
   * @return this measurement with {@code weight} more missing, beyond the raster's edge
   */
  Measurement plusMissing(double weight) {
    return new Measurement(
        values, validWeight, missingWeight + weight, validCells, nodataWeight, unweighted, cells);
  }

  /** Writes a summary (not cells) exactly, for {@link #readFrom}. */
  void writeTo(DataOutput out) throws IOException {
    if (cells != null) {
      throw new IllegalStateException("cells are read whole, never in parts");
    }
    values.writeTo(out);
    out.writeDouble(validWeight);
    out.writeDouble(missingWeight);
    out.writeLong(validCells);
    out.writeDouble(nodataWeight);
    out.writeLong(unweighted);
  }

  static Measurement readFrom(DataInput in) throws IOException {
    return new Measurement(
        CellAccumulator.readFrom(in),
        in.readDouble(),
        in.readDouble(),
        in.readLong(),
        in.readDouble(),
        in.readLong(),
        null);
  }
}
