package dev.terrace.engine.internal.coverage;

import dev.terrace.api.PixelRule;
import dev.terrace.engine.internal.raster.Window;
import java.util.Arrays;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * Which cells of a raster a polygon covers, and how much, under a {@link PixelRule}.
 *
 * <p>The polygon must already be in pixel space: x is the fractional column, y the fractional row
 * (growing downward); cell (row, col) is the unit square [col, col+1] x [row, row+1]. Only cells
 * inside the raster, {@code [0, width) x [0, height)}, are reported; the part of the polygon
 * outside is clipped away first, so a polygon much larger than the raster costs O(raster cells),
 * not O(its bounding box).
 *
 * <p>Results stream in blocks of at most {@code maxRowsPerBlock} rows covering the polygon's
 * bounding box within the raster, so memory is O(box width × block rows + vertices) however many
 * cells the polygon covers. Cost is O(cells the boundary crosses + bounding-box cells); nothing is
 * allocated per cell and no JTS operation runs per cell.
 *
 * <p>A window of the raster can be visited on its own, with every cell's value bit for bit the one
 * the whole visit gives it: the parts of a polygon split across tiles then add up exactly.
 *
 * <p>Parts of a MultiPolygon may overlap: CENTER and ALL_TOUCHED count the cells of their union, as
 * GDAL's rasterizer does (it burns part after part); EXACT adds the parts' areas, clamped to 1 per
 * cell, which is the union's area wherever a cell is wholly inside the overlap but more than it in
 * a cell that both parts' boundaries cross. Rings are otherwise taken as valid (closed, not
 * self-intersecting, holes inside their shell). Invalid rings get a defined but unchecked answer:
 * EXACT adds exterior areas and subtracts holes (clamped to [0, 1]); CENTER fills a single polygon
 * by the even-odd rule, as GDAL does, and several parts where the winding number is not zero.
 */
public final class Coverage {

  /** A block height that keeps a block of a 20 000-column raster near 40 MB. */
  public static final int DEFAULT_ROWS_PER_BLOCK = 256;

  // Java arrays top out a little below Integer.MAX_VALUE elements.
  private static final int MAX_BLOCK_CELLS = Integer.MAX_VALUE - 16;

  private Coverage() {}

  /**
   * Streams the coverage of a polygon over a raster, block after block, top rows first. Nothing is
   * visited when the polygon covers no cell of the raster.
   *
   * @param pixelSpacePolygon a Polygon or MultiPolygon (or a collection of them) in pixel space
   * @param width raster width in cells
   * @param height raster height in cells
   * @param rule how a cell's coverage is decided
   * @param maxRowsPerBlock the most rows a block holds, at least 1
   * @param visitor receives each block; the block object and its array are reused between calls
   * @throws IllegalArgumentException for a negative raster size, {@code maxRowsPerBlock < 1}, a
   *     non-polygonal geometry or a non-finite coordinate
   */
  public static void visit(
      Geometry pixelSpacePolygon,
      int width,
      int height,
      PixelRule rule,
      int maxRowsPerBlock,
      CoverageVisitor visitor) {
    check(pixelSpacePolygon, width, height, rule, maxRowsPerBlock, visitor);
    Rings rings = Rings.of(pixelSpacePolygon, width, height);
    if (rings.isEmpty()) {
      return;
    }
    // Clipping has put every vertex inside the raster; the clamps only guard the arithmetic.
    int col0 = (int) Math.max(0, Math.floor(rings.minX));
    int col1 = (int) Math.min(width, Math.ceil(rings.maxX));
    int row0 = (int) Math.max(0, Math.floor(rings.minY));
    int row1 = (int) Math.min(height, Math.ceil(rings.maxY));
    if (col1 <= col0 || row1 <= row0) {
      return;
    }
    int boxWidth = col1 - col0;
    int blockRows = blockRows(boxWidth, row1 - row0, maxRowsPerBlock);
    Sweep sweep = new Sweep(rings, rule, col0, col1, row0, row1);
    CoverageBlock block = new CoverageBlock(new double[boxWidth * blockRows]);
    for (int from = row0; from < row1; from += blockRows) {
      int to = Math.min(row1, from + blockRows);
      sweep.fill(from, to, block.fractions());
      block.window(col0, from, boxWidth, to - from);
      visitor.block(block);
    }
  }

  /**
   * Streams the coverage of a polygon over one window of a raster, block after block, top rows
   * first: the part of {@link #visit(Geometry, int, int, PixelRule, int, CoverageVisitor)} that
   * lies in the window, so that a polygon split across tiles can be computed tile by tile
   * (anywhere) and the tiles' statistics merged into exactly those of the whole.
   *
   * <p>Every cell's value is bit for bit the one the whole-raster visit gives that cell, including
   * the snapping of untouched cells to 0 or 1 and the ALL_TOUCHED decision. The rings are clipped
   * to the raster only, never to the window, and the window's cells are computed by the same
   * operations in the same order. A window's cost does not grow with the polygon's box: it is
   * O(vertices + its cells + the boundary pieces in its columns, from the top of the box down) for
   * EXACT and ALL_TOUCHED, whose running per-column sums need every band above the window, and
   * O(vertices + its cells + the crossings of its rows by edges reaching its columns) for CENTER.
   * Split into many tiles, a polygon thus costs its cells once, but its vertices once per tile and
   * (EXACT, ALL_TOUCHED) each boundary piece once per tile at or below it.
   *
   * <p>Blocks hold at most {@code maxRowsPerBlock} rows and together cover the polygon's bounding
   * box within the raster, cut to the window; {@link CoverageBlock#col()} and {@link
   * CoverageBlock#row()} are raster coordinates. Nothing is visited when the polygon covers no cell
   * of the window (no cell with a positive value), so a tile that only the polygon's box reaches
   * reports nothing. To know that before the first block, all-zero blocks at the top are held back
   * as a count and handed over only when a covered cell follows, from a second, zero-filled array:
   * memory is then up to twice that of one block.
   *
   * @param pixelSpacePolygon a Polygon or MultiPolygon (or a collection of them) in pixel space
   * @param width raster width in cells
   * @param height raster height in cells
   * @param rule how a cell's coverage is decided
   * @param maxRowsPerBlock the most rows a block holds, at least 1
   * @param window the cells to report, in raster coordinates; the part outside the raster is
   *     ignored
   * @param visitor receives each block; the block object and its array are reused between calls
   * @throws IllegalArgumentException as {@link #visit(Geometry, int, int, PixelRule, int,
   *     CoverageVisitor)}
   */
  public static void visit(
      Geometry pixelSpacePolygon,
      int width,
      int height,
      PixelRule rule,
      int maxRowsPerBlock,
      Window window,
      CoverageVisitor visitor) {
    Objects.requireNonNull(window, "window");
    check(pixelSpacePolygon, width, height, rule, maxRowsPerBlock, visitor);
    if (window.col() >= width || window.row() >= height) {
      return;
    }
    // The rings and their box exactly as the whole-raster visit has them: the window only chooses
    // which of the box's cells to report.
    Rings rings = Rings.of(pixelSpacePolygon, width, height);
    if (rings.isEmpty()) {
      return;
    }
    int boxCol0 = (int) Math.max(0, Math.floor(rings.minX));
    int boxCol1 = (int) Math.min(width, Math.ceil(rings.maxX));
    int boxRow0 = (int) Math.max(0, Math.floor(rings.minY));
    int boxRow1 = (int) Math.min(height, Math.ceil(rings.maxY));
    int col0 = Math.max(boxCol0, window.col());
    int col1 = (int) Math.min(boxCol1, (long) window.col() + window.width());
    int row0 = Math.max(boxRow0, window.row());
    int row1 = (int) Math.min(boxRow1, (long) window.row() + window.height());
    if (col1 <= col0 || row1 <= row0) {
      return;
    }
    int cols = col1 - col0;
    int blockRows = blockRows(cols, row1 - row0, maxRowsPerBlock);
    Sweep sweep = new Sweep(rings, rule, boxRow0, col0, col1, row0, row1);
    sweep.skip(row0);
    CoverageBlock block = new CoverageBlock(new double[cols * blockRows]);
    // Until covered, the rows from row0 up to the current block were all zero and are held back.
    boolean covered = false;
    for (int from = row0; from < row1; from += blockRows) {
      int to = Math.min(row1, from + blockRows);
      double[] values = block.fractions();
      sweep.fill(from, to, values);
      if (!covered) {
        if (!anyPositive(values, cols * (to - from))) {
          continue;
        }
        covered = true;
        if (from > row0) {
          CoverageBlock zeros = new CoverageBlock(new double[cols * blockRows]);
          for (int z = row0; z < from; z += blockRows) {
            int zTo = Math.min(from, z + blockRows);
            // Refilled each time: the visitor holds the array and could have written to it.
            Arrays.fill(zeros.fractions(), 0, cols * (zTo - z), 0.0);
            zeros.window(col0, z, cols, zTo - z);
            visitor.block(zeros);
          }
        }
      }
      block.window(col0, from, cols, to - from);
      visitor.block(block);
    }
  }

  private static boolean anyPositive(double[] values, int n) {
    for (int i = 0; i < n; i++) {
      if (values[i] > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The coverage of a polygon over a raster as one block spanning its whole bounding box within the
   * raster: convenient for small polygons (use {@link #visit} for large ones).
   *
   * @param pixelSpacePolygon a Polygon or MultiPolygon (or a collection of them) in pixel space
   * @param width raster width in cells
   * @param height raster height in cells
   * @param rule how a cell's coverage is decided
   * @return the block, owned by the caller; empty (0 x 0) when the polygon covers no cell of the
   *     raster
   * @throws IllegalArgumentException as {@link #visit}, or when the bounding box has more cells
   *     than an array can hold
   */
  public static CoverageBlock compute(
      Geometry pixelSpacePolygon, int width, int height, PixelRule rule) {
    CoverageBlock[] result = {CoverageBlock.empty()};
    // One block of all rows: the visitor runs once and the block it gets is not reused afterwards.
    visit(pixelSpacePolygon, width, height, rule, Integer.MAX_VALUE, block -> result[0] = block);
    return result[0];
  }

  /**
   * @return the rows of a block {@code cols} wide over {@code rows} rows, at most {@code
   *     maxRowsPerBlock}
   * @throws IllegalArgumentException if such a block has more cells than an array holds
   */
  private static int blockRows(int cols, int rows, int maxRowsPerBlock) {
    int blockRows = Math.min(maxRowsPerBlock, rows);
    if ((long) cols * blockRows > MAX_BLOCK_CELLS) {
      throw new IllegalArgumentException(
          "a block of "
              + cols
              + " x "
              + blockRows
              + " cells is too large; use fewer rows per block");
    }
    return blockRows;
  }

  private static void check(
      Geometry pixelSpacePolygon,
      int width,
      int height,
      PixelRule rule,
      int maxRowsPerBlock,
      CoverageVisitor visitor) {
    Objects.requireNonNull(pixelSpacePolygon, "pixelSpacePolygon");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(visitor, "visitor");
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException(
          "raster size must not be negative: " + width + " x " + height);
    }
    if (maxRowsPerBlock < 1) {
      throw new IllegalArgumentException(
          "maxRowsPerBlock must be at least 1, got " + maxRowsPerBlock);
    }
  }
}
