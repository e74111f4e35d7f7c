package dev.terrace.engine.internal.stacread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Polygon;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Projected items of one CRS ({@code items:olinda}: the Olinda sample, UTM zone 25S, in four
 * quarters on its own grid) read as the raster they were cut from ({@code file:olinda}): each item
 * owns its own cells, and the polygon is projected into each item's pixel space whole, as into the
 * single raster's, not cut along the items' footprints in longitude/latitude first.
 */
class StacSameCrsItemsTest extends StacWorld {

  /** Within one quarter, across the four quarters' corner, and across one edge. */
  private static final List<Geometry> POLYGONS =
      List.of(
          Polygon.rectangle(-34.91, -7.99, -34.88, -7.96),
          Polygon.rectangle(-34.89, -8.02, -34.85, -7.97),
          Polygon.of(
              new double[] {-34.90, -8.03},
              new double[] {-34.86, -8.01},
              new double[] {-34.89, -8.00}));

  @Test
  void theCentreRuleReadsTheItemsAsTheRasterToTheBit() {
    for (String aggregation : List.of("mean", "sum", "count", "min", "max", "median")) {
      List<ExtractResult> items = read(POLYGONS, "items:olinda", PixelRule.CENTER, aggregation);
      List<ExtractResult> file = read(POLYGONS, "file:olinda", PixelRule.CENTER, aggregation);
      for (int i = 0; i < POLYGONS.size(); i++) {
        String what = aggregation + ", polygon " + i;
        assertThat(items.get(i).pixelCount()).as(what).isEqualTo(file.get(i).pixelCount());
        assertThat(items.get(i).pixelCount()).as(what).isPositive();
        assertThat(items.get(i).number()).as(what).isEqualTo(file.get(i).number());
        assertThat(items.get(i).coverageFraction())
            .as(what)
            .isCloseTo(file.get(i).coverageFraction(), within(1e-12));
      }
    }
  }

  /**
   * Under the exact rule each item measures coverage in its own pixel space, whose origin is the
   * raster's moved by whole cells: the cells and the extremes are the raster's, the sums agree
   * within 1e-12.
   */
  @Test
  void theExactRuleReadsTheSameCellsWithSumsWithin1e12() {
    for (String aggregation : List.of("mean", "sum", "count", "min", "max")) {
      List<ExtractResult> items = read(POLYGONS, "items:olinda", PixelRule.EXACT, aggregation);
      List<ExtractResult> file = read(POLYGONS, "file:olinda", PixelRule.EXACT, aggregation);
      for (int i = 0; i < POLYGONS.size(); i++) {
        String what = aggregation + ", polygon " + i;
        assertThat(items.get(i).pixelCount()).as(what).isEqualTo(file.get(i).pixelCount());
        double a = items.get(i).number().orElseThrow();
        double b = file.get(i).number().orElseThrow();
        if (aggregation.equals("min") || aggregation.equals("max")) {
          assertThat(a).as(what).isEqualTo(b);
        } else {
          assertThat(a).as(what).isCloseTo(b, withinPercentage(1e-10));
        }
      }
    }
  }
}
