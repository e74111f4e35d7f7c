package dev.terrace.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Zones without a valid cell answer as exactextract does: {@code count}, {@code sum} and {@code
 * variety} 0, {@code unique}, {@code distribution} and {@code histogram} empty, {@code
 * nodata_count} what was found, every statistic of the values null; quality {@code missing}. A
 * point beyond the raster has no cell, so no zone: every statistic is null. On lux:elevation, whose
 * cells (row 1, columns 29 and 30) hold nodata.
 */
class EmptyZoneTest {

  private static final double CELL = 1.0 / 120;
  private static final double WEST = 5.741666666666666;
  private static final double NORTH = 50.191666666666663;

  /** Statistics of the values: they have none in an empty zone. */
  private static final List<String> VALUELESS =
      List.of(
          "mean",
          "min",
          "max",
          "std",
          "variance",
          "coefficient_of_variation",
          "range",
          "median",
          "percentile:90",
          "majority",
          "minority");

  /** 1.8 × 0.8 cells inside the two nodata cells: 1.44 cells of nodata under the exact rule. */
  private static final Polygon OVER_NODATA =
      Polygon.rectangle(
          WEST + 29.1 * CELL, NORTH - 1.9 * CELL, WEST + 30.9 * CELL, NORTH - 1.1 * CELL);

  private static final Polygon OUTSIDE = Polygon.rectangle(0, 0, 0.1, 0.1);
  private static final Point ON_NODATA = Point.of(WEST + 29.5 * CELL, NORTH - 1.5 * CELL);
  private static final Point BEYOND = Point.of(0.05, 0.05);

  private static Terrace terrace;

  @BeforeAll
  static void open() {
    terrace = Terrace.embedded();
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  private static ExtractResult answer(Geometry geometry, PixelRule rule, String aggregation) {
    return terrace
        .extract(
            ExtractRequest.builder()
                .geometry(geometry)
                .datasets("lux:elevation")
                .pixelRule(rule)
                .aggregation(aggregation)
                .build())
        .results()
        .get(0);
  }

  @Test
  void aPolygonOverNodataCountsZeroValidCellsAndItsNodata() {
    for (PixelRule rule : PixelRule.values()) {
      assertEmptyZone(OVER_NODATA, rule);
    }
    assertThat(answer(OVER_NODATA, PixelRule.EXACT, "nodata_count").number())
        .hasValueCloseTo(1.44, within(1e-12));
    assertThat(answer(OVER_NODATA, PixelRule.CENTER, "nodata_count").jsonValue()).isEqualTo(2.0);
  }

  @Test
  void aPolygonBeyondTheRasterIsAnEmptyZoneWithoutNodata() {
    for (PixelRule rule : PixelRule.values()) {
      assertEmptyZone(OUTSIDE, rule);
      assertThat(answer(OUTSIDE, rule, "nodata_count").jsonValue())
          .as(rule.wireName())
          .isEqualTo(0.0);
    }
  }

  @Test
  void aPointOnNodataIsAnEmptyZoneOfOneNodataCell() {
    assertEmptyZone(ON_NODATA, PixelRule.EXACT);
    assertThat(answer(ON_NODATA, PixelRule.EXACT, "nodata_count").jsonValue()).isEqualTo(1.0);
  }

  @Test
  void aPointBeyondTheRasterHasNoZoneAndNoStatistic() {
    for (String aggregation : Aggregation.NAMES) {
      if (aggregation.startsWith("weighted_")
          || aggregation.equals("cells")
          || aggregation.equals("percentile")) {
        continue;
      }
      ExtractResult r = answer(BEYOND, PixelRule.EXACT, aggregation);
      assertThat(r.jsonValue()).as(aggregation).isNull();
      assertThat(r.quality()).as(aggregation).isEqualTo(Quality.MISSING);
    }
  }

  @Test
  void aBatchOfPointsAnswersAsSinglePoints() {
    for (String aggregation : List.of("count", "sum", "mean", "unique", "nodata_count")) {
      List<ExtractResult> results =
          terrace
              .batchExtract(
                  BatchExtractRequest.builder()
                      .geometries(List.of(ON_NODATA, BEYOND))
                      .datasets("lux:elevation")
                      .aggregation(aggregation)
                      .build())
              .responses()
              .stream()
              .map(r -> r.results().get(0))
              .toList();
      assertThat(results.get(0).jsonValue())
          .as(aggregation)
          .isEqualTo(answer(ON_NODATA, PixelRule.EXACT, aggregation).jsonValue());
      assertThat(results.get(1).jsonValue()).as(aggregation).isNull();
    }
  }

  private static void assertEmptyZone(Geometry zone, PixelRule rule) {
    String where = zone.getClass().getSimpleName() + " " + rule.wireName() + " ";
    for (String zero : List.of("count", "sum", "variety")) {
      ExtractResult r = answer(zone, rule, zero);
      assertThat(r.jsonValue()).as(where + zero).isEqualTo(0.0);
      assertThat(r.quality()).as(where + zero).isEqualTo(Quality.MISSING);
      assertThat(r.pixelCount()).as(where + zero).isZero();
    }
    assertThat(answer(zone, rule, "unique").jsonValue()).as(where + "unique").isEqualTo(List.of());
    assertThat(answer(zone, rule, "distribution").jsonValue())
        .as(where + "distribution")
        .isEqualTo(Map.of());
    assertThat(answer(zone, rule, "histogram").jsonValue())
        .as(where + "histogram")
        .isEqualTo(Map.of());
    for (String none : VALUELESS) {
      ExtractResult r = answer(zone, rule, none);
      assertThat(r.jsonValue()).as(where + none).isNull();
      assertThat(r.quality()).as(where + none).isEqualTo(Quality.MISSING);
    }
  }
}
