package dev.terrace.engine.internal.coverage;

import static dev.terrace.engine.internal.coverage.CoverageTest.wkt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.PixelRule;
import dev.terrace.engine.internal.raster.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A window's visit reports, for each of its cells, the very bits the whole-raster visit gives that
 * cell, so that the parts of a polygon split across tiles add up exactly to the whole.
 */
class CoverageWindowTest {

  private static final int[] ROWS_PER_BLOCK = {1, 3, 1000};

  /** What one visit reported: per cell its value, and whether any block held the cell. */
  private static final class Cells {
    final double[][] value;
    final boolean[][] seen;
    int blocks;
    int firstCol = -1;
    int cols = -1;
    int nextRow = -1;

    Cells(int width, int height) {
      value = new double[height][width];
      seen = new boolean[height][width];
    }

    boolean any() {
      return blocks > 0;
    }
  }

  private static Cells full(Geometry g, int width, int height, PixelRule rule) {
    Cells cells = new Cells(width, height);
    Coverage.visit(g, width, height, rule, 4, block -> record(cells, block, 4));
    return cells;
  }

  private static Cells windowed(
      Geometry g, int width, int height, PixelRule rule, int rowsPerBlock, Window window) {
    Cells cells = new Cells(width, height);
    Coverage.visit(
        g,
        width,
        height,
        rule,
        rowsPerBlock,
        window,
        block -> {
          assertThat(block.col()).isGreaterThanOrEqualTo(window.col());
          assertThat(block.row()).isGreaterThanOrEqualTo(window.row());
          assertThat(block.col() + block.width()).isLessThanOrEqualTo(window.endCol());
          assertThat(block.row() + block.height()).isLessThanOrEqualTo(window.endRow());
          record(cells, block, rowsPerBlock);
        });
    return cells;
  }

  /** Records a block, checking the contract: top first, contiguous rows, the same columns. */
  private static void record(Cells cells, CoverageBlock block, int rowsPerBlock) {
    assertThat(block.height()).isBetween(1, rowsPerBlock);
    assertThat(block.width()).isPositive();
    if (cells.blocks == 0) {
      cells.firstCol = block.col();
      cells.cols = block.width();
    } else {
      assertThat(block.col()).isEqualTo(cells.firstCol);
      assertThat(block.width()).isEqualTo(cells.cols);
      assertThat(block.row()).as("blocks follow each other").isEqualTo(cells.nextRow);
    }
    cells.nextRow = block.row() + block.height();
    cells.blocks++;
    for (int r = block.row(); r < block.row() + block.height(); r++) {
      for (int c = block.col(); c < block.col() + block.width(); c++) {
        assertThat(cells.seen[r][c]).as("cell (%d, %d) reported twice", r, c).isFalse();
        cells.seen[r][c] = true;
        cells.value[r][c] = block.fractionAt(r, c);
      }
    }
  }

  /**
   * The window's visit against the whole one: the same bits in every reported cell, every covered
   * cell of the window reported, and either nothing or exactly the whole visit's cells in the
   * window.
   */
  private static void assertWindowMatches(
      Geometry g, int width, int height, PixelRule rule, Cells whole, Window window) {
    boolean coversWindow = false;
    for (int r = window.row(); r < Math.min(height, window.endRow()); r++) {
      for (int c = window.col(); c < Math.min(width, window.endCol()); c++) {
        coversWindow |= whole.value[r][c] > 0;
      }
    }
    for (int rows : ROWS_PER_BLOCK) {
      Cells part = windowed(g, width, height, rule, rows, window);
      assertThat(part.any())
          .as("%s %s rows %d: visited iff the polygon covers a cell of it", rule, window, rows)
          .isEqualTo(coversWindow);
      for (int r = 0; r < height; r++) {
        for (int c = 0; c < width; c++) {
          boolean inWindow =
              r >= window.row() && r < window.endRow() && c >= window.col() && c < window.endCol();
          boolean expected = coversWindow && inWindow && whole.seen[r][c];
          assertThat(part.seen[r][c])
              .as("%s %s rows %d: cell (%d, %d) reported", rule, window, rows, r, c)
              .isEqualTo(expected);
          if (expected) {
            assertSameBits(part.value[r][c], whole.value[r][c], rule, r, c);
          }
        }
      }
    }
  }

  private static void assertSameBits(double actual, double expected, PixelRule rule, int r, int c) {
    assertThat(Double.doubleToRawLongBits(actual))
        .as("%s cell (%d, %d): %s, whole visit %s", rule, r, c, actual, expected)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  /**
   * Tiles the raster: each tile's cells carry the whole visit's bits, no cell is reported twice,
   * and the tiles' covered cells are exactly the whole visit's.
   */
  private static void assertTilesAddUp(
      Geometry g, int width, int height, PixelRule rule, int tileWidth, int tileHeight, int rows) {
    Cells whole = full(g, width, height, rule);
    boolean[][] seen = new boolean[height][width];
    for (int row = 0; row < height; row += tileHeight) {
      for (int col = 0; col < width; col += tileWidth) {
        Window tile = Window.of(col, row, tileWidth, tileHeight);
        Cells part = windowed(g, width, height, rule, rows, tile);
        for (int r = 0; r < height; r++) {
          for (int c = 0; c < width; c++) {
            if (!part.seen[r][c]) {
              continue;
            }
            assertThat(seen[r][c]).as("cell (%d, %d) in two tiles", r, c).isFalse();
            seen[r][c] = true;
            assertSameBits(part.value[r][c], whole.value[r][c], rule, r, c);
          }
        }
      }
    }
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        if (whole.value[r][c] > 0) {
          assertThat(seen[r][c]).as("%s covered cell (%d, %d) in a tile", rule, r, c).isTrue();
        }
      }
    }
  }

  /**
   * Random shapes of every kind the sweep must agree on: stars (concave, with holes, two apart),
   * two stars overlapping, and the same snapped to whole or half cells (vertices on grid lines,
   * edges along them), from well inside to mostly outside the raster. Validity is not required: an
   * invalid ring has a defined answer too, and a window must reproduce it.
   */
  private static Geometry shape(Random rnd, int width, int height) {
    double snap =
        switch (rnd.nextInt(4)) {
          case 0 -> 1.0;
          case 1 -> 0.5;
          default -> 0;
        };
    int size = Math.max(width, height);
    double maxRadius = 1 + rnd.nextDouble() * size * 0.7;
    int kind = rnd.nextInt(6);
    if (kind == 0) {
      return grid(rnd, width, height);
    }
    Geometry g = Shapes.shape(rnd, -3, size + 3, maxRadius, snap);
    if (kind == 1) {
      double r = 0.3 + rnd.nextDouble() * maxRadius;
      double cx = -2 + rnd.nextDouble() * (width + 4);
      double cy = -2 + rnd.nextDouble() * (height + 4);
      Polygon a = Shapes.star(rnd, cx, cy, r, rnd.nextBoolean(), snap);
      Polygon b = Shapes.star(rnd, cx + r * 0.6, cy + r * 0.3, r, rnd.nextBoolean(), snap);
      return Shapes.FACTORY.createMultiPolygon(new Polygon[] {a, b});
    }
    return g;
  }

  /** A polygon of axis-parallel edges on cell lines: every edge runs along a row or column line. */
  private static Geometry grid(Random rnd, int width, int height) {
    int x0 = rnd.nextInt(width + 2) - 1;
    int y0 = rnd.nextInt(height + 2) - 1;
    int x1 = x0 + 1 + rnd.nextInt(width);
    int y1 = y0 + 1 + rnd.nextInt(height);
    int xm = x0 + (x1 - x0 + 1) / 2;
    int ym = y0 + (y1 - y0 + 1) / 2;
    // An L: the box without its top right quarter.
    return Shapes.FACTORY.createPolygon(
        new Coordinate[] {
          new Coordinate(x0, y0),
          new Coordinate(xm, y0),
          new Coordinate(xm, ym),
          new Coordinate(x1, ym),
          new Coordinate(x1, y1),
          new Coordinate(x0, y1),
          new Coordinate(x0, y0)
        });
  }

  @Property(tries = 400)
  void everyWindowReportsTheWholeVisitsBits(@ForAll long seed) {
    Random rnd = new Random(seed);
    int width = 1 + rnd.nextInt(30);
    int height = 1 + rnd.nextInt(30);
    Geometry g = shape(rnd, width, height);
    for (PixelRule rule : PixelRule.values()) {
      Cells whole = full(g, width, height, rule);
      for (int i = 0; i < 4; i++) {
        Window window =
            Window.of(
                rnd.nextInt(width + 2),
                rnd.nextInt(height + 2),
                1 + rnd.nextInt(width + 2),
                1 + rnd.nextInt(height + 2));
        assertWindowMatches(g, width, height, rule, whole, window);
      }
    }
  }

  @Property(tries = 200)
  void sevenByFiveTilesAddUpToTheWholeVisit(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int rowsIndex) {
    Random rnd = new Random(seed);
    int width = 1 + rnd.nextInt(40);
    int height = 1 + rnd.nextInt(40);
    Geometry g = shape(rnd, width, height);
    for (PixelRule rule : PixelRule.values()) {
      assertTilesAddUp(g, width, height, rule, 7, 5, ROWS_PER_BLOCK[rowsIndex]);
    }
  }

  @Property(tries = 100)
  void singleCellTilesAddUpToTheWholeVisit(@ForAll long seed) {
    Random rnd = new Random(seed);
    int width = 1 + rnd.nextInt(14);
    int height = 1 + rnd.nextInt(14);
    Geometry g = shape(rnd, width, height);
    for (PixelRule rule : PixelRule.values()) {
      assertTilesAddUp(g, width, height, rule, 1, 1, 1);
    }
  }

  @Property(tries = 60)
  void manyEdgesPerCellWithLongEdgesAcrossTilesAddUp(@ForAll long seed) {
    // Several pieces in one cell make the order of the sums matter; long edges crossing many tiles
    // are the ones a window starts late.
    Random rnd = new Random(seed);
    int size = 40 + rnd.nextInt(41);
    double r = size * (0.3 + rnd.nextDouble() * 0.5);
    double cx = size * (0.2 + rnd.nextDouble() * 0.6);
    double cy = size * (0.2 + rnd.nextDouble() * 0.6);
    Polygon star = Shapes.star(rnd, cx, cy, r, rnd.nextBoolean(), 0, 100 + rnd.nextInt(1400));
    Coordinate a = new Coordinate(rnd.nextDouble() * size, -rnd.nextDouble() * 3);
    Polygon triangle =
        Shapes.FACTORY.createPolygon(
            new Coordinate[] {
              a,
              new Coordinate(size + rnd.nextDouble() * 3, rnd.nextDouble() * size),
              new Coordinate(rnd.nextDouble() * size * 0.3, size + rnd.nextDouble() * 3),
              a.copy()
            });
    Geometry g =
        rnd.nextBoolean()
            ? Shapes.FACTORY.createMultiPolygon(new Polygon[] {star, triangle})
            : star;
    int tileWidth = 3 + rnd.nextInt(13);
    int tileHeight = 3 + rnd.nextInt(13);
    int rows = ROWS_PER_BLOCK[rnd.nextInt(ROWS_PER_BLOCK.length)];
    for (PixelRule rule : PixelRule.values()) {
      assertTilesAddUp(g, size, size, rule, tileWidth, tileHeight, rows);
    }
  }

  @Test
  void aLargeStarSplitIntoTenByTenTilesAddsUpBitForBit() {
    Random rnd = new Random(7);
    // Many short edges, a few cells apart, over a 300 x 300 raster; offset off the grid.
    Polygon star = Shapes.star(rnd, 150.3, 149.6, 170, true, 0, 3000);
    for (PixelRule rule : PixelRule.values()) {
      assertTilesAddUp(star, 300, 300, rule, 30, 30, 7);
    }
  }

  @Test
  void overlappingPartsAndHolesAddUpUnderEveryRule() {
    Geometry g =
        wkt(
            "MULTIPOLYGON (((0 0, 6 0, 6 6, 0 6, 0 0), (1 1, 5 1, 5 5, 1 5, 1 1)),"
                + " ((2 2, 4 2, 4 4, 2 4, 2 2)), ((3 3, 7 3, 7 5, 3 5, 3 3)),"
                + " ((2.5 0.5, 6.5 1.5, 3.5 6.5, 2.5 0.5)))");
    for (PixelRule rule : PixelRule.values()) {
      for (int tw = 1; tw <= 4; tw++) {
        for (int th = 1; th <= 4; th++) {
          assertTilesAddUp(g, 8, 7, rule, tw, th, 2);
        }
      }
    }
  }

  @Test
  void aWindowInsideAConcaveNotchVisitsNothing() {
    // A U: the window between its arms meets its box but none of its cells.
    Geometry g = wkt("POLYGON ((1 1, 9 1, 9 9, 7 9, 7 3, 3 3, 3 9, 1 9, 1 1))");
    for (PixelRule rule : PixelRule.values()) {
      List<CoverageBlock> blocks = new ArrayList<>();
      Coverage.visit(g, 10, 10, rule, 2, Window.of(3, 4, 4, 5), b -> blocks.add(b.copy()));
      assertThat(blocks).as(rule.toString()).isEmpty();
    }
  }

  @Test
  void zeroRowsAboveTheFirstCoveredOneAreStillHandedOverAsBlocks() {
    // A V: the window's top rows lie between its arms, its bottom rows in its body.
    Geometry g = wkt("POLYGON ((1 1, 3 1, 5 6, 7 1, 9 1, 6 9, 4 9, 1 1))");
    for (PixelRule rule : PixelRule.values()) {
      Cells whole = full(g, 10, 10, rule);
      assertWindowMatches(g, 10, 10, rule, whole, Window.of(4, 1, 2, 8));
    }
  }

  @Test
  void windowsOutsideTheRasterOrTheBoxVisitNothing() {
    Geometry g = wkt("POLYGON ((2 2, 5 2, 5 5, 2 5, 2 2))");
    for (PixelRule rule : PixelRule.values()) {
      for (Window window :
          List.of(
              Window.of(10, 0, 3, 3),
              Window.of(0, 10, 3, 3),
              Window.of(0, 0, 2, 10),
              Window.of(5, 0, 5, 10),
              Window.of(0, 5, 10, 5),
              Window.of(0, 0, 10, 2))) {
        int[] blocks = {0};
        Coverage.visit(g, 10, 10, rule, 3, window, b -> blocks[0]++);
        assertThat(blocks[0]).as("%s %s", rule, window).isZero();
      }
    }
  }

  @Test
  void aWindowOverTheWholeRasterIsTheWholeVisit() {
    Geometry g = wkt("POLYGON ((0.5 0.25, 7.75 1.5, 6.2 7.9, 1.1 6.3, 0.5 0.25))");
    for (PixelRule rule : PixelRule.values()) {
      Cells whole = full(g, 8, 8, rule);
      assertWindowMatches(g, 8, 8, rule, whole, Window.of(0, 0, 8, 8));
      assertWindowMatches(g, 8, 8, rule, whole, Window.of(0, 0, 100, 100));
    }
  }
}
