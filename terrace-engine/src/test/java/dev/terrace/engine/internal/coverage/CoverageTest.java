package dev.terrace.engine.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.PixelRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Hand-computed coverage, written as the arithmetic that gives it (exactextract's test style). */
class CoverageTest {

  private static final double EPS = 1e-12;

  static Geometry wkt(String text) {
    try {
      return new WKTReader().read(text);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The block as a full raster (rows x cols), so expectations can be written as matrices. */
  static double[][] raster(CoverageBlock block, int width, int height) {
    double[][] out = new double[height][width];
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        out[r][c] = block.fractionAt(r, c);
      }
    }
    return out;
  }

  static void assertRaster(CoverageBlock block, double[][] expected) {
    double[][] actual = raster(block, expected[0].length, expected.length);
    for (int r = 0; r < expected.length; r++) {
      for (int c = 0; c < expected[r].length; c++) {
        assertThat(actual[r][c])
            .as("cell (row %d, col %d)", r, c)
            .isCloseTo(expected[r][c], within(EPS));
      }
    }
  }

  @Test
  void squareOffsetByHalfACellCoversCornersAQuarterAndEdgesAHalf() {
    Geometry g = wkt("POLYGON((0.5 0.5, 2.5 0.5, 2.5 2.5, 0.5 2.5, 0.5 0.5))");

    CoverageBlock exact = Coverage.compute(g, 3, 3, PixelRule.EXACT);

    assertRaster(
        exact,
        new double[][] {
          {0.5 * 0.5, 1 * 0.5, 0.5 * 0.5},
          {0.5 * 1, 1.0, 0.5 * 1},
          {0.5 * 0.5, 1 * 0.5, 0.5 * 0.5}
        });
    assertThat(exact.sum()).isCloseTo(0.25 * 4 + 0.5 * 4 + 1, within(EPS));
    assertThat(List.of(exact.col(), exact.row(), exact.width(), exact.height()))
        .containsExactly(0, 0, 3, 3);
    // Every cell has positive area inside.
    assertRaster(
        Coverage.compute(g, 3, 3, PixelRule.ALL_TOUCHED),
        new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});
    // All centres on the boundary are ties: the scanline counts edges on [ymin, ymax) (rows 0 and
    // 1, not
    // 2) and takes centres in (x1, x2] (columns 1 and 2, not 0), as GDAL does; the count equals the
    // area.
    assertRaster(
        Coverage.compute(g, 3, 3, PixelRule.CENTER),
        new double[][] {{0, 1, 1}, {0, 1, 1}, {0, 0, 0}});
  }

  @Test
  void orientationOfTheRingDoesNotMatter() {
    Geometry ccw = wkt("POLYGON((0.5 0.5, 2.5 0.5, 2.5 2.5, 0.5 2.5, 0.5 0.5))");
    Geometry cw = wkt("POLYGON((0.5 0.5, 0.5 2.5, 2.5 2.5, 2.5 0.5, 0.5 0.5))");

    for (PixelRule rule : PixelRule.values()) {
      double[][] a = raster(Coverage.compute(ccw, 3, 3, rule), 3, 3);
      double[][] b = raster(Coverage.compute(cw, 3, 3, rule), 3, 3);
      assertThat(b).as(rule.name()).isDeepEqualTo(a);
    }
  }

  @Test
  void subPixelTriangleStillCoversItsCellPartly() {
    // Legs 0.6 and 0.6 inside cell (0, 0); the hypotenuse x + y = 0.8 passes below the centre (sum
    // 1.0).
    Geometry g = wkt("POLYGON((0.1 0.1, 0.7 0.1, 0.1 0.7, 0.1 0.1))");

    CoverageBlock exact = Coverage.compute(g, 2, 2, PixelRule.EXACT);

    assertThat(List.of(exact.col(), exact.row(), exact.width(), exact.height()))
        .containsExactly(0, 0, 1, 1);
    assertThat(exact.fraction(0)).isCloseTo(0.5 * 0.6 * 0.6, within(EPS));
    assertThat(Coverage.compute(g, 2, 2, PixelRule.CENTER).sum()).isZero();
    assertThat(Coverage.compute(g, 2, 2, PixelRule.ALL_TOUCHED).fraction(0)).isEqualTo(1.0);
  }

  @Test
  void smallTriangleSplitOverThreeCellsTouchesTheFourthOnlyAtACorner() {
    // Hypotenuse x + y = 2 passes exactly through the corner (1, 1) of cell (1, 1).
    Geometry g = wkt("POLYGON((0.5 0.5, 1.5 0.5, 0.5 1.5, 0.5 0.5))");

    CoverageBlock exact = Coverage.compute(g, 3, 3, PixelRule.EXACT);

    assertRaster(
        exact,
        new double[][] {
          {0.5 * 0.5, 0.5 * 0.5 * 0.5, 0},
          {0.5 * 0.5 * 0.5, 0, 0},
          {0, 0, 0}
        });
    assertThat(exact.sum()).isCloseTo(0.5 * 1 * 1, within(EPS));
    assertRaster(
        Coverage.compute(g, 3, 3, PixelRule.ALL_TOUCHED),
        new double[][] {{1, 1, 0}, {1, 0, 0}, {0, 0, 0}});
  }

  @Test
  void holeSubtractsItsAreaWhateverItsOrientation() {
    // Hole [1.2, 2.8]^2 takes 0.8 * 0.8 out of each of the four inner cells.
    String shell = "(0 0, 4 0, 4 4, 0 4, 0 0)";
    Geometry sameWay = wkt("POLYGON(" + shell + ", (1.2 1.2, 2.8 1.2, 2.8 2.8, 1.2 2.8, 1.2 1.2))");
    Geometry otherWay =
        wkt("POLYGON(" + shell + ", (1.2 1.2, 1.2 2.8, 2.8 2.8, 2.8 1.2, 1.2 1.2))");
    double inner = 1 - 0.8 * 0.8;

    for (Geometry g : List.of(sameWay, otherWay)) {
      CoverageBlock exact = Coverage.compute(g, 4, 4, PixelRule.EXACT);
      assertRaster(
          exact,
          new double[][] {
            {1, 1, 1, 1},
            {1, inner, inner, 1},
            {1, inner, inner, 1},
            {1, 1, 1, 1}
          });
      assertThat(exact.sum()).isCloseTo(4 * 4 - 1.6 * 1.6, within(EPS));
      assertRaster(
          Coverage.compute(g, 4, 4, PixelRule.CENTER),
          new double[][] {{1, 1, 1, 1}, {1, 0, 0, 1}, {1, 0, 0, 1}, {1, 1, 1, 1}});
      assertThat(Coverage.compute(g, 4, 4, PixelRule.ALL_TOUCHED).sum()).isEqualTo(16);
    }
  }

  @Test
  void holeCoveringWholeCellsLeavesThemEmpty() {
    Geometry g = wkt("POLYGON((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 3 1, 3 3, 1 3, 1 1))");

    for (PixelRule rule : PixelRule.values()) {
      assertRaster(
          Coverage.compute(g, 4, 4, rule),
          new double[][] {{1, 1, 1, 1}, {1, 0, 0, 1}, {1, 0, 0, 1}, {1, 1, 1, 1}});
    }
  }

  @Test
  void multipolygonSumsItsParts() {
    Geometry g =
        wkt(
            "MULTIPOLYGON(((0.5 0.5, 1.5 0.5, 1.5 1.5, 0.5 1.5, 0.5 0.5)),"
                + " ((3 2, 4 2, 4 3, 3 3, 3 2)))");

    CoverageBlock exact = Coverage.compute(g, 5, 4, PixelRule.EXACT);

    assertThat(List.of(exact.col(), exact.row(), exact.width(), exact.height()))
        .containsExactly(0, 0, 4, 3);
    assertRaster(
        exact,
        new double[][] {
          {0.25, 0.25, 0, 0, 0},
          {0.25, 0.25, 0, 0, 0},
          {0, 0, 0, 1, 0},
          {0, 0, 0, 0, 0}
        });
    assertThat(exact.sum()).isCloseTo(1 + 1, within(EPS));
    assertRaster(
        Coverage.compute(g, 5, 4, PixelRule.ALL_TOUCHED),
        new double[][] {{1, 1, 0, 0, 0}, {1, 1, 0, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 0}});
    // The first square's four centres are its corners, all ties: only (x1, x2] x [ymin, ymax) keeps
    // one.
    assertRaster(
        Coverage.compute(g, 5, 4, PixelRule.CENTER),
        new double[][] {{0, 1, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 0, 0, 0}});
  }

  @Test
  void polygonPartlyOutsideCountsOnlyItsInsidePart() {
    // Inside part: [0, 1.5] x [0, 1.5].
    Geometry g = wkt("POLYGON((-1.5 -0.5, 1.5 -0.5, 1.5 1.5, -1.5 1.5, -1.5 -0.5))");

    CoverageBlock exact = Coverage.compute(g, 4, 4, PixelRule.EXACT);

    assertThat(List.of(exact.col(), exact.row(), exact.width(), exact.height()))
        .containsExactly(0, 0, 2, 2);
    assertRaster(
        exact,
        new double[][] {
          {1, 0.5, 0, 0},
          {0.5, 0.5 * 0.5, 0, 0},
          {0, 0, 0, 0},
          {0, 0, 0, 0}
        });
    assertThat(exact.sum()).isCloseTo(1.5 * 1.5, within(EPS));
    assertThat(Coverage.compute(g, 4, 4, PixelRule.ALL_TOUCHED).sum()).isEqualTo(4);
    // Centre (1.5, 1.5) lies on the corner: excluded by the [ymin, ymax) rule.
    assertRaster(
        Coverage.compute(g, 4, 4, PixelRule.CENTER),
        new double[][] {{1, 1, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}});
  }

  @Test
  void concavePolygonLeavingAndReenteringTheRasterLeavesNoTraceOfItsOutsidePart() {
    // Two bars joined outside the raster, left of x = 0: clipping leaves a zero-width spike along x
    // = 0
    // between them, which must neither add area nor touch row 1.
    Geometry g = wkt("POLYGON((-2 0, 3 0, 3 1, -1 1, -1 2, 3 2, 3 3, -2 3, -2 0))");

    for (PixelRule rule : PixelRule.values()) {
      assertRaster(
          Coverage.compute(g, 4, 4, rule),
          new double[][] {{1, 1, 1, 0}, {0, 0, 0, 0}, {1, 1, 1, 0}, {0, 0, 0, 0}});
    }
  }

  @Test
  void polygonBiggerThanTheRasterCoversEveryCellFully() {
    Geometry g =
        wkt("POLYGON((-100.3 -50.7, 1000.2 -50.7, 1000.2 700.9, -100.3 700.9, -100.3 -50.7))");

    for (PixelRule rule : PixelRule.values()) {
      CoverageBlock block = Coverage.compute(g, 5, 3, rule);
      assertThat(List.of(block.col(), block.row(), block.width(), block.height()))
          .containsExactly(0, 0, 5, 3);
      assertThat(block.sum()).as(rule.name()).isEqualTo(15);
    }
  }

  @Test
  void bigTriangleClippedToTheRasterKeepsItsDiagonalExact() {
    // Inside the 6 x 6 raster the hypotenuse is x + y = 10: cells with col + row <= 8 are full,
    // those with
    // col + row = 9 are halved, (5, 5) is empty.
    Geometry g = wkt("POLYGON((-10 -10, 20 -10, -10 20, -10 -10))");

    CoverageBlock exact = Coverage.compute(g, 6, 6, PixelRule.EXACT);

    for (int r = 0; r < 6; r++) {
      for (int c = 0; c < 6; c++) {
        double expected = r + c <= 8 ? 1 : (r + c == 9 ? 0.5 : 0);
        assertThat(exact.fractionAt(r, c))
            .as("cell (%d, %d)", r, c)
            .isCloseTo(expected, within(EPS));
      }
    }
    assertThat(exact.sum()).isCloseTo(36 - 1 - 2 * 0.5, within(EPS));
    assertThat(Coverage.compute(g, 6, 6, PixelRule.ALL_TOUCHED).sum()).isEqualTo(35);
  }

  @Test
  void verticesAndEdgesOnGridLinesStayExact() {
    // Legs along the grid, hypotenuse x + y = 4 through cell corners.
    Geometry g = wkt("POLYGON((0 0, 4 0, 0 4, 0 0))");

    CoverageBlock exact = Coverage.compute(g, 4, 4, PixelRule.EXACT);

    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        double expected = r + c <= 2 ? 1 : (r + c == 3 ? 0.5 : 0);
        assertThat(exact.fractionAt(r, c)).as("cell (%d, %d)", r, c).isEqualTo(expected);
      }
    }
    assertThat(exact.sum()).isEqualTo(0.5 * 4 * 4);
    // Cells with col + row = 4 meet the hypotenuse only at a corner: not touched.
    CoverageBlock touched = Coverage.compute(g, 4, 4, PixelRule.ALL_TOUCHED);
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        assertThat(touched.fractionAt(r, c))
            .as("cell (%d, %d)", r, c)
            .isEqualTo(r + c <= 3 ? 1.0 : 0.0);
      }
    }
    // Centres with col + row = 3 lie on the hypotenuse, the right end of their scanline run:
    // included.
    assertThat(Coverage.compute(g, 4, 4, PixelRule.CENTER).sum()).isEqualTo(6 + 4);
  }

  @Test
  void pixelAlignedSquareCoversExactlyItsCellsUnderEveryRule() {
    Geometry g = wkt("POLYGON((1 1, 3 1, 3 3, 1 3, 1 1))");

    for (PixelRule rule : PixelRule.values()) {
      CoverageBlock block = Coverage.compute(g, 4, 4, rule);
      assertThat(List.of(block.col(), block.row(), block.width(), block.height()))
          .containsExactly(1, 1, 2, 2);
      assertRaster(block, new double[][] {{0, 0, 0, 0}, {0, 1, 1, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}});
    }
  }

  @Test
  void verticalEdgesInsideAColumnCutItsCells() {
    Geometry g = wkt("POLYGON((0.5 0, 2.5 0, 2.5 3, 0.5 3, 0.5 0))");

    assertRaster(
        Coverage.compute(g, 3, 3, PixelRule.EXACT),
        new double[][] {{0.5, 1, 0.5}, {0.5, 1, 0.5}, {0.5, 1, 0.5}});
    assertThat(Coverage.compute(g, 3, 3, PixelRule.ALL_TOUCHED).sum()).isEqualTo(9);
  }

  @Test
  void thinSliverAlongARowLine() {
    // 0.001 high, 2 wide, straddling the line y = 1: half in row 0, half in row 1.
    Geometry g = wkt("POLYGON((0 0.9995, 2 0.9995, 2 1.0005, 0 1.0005, 0 0.9995))");

    CoverageBlock exact = Coverage.compute(g, 2, 2, PixelRule.EXACT);

    assertRaster(exact, new double[][] {{0.0005, 0.0005}, {0.0005, 0.0005}});
    assertThat(Coverage.compute(g, 2, 2, PixelRule.ALL_TOUCHED).sum()).isEqualTo(4);
    assertThat(Coverage.compute(g, 2, 2, PixelRule.CENTER).sum()).isZero();
  }

  @Test
  void blocksStreamTopDownWithAtMostTheAskedRows() {
    Geometry g = wkt("POLYGON((0.5 0.25, 3.5 0.25, 3.5 9.75, 0.5 9.75, 0.5 0.25))");
    List<int[]> windows = new ArrayList<>();
    double[] sum = {0};

    Coverage.visit(
        g,
        5,
        12,
        PixelRule.EXACT,
        3,
        block -> {
          windows.add(new int[] {block.col(), block.row(), block.width(), block.height()});
          sum[0] += block.sum();
        });

    assertThat(windows)
        .containsExactly(
            new int[] {0, 0, 4, 3},
            new int[] {0, 3, 4, 3},
            new int[] {0, 6, 4, 3},
            new int[] {0, 9, 4, 1});
    assertThat(sum[0]).isCloseTo(3 * 9.5, within(EPS));
  }

  @Test
  void nothingIsVisitedForAPolygonOutsideTheRasterOrWithoutArea() {
    List<Geometry> none =
        List.of(
            wkt("POLYGON((10 10, 12 10, 12 12, 10 12, 10 10))"),
            wkt("POLYGON((-2 0, 0 0, 0 2, -2 2, -2 0))"),
            wkt("POLYGON((0 0, 1 1, 2 2, 0 0))"),
            wkt("POLYGON EMPTY"),
            wkt("MULTIPOLYGON EMPTY"));

    for (Geometry g : none) {
      for (PixelRule rule : PixelRule.values()) {
        Coverage.visit(
            g,
            4,
            4,
            rule,
            2,
            block -> {
              throw new AssertionError("visited " + block + " for " + g);
            });
        assertThat(Coverage.compute(g, 4, 4, rule).isEmpty()).isTrue();
      }
    }
  }

  @Test
  void fractionChecksItsIndexAndFractionAtIsZeroOutsideTheWindow() {
    CoverageBlock block =
        Coverage.compute(wkt("POLYGON((1 1, 2 1, 2 2, 1 2, 1 1))"), 4, 4, PixelRule.EXACT);

    assertThat(block.size()).isEqualTo(1);
    assertThat(block.fraction(0)).isEqualTo(1.0);
    assertThat(block.fractionAt(1, 1)).isEqualTo(1.0);
    assertThat(block.fractionAt(0, 0)).isZero();
    assertThatThrownBy(() -> block.fraction(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void rejectsWhatHasNoAreaToCoverAndBadArguments() {
    Geometry square = wkt("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))");

    assertThatThrownBy(() -> Coverage.compute(wkt("LINESTRING(0 0, 1 1)"), 4, 4, PixelRule.EXACT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Coverage.compute(wkt("POINT(1 1)"), 4, 4, PixelRule.EXACT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Coverage.compute(
                    wkt("POLYGON((0 0, NaN 0, 1 1, 0 1, 0 0))"), 4, 4, PixelRule.EXACT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Coverage.visit(square, 4, 4, PixelRule.EXACT, 0, b -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Coverage.compute(square, -1, 4, PixelRule.EXACT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
