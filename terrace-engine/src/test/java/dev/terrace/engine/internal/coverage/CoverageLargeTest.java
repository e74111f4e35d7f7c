package dev.terrace.engine.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.PixelRule;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Memory stays bounded by the block, not the polygon; plus a printed (never asserted) timing. */
class CoverageLargeTest {

  /** Bytes this thread has allocated so far (HotSpot), or -1 where the JVM cannot tell. */
  private static long allocatedBytes() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
        && bean.isThreadAllocatedMemorySupported()
        && bean.isThreadAllocatedMemoryEnabled()) {
      return bean.getCurrentThreadAllocatedBytes();
    }
    return -1;
  }

  @Test
  void a20000By20000CellSquareStreamsIn256RowBlocks() {
    // Offset by a quarter / half cell so the first and last rows and columns are partly covered.
    Geometry g =
        CoverageTest.wkt(
            "POLYGON((0.25 0.5, 20000.25 0.5, 20000.25 20000.5, 0.25 20000.5, 0.25 0.5))");
    double[] sum = {0};
    int[] blocks = {0};
    long before = allocatedBytes();

    Coverage.visit(
        g,
        20001,
        20001,
        PixelRule.EXACT,
        256,
        block -> {
          assertThat(block.height()).isLessThanOrEqualTo(256);
          double[] v = block.fractions();
          double s = 0;
          for (int i = 0, n = block.size(); i < n; i++) {
            s += v[i];
          }
          sum[0] += s;
          blocks[0]++;
        });

    long allocated = allocatedBytes() - before;
    // Every partial cell is a dyadic fraction (0.75, 0.5, 0.25, 0.375, ...), so the sum is exact.
    assertThat(sum[0]).isEqualTo(20000.0 * 20000.0);
    assertThat(blocks[0]).isEqualTo((20001 + 255) / 256);
    if (before >= 0) {
      // One block is 20001 * 256 doubles (41 MB); the whole area as doubles would be 3.2 GB.
      assertThat(allocated).isLessThan(64L << 20);
    }
  }

  @Test
  void aPolygonFarLargerThanTheRasterCostsOnlyTheRaster() {
    Geometry g = CoverageTest.wkt("POLYGON((-1e7 -1e7, 1e7 -1e7, 1e7 1e7, -1e7 1e7, -1e7 -1e7))");
    long before = allocatedBytes();

    CoverageBlock block = Coverage.compute(g, 100, 100, PixelRule.ALL_TOUCHED);

    long allocated = allocatedBytes() - before;
    assertThat(block.sum()).isEqualTo(100 * 100);
    if (before >= 0) {
      assertThat(allocated).isLessThan(1L << 20);
    }
  }

  @Test
  void a10000CellPolygonWith30VerticesIsCoveredUnderEveryRule() {
    // Radii in [0.5 R, R] with R = 70 give roughly 10 000 cells. How fast this is belongs to the
    // benchmarks.
    Polygon g = Shapes.star(new Random(7), 100.3, 100.7, 70, false, 0, 30);
    double area = g.getArea();
    double sink = 0;
    for (PixelRule rule : PixelRule.values()) {
      sink += Coverage.compute(g, 200, 200, rule).fraction(0);
    }
    assertThat(Coverage.compute(g, 200, 200, PixelRule.EXACT).sum())
        .isCloseTo(area, within(1e-9 * area));
    assertThat(sink).isNotNaN();
  }
}
