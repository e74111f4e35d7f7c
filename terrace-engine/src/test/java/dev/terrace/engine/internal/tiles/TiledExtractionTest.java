package dev.terrace.engine.internal.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.LineString;
import dev.terrace.api.geojson.MultiPoint;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.internal.extract.Zonal;
import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.stats.CellAccumulator;
import dev.terrace.engine.internal.stats.Statistic;
import dev.terrace.engine.internal.stats.StatisticRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.WKTReader;

/**
 * A tiled dataset answers as the same cells in one merged raster do ({@link TileFixture} builds
 * both from one synthetic world raster), for geometries that cross tile edges and corners, with
 * every pixel rule and statistic.
 */
class TiledExtractionTest extends TiledWorld {

  static final List<String> NUMERIC =
      List.of("mean", "sum", "count", "min", "max", "std", "median");
  static final List<String> CATEGORICAL = List.of("majority", "distribution", "variety");

  /** Across the corner at 0°, 0°. */
  static final Polygon CORNER = Polygon.rectangle(-0.37, -0.41, 0.53, 0.29);

  /** Across the edge at 1°E. */
  static final Polygon EDGE =
      Polygon.of(new double[] {0.61, 0.22}, new double[] {1.43, 0.35}, new double[] {0.83, 0.79});

  /** Across twelve tiles, with a hole around 0°, 0°. */
  static final Polygon HOLED =
      new Polygon(
          new double[][][] {
            {
              {-1.71, -1.58},
              {1.66, -1.49},
              {1.52, 1.61},
              {-0.2, 1.83},
              {-1.63, 1.12},
              {-1.71, -1.58}
            },
            {{-0.51, -0.47}, {-0.52, 0.58}, {0.49, 0.61}, {0.47, -0.53}, {-0.51, -0.47}}
          });

  /** Inside the tile N00W002. */
  static final Polygon INSIDE = Polygon.rectangle(-1.83, 0.17, -1.29, 0.71);

  /** Exactly the tile N00E000, its edges on the edges of cells. */
  static final Polygon TILE = Polygon.rectangle(0, 0, 1, 1);

  /** A sliver along 1°S, across two edges. */
  static final Polygon SLIVER =
      Polygon.of(
          new double[] {-1.4, -1.03},
          new double[] {0.9, -0.98},
          new double[] {0.9, -0.95},
          new double[] {-1.4, -1.01});

  static final List<Geometry> POLYGONS = List.of(CORNER, EDGE, HOLED, INSIDE, TILE, SLIVER);

  @Test
  void polygonsAcrossTileEdgesAndCornersReadAsTheMergedRaster() {
    for (PixelRule rule : PixelRule.values()) {
      for (String aggregation : NUMERIC) {
        assertSameAnswers("tiled:value", "merged:value", POLYGONS, rule, aggregation, true);
      }
      for (String aggregation : CATEGORICAL) {
        assertSameAnswers("tiled:class", "merged:class", POLYGONS, rule, aggregation, true);
      }
    }
  }

  /**
   * Copernicus DEM's tiles centre their cells on the degree lines, so each reaches half a cell west
   * of and north of its box; other grids add a row and a column and overlap their neighbours.
   * Either way each cell belongs to one tile, the one whose box holds its centre; a geometry within
   * half a cell of a box reads the next tile.
   */
  @Test
  void tilesWithCellsCentredOnTheDegreeLinesReadAsTheMergedRaster() {
    Polygon nearEdges = Polygon.rectangle(0.95, -1.03, 0.99, 0.97);
    for (String tiled : List.of("tiled:centred", "tiled:overlap")) {
      for (PixelRule rule : PixelRule.values()) {
        for (String aggregation : List.of("mean", "count", "max")) {
          assertSameAnswers(
              tiled,
              "merged:centred",
              List.of(CORNER, EDGE, HOLED, nearEdges),
              rule,
              aggregation,
              true);
        }
      }
      assertSameAnswers(tiled, "merged:centred", POINTS, PixelRule.EXACT, "mean", true);
    }
  }

  /** On a west edge, a north edge, a corner, in each quarter, and just inside the outer edges. */
  static final List<Geometry> POINTS =
      List.of(
          Point.of(0.3, 0.7),
          Point.of(1, 0.5),
          Point.of(0.5, 1),
          Point.of(0, 0),
          Point.of(-1, -1),
          Point.of(-1.2, 1.4),
          Point.of(1.06, -0.94),
          Point.of(-1.999, -1.999),
          Point.of(1.999, 1.999),
          Point.of(0.97, 0.01),
          Point.of(-0.01, -0.97));

  @Test
  void pointsReadTheCellUnderThemInTheTileThatHoldsIt() {
    assertSameAnswers("tiled:value", "merged:value", POINTS, PixelRule.EXACT, "mean", true);
    ExtractResult three =
        terrace
            .extract(
                ExtractRequest.builder()
                    .geometry(
                        new MultiPoint(new double[][] {{0.4, 0.7}, {-1.2, 1.4}, {1.06, -0.94}}))
                    .datasets("tiled:value")
                    .aggregation("sum")
                    .build())
            .results()
            .get(0);
    assertThat(three.number().orElseThrow())
        .isEqualTo(expectedValue(0.4, 0.7) + expectedValue(-1.2, 1.4) + expectedValue(1.06, -0.94));
    assertThat(three.pixelCount()).isEqualTo(3);
  }

  /**
   * 180° and −180° are one meridian, the west edge of the tiles W180, as of a raster from −180° to
   * 180°.
   */
  @Test
  void pointsOnTheAntimeridianReadTheTileEastOfIt() {
    for (double[] p : new double[][] {{180, 0.3}, {-180, 0.3}, {179.99, -0.2}, {-179.9, -0.7}}) {
      ExtractResult r =
          terrace.extract(ExtractRequest.of(Point.of(p[0], p[1]), "tiled:value")).results().get(0);
      assertThat(r.number().orElseThrow())
          .as("%s, %s", p[0], p[1])
          .isEqualTo(expectedValue(p[0], p[1]));
    }
  }

  /** A cell's value from the fixture's formula, for points away from cell edges and nodata. */
  private static double expectedValue(double lon, double lat) {
    int gx =
        Math.floorMod(
            (int) Math.floor((lon + 180) / TileFixture.CELL), 360 * TileFixture.PER_DEGREE);
    int gy = (int) Math.floor((90 - lat) / TileFixture.CELL);
    double v = TileFixture.value(gx, gy);
    assertThat(v)
        .as("the test point %s, %s must not fall on nodata", lon, lat)
        .isNotEqualTo(TileFixture.NODATA);
    return v;
  }

  /** Along a row of cell centres and down a column of them, across tile edges. */
  @Test
  void linesReadEachCellTheyCrossOnce() {
    List<Geometry> lines =
        List.of(
            new LineString(new double[][] {{-1.3, 0.4375}, {1.7, 0.4375}}),
            new LineString(new double[][] {{-0.0625, -1.6}, {-0.0625, 1.3}, {1.3, 1.3}}));
    for (String aggregation : List.of("mean", "count", "min")) {
      assertSameAnswers("tiled:value", "merged:value", lines, PixelRule.EXACT, aggregation, true);
    }
  }

  /**
   * A polygon written across 180° (longitudes running on to 180.55) is read from the tiles on both
   * sides. No single raster holds both sides, so the reference is the two merged rasters, east
   * (178° to 180°) and west (−180° to −178°), each summarising its side of the polygon, their
   * accumulators merged: exactly what one raster across the line would give.
   */
  @Test
  void aPolygonAcrossTheAntimeridianReadsBothSidesAsOneRaster() throws Exception {
    Polygon across =
        Polygon.of(
            new double[] {179.3, -0.6},
            new double[] {180.55, -0.8},
            new double[] {180.4, 0.45},
            new double[] {179.7, 0.6});
    org.locationtech.jts.geom.Geometry unwrapped =
        new WKTReader()
            .read("POLYGON ((179.3 -0.6, 180.55 -0.8, 180.4 0.45, 179.7 0.6, 179.3 -0.6))");
    GeometryFactory f = unwrapped.getFactory();
    org.locationtech.jts.geom.Geometry east =
        unwrapped.intersection(f.toGeometry(new Envelope(170, 180, -90, 90)));
    org.locationtech.jts.geom.Geometry west =
        AffineTransformation.translationInstance(-360, 0)
            .transform(unwrapped.intersection(f.toGeometry(new Envelope(180, 190, -90, 90))));
    for (PixelRule rule : PixelRule.values()) {
      for (String aggregation : NUMERIC) {
        assertBothSides(across, "tiled:value", "value", east, west, rule, aggregation);
      }
      for (String aggregation : CATEGORICAL) {
        assertBothSides(across, "tiled:class", "class", east, west, rule, aggregation);
      }
    }
  }

  private static void assertBothSides(
      Polygon across,
      String tiled,
      String variant,
      org.locationtech.jts.geom.Geometry east,
      org.locationtech.jts.geom.Geometry west,
      PixelRule rule,
      String aggregation) {
    ExtractResult r =
        terrace
            .extract(
                ExtractRequest.builder()
                    .geometry(across)
                    .datasets(tiled)
                    .aggregation(aggregation)
                    .pixelRule(rule)
                    .build())
            .results()
            .get(0);
    PixelRule engineRule = PixelRule.valueOf(rule.name());
    StatisticRequest statistic = StatisticRequest.of(Statistic.fromKey(aggregation));
    CellAccumulator both = CellAccumulator.of(List.of(statistic));
    for (Object[] side : new Object[][] {{"east_", east}, {"west_", west}}) {
      try (GeoTiff raster = GeoTiff.open(dir.resolve(side[0] + variant + ".tif"))) {
        both.merge(
            Zonal.summarise(
                raster,
                1,
                (org.locationtech.jts.geom.Geometry) side[1],
                PixelLocator.wgs84(),
                engineRule,
                List.of(statistic)));
      }
    }
    String what = tiled + " " + aggregation + ", " + rule;
    assertThat(r.pixelCount()).as(what).isEqualTo(both.cells()).isPositive();
    Object expected = both.result(statistic);
    if (expected instanceof Map<?, ?> distribution) {
      Map<String, Double> labelled = new java.util.TreeMap<>();
      distribution.forEach(
          (k, v) -> labelled.put(Long.toString(((Double) k).longValue()), (Double) v));
      expected = labelled;
    }
    assertClose(r.jsonValue(), expected, what);
  }

  /**
   * Compares the answers of two datasets for each geometry, from one batch request.
   *
   * @param sameCoverage whether coverage fractions and quality must agree too; a missing tile's
   *     share is its area, which the center and all_touched rules of a merged raster count in whole
   *     cells instead
   */
  static void assertSameAnswers(
      String tiled,
      String merged,
      List<Geometry> geometries,
      PixelRule rule,
      String aggregation,
      boolean sameCoverage) {
    List<ExtractResponse> responses =
        terrace
            .batchExtract(
                BatchExtractRequest.builder()
                    .geometries(geometries)
                    .datasets(tiled, merged)
                    .aggregation(aggregation)
                    .pixelRule(rule)
                    .build())
            .responses();
    for (int i = 0; i < geometries.size(); i++) {
      ExtractResult a = responses.get(i).results().get(0);
      ExtractResult b = responses.get(i).results().get(1);
      String what = aggregation + ", " + rule + ", geometry " + i;
      assertThat(responses.get(i).warnings()).as(what).isEmpty();
      assertThat(a.pixelCount()).as(what).isEqualTo(b.pixelCount());
      assertClose(a.jsonValue(), b.jsonValue(), what);
      if (sameCoverage) {
        assertThat(a.coverageFraction()).as(what).isCloseTo(b.coverageFraction(), within(1e-9));
        assertThat(a.quality()).as(what).isEqualTo(b.quality());
      }
    }
  }

  static void assertClose(Object actual, Object expected, String what) {
    if (expected instanceof Double e) {
      assertThat(actual).as(what).isInstanceOf(Double.class);
      assertThat((Double) actual).as(what).isCloseTo(e, within(1e-9 * Math.max(1, Math.abs(e))));
    } else if (expected instanceof Map<?, ?> e) {
      assertThat(actual).as(what).isInstanceOf(Map.class);
      Map<?, ?> a = (Map<?, ?>) actual;
      assertThat(a.keySet()).as(what).isEqualTo(e.keySet());
      e.forEach((k, v) -> assertClose(a.get(k), v, what + " class " + k));
    } else {
      assertThat(actual).as(what).isEqualTo(expected);
    }
  }
}
