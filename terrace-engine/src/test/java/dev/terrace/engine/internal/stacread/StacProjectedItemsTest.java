package dev.terrace.engine.internal.stacread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Items in two CRSs, UTM zones 31 and 32 either side of 6°E ({@code items:utm}): each item owns its
 * footprint, and a polygon across the zones' edge is the polygon clipped to each footprint, read
 * from each item's file in its own CRS, the pieces summarised together. The reference reads each
 * piece from the item's file declared as a {@code cog} dataset ({@code file:utm31}, {@code
 * file:utm32}) and merges the two answers.
 */
class StacProjectedItemsTest extends StacWorld {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  /** The items' footprints: the parts of elev_lux.tif west and east of 6°E. */
  private static final Envelope WEST =
      new Envelope(5.741666666666666, 6.0, 49.44166666666666, 50.19166666666666);

  private static final Envelope EAST =
      new Envelope(6.0, 6.533333333333333, 49.44166666666666, 50.19166666666666);

  /** Across 6°E, a rectangle and a triangle. */
  private static final List<Polygon> ACROSS =
      List.of(
          Polygon.rectangle(5.87, 49.58, 6.16, 49.93),
          Polygon.of(
              new double[] {5.83, 49.63}, new double[] {6.21, 49.71}, new double[] {5.97, 50.02}));

  /**
   * The number of cells read and the extremes merge exactly; the sum and count (under the exact
   * rule a sum of coverage fractions) are added in another order, and agree within 1e-12.
   */
  @Test
  void aPolygonAcrossTheZonesIsTheMergeOfItsPiecesReadFromEachItem() {
    for (PixelRule rule : List.of(PixelRule.EXACT, PixelRule.CENTER)) {
      for (Polygon polygon : ACROSS) {
        List<Geometry> pieces = List.of(clip(polygon, WEST), clip(polygon, EAST));
        for (String aggregation : List.of("count", "sum", "min", "max")) {
          String what = aggregation + ", " + rule + ", " + polygon;
          ExtractResult mosaic = read(List.of(polygon), "items:utm", rule, aggregation).get(0);
          List<ExtractResult> west = read(pieces.subList(0, 1), "file:utm31", rule, aggregation);
          List<ExtractResult> east = read(pieces.subList(1, 2), "file:utm32", rule, aggregation);
          double a = west.get(0).number().orElseThrow();
          double b = east.get(0).number().orElseThrow();
          assertThat(west.get(0).pixelCount()).as(what).isPositive();
          assertThat(east.get(0).pixelCount()).as(what).isPositive();
          assertThat(mosaic.pixelCount())
              .as(what)
              .isEqualTo(west.get(0).pixelCount() + east.get(0).pixelCount());
          switch (aggregation) {
            case "min" -> assertThat(mosaic.number()).as(what).hasValue(Math.min(a, b));
            case "max" -> assertThat(mosaic.number()).as(what).hasValue(Math.max(a, b));
            default ->
                assertThat(mosaic.number().orElseThrow())
                    .as(what)
                    .isCloseTo(a + b, withinPercentage(1e-10));
          }
        }
      }
    }
  }

  @Test
  void aPointReadsTheItemWhoseFootprintHoldsIt() {
    for (Object[] p :
        new Object[][] {{5.9125, 49.9375, "file:utm31"}, {6.2458, 49.854, "file:utm32"}}) {
      Point point = Point.of((double) p[0], (double) p[1]);
      ExtractResponse r = terrace.extract(ExtractRequest.of(point, "items:utm", (String) p[2]));
      assertThat(r.results().get(0).number()).isPresent();
      assertThat(r.results().get(0).number()).isEqualTo(r.results().get(1).number());
      assertThat(r.results().get(0).crs()).isEqualTo(r.results().get(1).crs());
    }
  }

  /** The polygon's part in a footprint, cut as the engine cuts it. */
  private static Polygon clip(Polygon polygon, Envelope footprint) {
    double[][] ring = polygon.coordinates()[0];
    Coordinate[] c = new Coordinate[ring.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = new Coordinate(ring[i][0], ring[i][1]);
    }
    org.locationtech.jts.geom.Geometry cut =
        FACTORY.createPolygon(c).intersection(FACTORY.toGeometry(footprint));
    List<double[]> out = new ArrayList<>();
    for (Coordinate k : cut.getCoordinates()) {
      out.add(new double[] {k.x, k.y});
    }
    return new Polygon(new double[][][] {out.toArray(double[][]::new)});
  }
}
