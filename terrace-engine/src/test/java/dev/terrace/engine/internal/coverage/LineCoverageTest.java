package dev.terrace.engine.internal.coverage;

import static dev.terrace.engine.internal.coverage.CoverageTest.wkt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.PixelRule;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Hand-checked line cases; rasterize/rasterize.csv holds GDAL's and shapely's answers for many
 * more.
 */
class LineCoverageTest {

  private static final double EPS = 1e-12;

  @Test
  void aDiagonalThroughTwoCellsWeighsRootTwoInEachUnderExact() {
    LineCells cells = LineCoverage.compute(wkt("LINESTRING (0 0, 2 2)"), PixelRule.EXACT);
    assertThat(cells.size()).isEqualTo(2);
    assertThat(cells.weightAt(0, 0)).isCloseTo(Math.sqrt(2), within(EPS));
    assertThat(cells.weightAt(1, 1)).isCloseTo(Math.sqrt(2), within(EPS));
    // Through the corner (1, 1) only: the other two cells at that corner are not entered.
    assertThat(LineCoverage.compute(wkt("LINESTRING (0 0, 2 2)"), PixelRule.ALL_TOUCHED).size())
        .isEqualTo(2);
  }

  @Test
  void weightsAddUpToTheLengthAndFollowEachCell() {
    // (0.5, 0.5) to (3.5, 1.5): crosses x = 1 at y = 2/3, x = 2 at y = 1, x = 3 at y = 4/3.
    LineCells cells = LineCoverage.compute(wkt("LINESTRING (0.5 0.5, 3.5 1.5)"), PixelRule.EXACT);
    double perX = Math.sqrt(1 + 1.0 / 9); // length per unit of x along a slope of 1/3
    assertThat(cells.weightAt(0, 0)).isCloseTo(0.5 * perX, within(EPS));
    assertThat(cells.weightAt(0, 1)).isCloseTo(perX, within(EPS));
    assertThat(cells.weightAt(1, 2)).isCloseTo(perX, within(EPS));
    assertThat(cells.weightAt(1, 3)).isCloseTo(0.5 * perX, within(EPS));
    assertThat(cells.sum()).isCloseTo(Math.hypot(3, 1), within(EPS));
  }

  @Test
  void aLineAlongACellSideIsCountedOnceInTheCellBelowIt() {
    LineCells cells = LineCoverage.compute(wkt("LINESTRING (0.5 2, 2.5 2)"), PixelRule.EXACT);
    assertThat(cells.sum()).isCloseTo(2, within(EPS));
    assertThat(cells.weightAt(2, 0)).isCloseTo(0.5, within(EPS));
    assertThat(cells.weightAt(2, 1)).isCloseTo(1, within(EPS));
    assertThat(cells.weightAt(2, 2)).isCloseTo(0.5, within(EPS));
    assertThat(cells.weightAt(1, 1)).isZero();
  }

  @Test
  void partsAddTheirLengthsUnderExactAndCountACellOnceOtherwise() {
    String twice = "MULTILINESTRING ((0.25 0.5, 0.75 0.5), (0.5 0.25, 0.5 0.75))";
    assertThat(LineCoverage.compute(wkt(twice), PixelRule.EXACT).weightAt(0, 0))
        .isCloseTo(1, within(EPS));
    assertThat(LineCoverage.compute(wkt(twice), PixelRule.CENTER).weightAt(0, 0)).isEqualTo(1);
    assertThat(LineCoverage.compute(wkt(twice), PixelRule.ALL_TOUCHED).sum()).isEqualTo(1);
  }

  @Test
  void aLineInsideOneCellCountsThatCellAndCellsBeyondTheRasterAreReported() {
    LineCells inside = LineCoverage.compute(wkt("LINESTRING (2.2 3.3, 2.7 3.9)"), PixelRule.CENTER);
    assertThat(inside.size()).isEqualTo(1);
    assertThat(inside.weightAt(3, 2)).isEqualTo(1);
    LineCells out = LineCoverage.compute(wkt("LINESTRING (-1.5 0.5, 0.5 0.5)"), PixelRule.EXACT);
    assertThat(out.weightAt(0, -2)).isCloseTo(0.5, within(EPS));
    assertThat(out.weightAt(0, -1)).isCloseTo(1, within(EPS));
    assertThat(out.weightAt(0, 0)).isCloseTo(0.5, within(EPS));
  }

  @Test
  void rejectsWhatIsNotALineAndNonFiniteCoordinates() {
    assertThatThrownBy(
            () -> LineCoverage.compute(wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"), PixelRule.EXACT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                LineCoverage.compute(
                    Shapes.FACTORY.createLineString(
                        new Coordinate[] {new Coordinate(0, 0), new Coordinate(Double.NaN, 1)}),
                    PixelRule.CENTER))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
