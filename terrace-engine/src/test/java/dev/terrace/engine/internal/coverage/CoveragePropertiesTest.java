package dev.terrace.engine.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.PixelRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Coverage against JTS on random star-shaped polygons (with holes, as multipolygons, rotated,
 * offset).
 */
class CoveragePropertiesTest {

  private static final int GRID = 12;

  private static Geometry validShape(
      long seed, double lo, double hi, double maxRadius, double snap) {
    Geometry g = Shapes.shape(new Random(seed), lo, hi, maxRadius, snap);
    Assume.that(g.isValid() && g.getArea() > 0);
    return g;
  }

  private static double[][] grid(Geometry g, int size, PixelRule rule) {
    CoverageBlock block = Coverage.compute(g, size, size, rule);
    return CoverageTest.raster(block, size, size);
  }

  @Property(tries = 300)
  void exactMatchesJtsCellIntersectionArea(@ForAll long seed) {
    // Centres from just outside to just inside the grid: many polygons are clipped by the raster
    // edge.
    Geometry g = validShape(seed, -3, GRID + 3, 7, 0);

    double[][] exact = grid(g, GRID, PixelRule.EXACT);

    for (int r = 0; r < GRID; r++) {
      for (int c = 0; c < GRID; c++) {
        Polygon cell = Shapes.cell(r, c);
        double expected = cell.intersection(g).getArea();
        assertThat(exact[r][c]).as("cell (%d, %d)", r, c).isCloseTo(expected, within(1e-9));
        // No cancellation residue: cells the polygon misses are exactly 0, cells it covers exactly
        // 1.
        if (!cell.intersects(g)) {
          assertThat(exact[r][c]).as("missed cell (%d, %d)", r, c).isZero();
        } else if (g.covers(cell)) {
          assertThat(exact[r][c]).as("covered cell (%d, %d)", r, c).isEqualTo(1.0);
        }
      }
    }
  }

  @Property(tries = 300)
  void exactStaysExactWithVerticesOnGridLines(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 2) int perCell) {
    // Vertices snapped to whole or half cells: edges along grid lines and through cell corners.
    Geometry g = validShape(seed, 0, GRID, 6, 1.0 / perCell);

    double[][] exact = grid(g, GRID, PixelRule.EXACT);
    double[][] touched = grid(g, GRID, PixelRule.ALL_TOUCHED);

    for (int r = 0; r < GRID; r++) {
      for (int c = 0; c < GRID; c++) {
        double expected = Shapes.cell(r, c).intersection(g).getArea();
        assertThat(exact[r][c]).as("cell (%d, %d)", r, c).isCloseTo(expected, within(1e-12));
        // Here every positive area is at least 1/8 of a cell, so ALL_TOUCHED must be exactly c > 0.
        assertThat(touched[r][c])
            .as("touched (%d, %d)", r, c)
            .isEqualTo(expected > 1e-12 ? 1.0 : 0.0);
      }
    }
  }

  @Property(tries = 200)
  void coverageSumsToTheAreaWhenThePolygonIsInside(@ForAll long seed) {
    Random rnd = new Random(seed);
    int size = 64;
    double radius = 0.3 + rnd.nextDouble() * 30;
    double cx = radius + rnd.nextDouble() * (size - 2 * radius);
    double cy = radius + rnd.nextDouble() * (size - 2 * radius);
    Polygon g = Shapes.star(rnd, cx, cy, radius, rnd.nextBoolean(), 0);
    Assume.that(g.isValid());

    double sum = Coverage.compute(g, size, size, PixelRule.EXACT).sum();

    assertThat(sum).isCloseTo(g.getArea(), within(1e-9 * g.getArea()));
  }

  @Property(tries = 300)
  void centerMatchesPointInPolygonOfCellCentres(@ForAll long seed) {
    Geometry g = validShape(seed, -3, GRID + 3, 7, 0);
    IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(g);
    Geometry boundary = g.getBoundary();

    double[][] center = grid(g, GRID, PixelRule.CENTER);

    for (int r = 0; r < GRID; r++) {
      for (int c = 0; c < GRID; c++) {
        Coordinate centre = new Coordinate(c + 0.5, r + 0.5);
        Point p = Shapes.FACTORY.createPoint(centre);
        if (DistanceOp.distance(p, boundary) < 1e-9) {
          continue; // a tie: the answer depends on the tie rule, not on geometry
        }
        double expected = locator.locate(centre) == Location.INTERIOR ? 1 : 0;
        assertThat(center[r][c]).as("centre of (%d, %d)", r, c).isEqualTo(expected);
      }
    }
  }

  @Property(tries = 200)
  void streamingInBlocksGivesTheSameFractionsAsOneBlock(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int rowsPerBlock) {
    Geometry g = validShape(seed, -3, GRID + 3, 7, 0);

    for (PixelRule rule : PixelRule.values()) {
      double[][] whole = grid(g, GRID, rule);
      double[][] streamed = new double[GRID][GRID];
      List<Integer> starts = new ArrayList<>();
      Coverage.visit(
          g,
          GRID,
          GRID,
          rule,
          rowsPerBlock,
          block -> {
            assertThat(block.height()).isBetween(1, rowsPerBlock);
            starts.add(block.row());
            for (int r = block.row(); r < block.row() + block.height(); r++) {
              for (int c = block.col(); c < block.col() + block.width(); c++) {
                streamed[r][c] = block.fractionAt(r, c);
              }
            }
          });
      assertThat(starts).isSorted().doesNotHaveDuplicates();
      assertThat(streamed).as(rule.name()).isDeepEqualTo(whole);
    }
  }

  @Property(tries = 300)
  void allTouchedLiesBetweenPositiveCoverageAndTheEnvelope(@ForAll long seed) {
    Geometry g = validShape(seed, -3, GRID + 3, 7, 0);
    Envelope env = g.getEnvelopeInternal();

    double[][] exact = grid(g, GRID, PixelRule.EXACT);
    double[][] touched = grid(g, GRID, PixelRule.ALL_TOUCHED);

    for (int r = 0; r < GRID; r++) {
      for (int c = 0; c < GRID; c++) {
        if (exact[r][c] > 1e-9) {
          assertThat(touched[r][c])
              .as("touched (%d, %d), exact %s", r, c, exact[r][c])
              .isEqualTo(1.0);
        }
        if (touched[r][c] == 1.0) {
          assertThat(env.intersects(new Envelope(c, c + 1, r, r + 1))).isTrue();
          assertThat(Shapes.cell(r, c).intersects(g))
              .as("touched (%d, %d) meets the polygon", r, c)
              .isTrue();
        }
        assertThat(touched[r][c]).isIn(0.0, 1.0);
      }
    }
  }
}
