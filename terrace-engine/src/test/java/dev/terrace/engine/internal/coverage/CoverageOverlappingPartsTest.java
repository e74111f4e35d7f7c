package dev.terrace.engine.internal.coverage;

import static dev.terrace.engine.internal.coverage.CoverageTest.assertRaster;
import static dev.terrace.engine.internal.coverage.CoverageTest.wkt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.PixelRule;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * Overlapping parts of a MultiPolygon count their union under CENTER and ALL_TOUCHED, as GDAL's
 * rasterizer burns them (rasterize/rasterize.csv holds GDAL's own answers); a hole still cuts its
 * polygon.
 */
class CoverageOverlappingPartsTest {

  @Test
  void twoSquaresOverlappingByOneColumnCountTheSixCellsOfTheirUnion() {
    Geometry g = wkt("MULTIPOLYGON (((1 1, 3 1, 3 3, 1 3, 1 1)), ((2 1, 4 1, 4 3, 2 3, 2 1)))");
    double[][] union = {
      {0, 0, 0, 0, 0},
      {0, 1, 1, 1, 0},
      {0, 1, 1, 1, 0},
      {0, 0, 0, 0, 0}
    };
    for (PixelRule rule : PixelRule.values()) {
      CoverageBlock block = Coverage.compute(g, 5, 4, rule);
      assertRaster(block, union);
      assertThat(block.sum()).as(rule.toString()).isEqualTo(6);
    }
  }

  @Test
  void theSameSquaresWithOppositeOrientationsCountTheSame() {
    // The second square runs clockwise: the winding of the overlap is then 1 - 1 only if
    // orientation leaks.
    Geometry g = wkt("MULTIPOLYGON (((1 1, 3 1, 3 3, 1 3, 1 1)), ((2 1, 2 3, 4 3, 4 1, 2 1)))");
    assertThat(Coverage.compute(g, 5, 4, PixelRule.CENTER).sum()).isEqualTo(6);
  }

  @Test
  void aHoleCutsItsPolygonButNotAnotherPartInsideIt() {
    Geometry g =
        wkt(
            "MULTIPOLYGON (((0 0, 6 0, 6 6, 0 6, 0 0), (1 1, 5 1, 5 5, 1 5, 1 1)),"
                + " ((2 2, 4 2, 4 4, 2 4, 2 2)), ((3 3, 7 3, 7 5, 3 5, 3 3)))");
    double[][] expected = {
      {1, 1, 1, 1, 1, 1, 0},
      {1, 0, 0, 0, 0, 1, 0},
      {1, 0, 1, 1, 0, 1, 0},
      {1, 0, 1, 1, 1, 1, 1},
      {1, 0, 0, 1, 1, 1, 1},
      {1, 1, 1, 1, 1, 1, 0},
      {0, 0, 0, 0, 0, 0, 0}
    };
    assertRaster(Coverage.compute(g, 7, 7, PixelRule.CENTER), expected);
    assertRaster(Coverage.compute(g, 7, 7, PixelRule.ALL_TOUCHED), expected);
  }
}
