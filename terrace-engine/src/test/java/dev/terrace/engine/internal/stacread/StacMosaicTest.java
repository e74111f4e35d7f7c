package dev.terrace.engine.internal.stacread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BoundingBox;
import dev.terrace.api.Dataset;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.TemporalAggregation;
import dev.terrace.api.TimeRange;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.LineString;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A {@code stac} dataset whose items were cut from one raster on its grid answers as that raster
 * does, to the bit, for polygons across the items' edges and points in each item; its items' dates
 * are its timestamps; an item whose asset is missing is missing alone; and the catalog served over
 * HTTP answers as the one on disk.
 */
class StacMosaicTest extends StacWorld {

  /** Across the corner where the four items meet. */
  static final Polygon CORNER = Polygon.rectangle(5.93, 49.71, 6.31, 49.97);

  /** Across the edge between the two northern items, a triangle. */
  static final Polygon EDGE =
      Polygon.of(new double[] {6.02, 49.88}, new double[] {6.27, 49.93}, new double[] {6.09, 50.1});

  /** Inside the south-western item. */
  static final Polygon INSIDE = Polygon.rectangle(5.81, 49.52, 5.96, 49.67);

  /** Over the whole raster and beyond it. */
  static final Polygon BEYOND = Polygon.rectangle(5.6, 49.3, 6.7, 50.3);

  /** A sliver a cell and a half wide along the edge between the western and eastern items. */
  static final Polygon SLIVER = Polygon.rectangle(MID_LON - 0.007, 49.6, MID_LON + 0.005, 50.05);

  static final List<Geometry> POLYGONS = List.of(CORNER, EDGE, INSIDE, BEYOND, SLIVER);

  /**
   * Under the center and all_touched rules every value is the raster's to the bit. Under the exact
   * rule the cells' coverage fractions are computed in each item's pixel space, whose origin is not
   * the raster's: they may differ from the raster's in the last bits, and so may what they weigh —
   * mean, sum, count (the sum of the fractions), the interpolated median — by less than 1e-12; the
   * number of cells read, the extremes and the classes do not. The coverage fraction of a mosaic
   * adds areas in degrees rather than cells, and agrees within 1e-12 under every rule.
   */
  @Test
  void polygonsAcrossItemsReadAsTheRasterTheyWereCutFrom() {
    for (PixelRule rule : PixelRule.values()) {
      for (String aggregation : List.of("mean", "sum", "count", "min", "max", "median")) {
        assertSameAnswers("items:elev", "file:elev", POLYGONS, rule, aggregation);
      }
      for (String aggregation : List.of("majority", "minority", "variety")) {
        assertSameAnswers("items:classes", "file:classes", POLYGONS, rule, aggregation);
      }
    }
  }

  @Test
  void pointsInEachItemReadTheCellUnderThem() {
    List<Geometry> points =
        List.of(
            Point.of(5.9125, 49.9375),
            Point.of(6.2458, 49.854),
            Point.of(5.9958, 49.6875),
            Point.of(6.3292, 49.6875),
            Point.of(MID_LON + 0.001, MID_LAT - 0.001),
            Point.of(MID_LON - 0.001, MID_LAT + 0.001));
    assertSameAnswers("items:elev", "file:elev", points, PixelRule.EXACT, "mean");
    ExtractResult north =
        terrace.extract(ExtractRequest.of(Point.of(6.2458, 49.854), "items:elev")).results().get(0);
    assertThat(north.pixelCount()).isEqualTo(1);
    assertThat(north.number()).isPresent();
  }

  /**
   * Along a row of cell centres and down a column of them, across the items' edges; their ends are
   * off the cells' edges, where a line would touch a cell of the next item that the raster counts.
   * Under the exact rule, as for tiles: under the others a line's share of each item is weighed in
   * the cells it steps through, which a line cut at the items' edge counts differently.
   */
  @Test
  void linesAcrossItemsReadEachCellOnce() {
    double row = MID_LAT + 10.5 / 120;
    double column = MID_LON + 2.5 / 120;
    List<Geometry> lines =
        List.of(
            new LineString(new double[][] {{5.903, row}, {6.297, row}}),
            new LineString(new double[][] {{column, 49.603}, {column, 50.003}, {6.004, 49.703}}));
    for (String aggregation : List.of("mean", "count", "min", "max")) {
      assertSameAnswers("items:elev", "file:elev", lines, PixelRule.EXACT, aggregation);
    }
  }

  /** The timestamps of a stac dataset collapse as a stack's do. */
  @Test
  void aTemporalAggregationCollapsesTheItemsDates() {
    Polygon north = Polygon.rectangle(6.08, 49.83, 6.2, 49.89);
    List<ExtractResult> each =
        terrace
            .extract(
                ExtractRequest.builder()
                    .geometry(north)
                    .datasets("items:series")
                    .aggregation("max")
                    .timeRange(TimeRange.of("2024-01", "2024-02"))
                    .build())
            .results();
    ExtractResult collapsed =
        terrace
            .extract(
                ExtractRequest.builder()
                    .geometry(north)
                    .datasets("items:series")
                    .aggregation("max")
                    .timeRange(TimeRange.of("2024-01", "2024-02"))
                    .temporalAggregation(TemporalAggregation.SUM)
                    .build())
            .results()
            .get(0);
    assertThat(each).hasSize(2);
    assertThat(each.get(0).number()).isEqualTo(each.get(1).number());
    assertThat(collapsed.number()).hasValue(2 * each.get(0).number().orElseThrow());
    assertThat(collapsed.temporalAggregation()).isEqualTo(TemporalAggregation.SUM);
  }

  @Test
  void eachDistinctItemDateIsATimestampAndATimeRangeSelectsThem() {
    ExtractResponse all =
        terrace.extract(
            ExtractRequest.builder()
                .geometry(Point.of(5.9125, 49.9375))
                .datasets("items:series")
                .build());
    assertThat(all.results())
        .extracting(ExtractResult::timestamp)
        .containsExactly("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z");
    double expected =
        terrace
            .extract(ExtractRequest.of(Point.of(5.9125, 49.9375), "file:elev"))
            .results()
            .get(0)
            .number()
            .orElseThrow();
    assertThat(all.results())
        .allSatisfy(r -> assertThat(r.number().orElseThrow()).isEqualTo(expected));
    assertThat(
            terrace
                .extract(
                    ExtractRequest.builder()
                        .geometry(Point.of(5.9125, 49.9375))
                        .datasets("items:series")
                        .timeRange(TimeRange.of("2024-02", "2024-03"))
                        .build())
                .results())
        .extracting(ExtractResult::timestamp)
        .containsExactly("2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z");
    assertThat(
            terrace
                .extract(
                    ExtractRequest.builder()
                        .geometry(Point.of(5.9125, 49.9375))
                        .datasets("items:series")
                        .timeRange(TimeRange.of("2024-01-15", "2024-02-15"))
                        .build())
                .results())
        .extracting(ExtractResult::timestamp)
        .containsExactly("2024-02-01T00:00:00Z");
  }

  /**
   * In March the north-eastern item's asset does not exist: the polygon's part there is missing,
   * with a warning naming the item, and the north-western part reads as in January.
   */
  @Test
  void anItemWhoseAssetIsMissingIsMissingAloneWithAWarning() {
    Polygon across = Polygon.rectangle(6.08, 49.83, 6.2, 49.89);
    Polygon west = Polygon.rectangle(6.08, 49.83, MID_LON, 49.89);
    for (String dataset : List.of("items:series", "served:series")) {
      ExtractResponse r =
          terrace.extract(
              ExtractRequest.builder()
                  .geometry(across)
                  .datasets(dataset)
                  .aggregation("count")
                  .pixelRule(PixelRule.CENTER)
                  .timeRange(TimeRange.of("2024-02", "2024-03"))
                  .build());
      ExtractResult february = r.results().get(0);
      ExtractResult march = r.results().get(1);
      List<ExtractResult> file =
          terrace
              .batchExtract(
                  BatchExtractRequest.builder()
                      .geometries(List.of(across, west))
                      .datasets("file:elev")
                      .aggregation("count")
                      .pixelRule(PixelRule.CENTER)
                      .build())
              .responses()
              .stream()
              .map(response -> response.results().get(0))
              .toList();
      assertThat(february.quality()).as(dataset).isEqualTo(Quality.GOOD);
      assertThat(february.pixelCount()).as(dataset).isEqualTo(file.get(0).pixelCount());
      assertThat(march.quality()).as(dataset).isEqualTo(Quality.PARTIAL);
      assertThat(march.pixelCount()).as(dataset).isEqualTo(file.get(1).pixelCount());
      // The cells read, in degrees², against them and the area of the missing item's part.
      double read = march.pixelCount() / (120.0 * 120.0);
      assertThat(march.coverageFraction())
          .as(dataset)
          .isCloseTo(read / (read + (6.2 - MID_LON) * (49.89 - 49.83)), within(1e-12));
      assertThat(r.warnings())
          .as(dataset)
          .singleElement()
          .asString()
          .contains(dataset + ": item ne-2024-03-01", "ne_missing.tif", "does not exist");
    }
  }

  @Test
  void theCatalogOverHttpAnswersAsOnDisk() {
    for (PixelRule rule : List.of(PixelRule.EXACT, PixelRule.CENTER)) {
      for (String aggregation : List.of("mean", "count", "max")) {
        assertSameAnswers("served:elev", "items:elev", POLYGONS, rule, aggregation);
      }
    }
    assertSameAnswers(
        "served:elev", "file:elev", List.of(Point.of(6.2458, 49.854)), PixelRule.EXACT, "mean");
    assertThat(
            terrace
                .extract(ExtractRequest.of(Point.of(5.9125, 49.9375), "served:series"))
                .results())
        .hasSize(3);
    // Once per dataset over HTTP (served:elev, served:series), however many requests read them; the
    // items of other collections are not read.
    assertThat(server.requests("/stac/catalog.json")).isEqualTo(2);
    assertThat(server.requests("/stac/lux/nw.json")).isEqualTo(1);
    assertThat(server.requests("/stac/series/nw-2024-01-01.json")).isEqualTo(1);
  }

  /** A listing describes a {@code stac} dataset by its items: their dates and their box. */
  @Test
  void aListingGivesTheItemsDatesAndTheirBox() {
    Dataset series = terrace.dataset("items:series");
    assertThat(series.temporal().timestamps())
        .containsExactly("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z");
    assertThat(series.bbox())
        .isEqualTo(
            new BoundingBox(5.741666666666666, MID_LAT, 6.533333333333331, 50.19166666666666));
    assertThat(series.crs()).as("items may lie in several CRSs").isNull();
    assertThat(series.unavailableReason()).isNull();
  }

  /** A catalog search lists a {@code stac} dataset's items, each with its date, box and asset. */
  @Test
  void aSearchListsTheItemsThatMeetItsBox() {
    ItemCollection found =
        terrace.search(
            ItemSearchRequest.builder()
                .collections("items:elev")
                .bbox(5.8, 49.9, 6.4, 50.1)
                .build());
    assertThat(found.features()).extracting(f -> f.id()).containsExactly("nw", "ne");
    var nw = found.features().get(0);
    assertThat(nw.properties()).containsEntry("datetime", "2024-01-01T00:00:00Z");
    assertThat(nw.bbox())
        .containsExactly(5.741666666666666, MID_LAT, 6.141666666666665, 50.19166666666666);
    assertThat(nw.assets().get("data").href()).isEqualTo(stac.resolve("nw.tif").toString());
  }

  /**
   * Compares the answers of two datasets for each geometry, from one batch request: cell counts and
   * qualities equal, values equal to the bit but for the exact rule's weighted values, coverage
   * fractions within 1e-12 (see {@link #polygonsAcrossItemsReadAsTheRasterTheyWereCutFrom}).
   */
  static void assertSameAnswers(
      String a, String b, List<Geometry> geometries, PixelRule rule, String aggregation) {
    List<ExtractResponse> responses =
        terrace
            .batchExtract(
                BatchExtractRequest.builder()
                    .geometries(geometries)
                    .datasets(a, b)
                    .aggregation(aggregation)
                    .pixelRule(rule)
                    .build())
            .responses();
    boolean weighted =
        rule == PixelRule.EXACT && Set.of("mean", "sum", "count", "median").contains(aggregation);
    for (int i = 0; i < geometries.size(); i++) {
      ExtractResult x = responses.get(i).results().get(0);
      ExtractResult y = responses.get(i).results().get(1);
      String what = a + " " + aggregation + ", " + rule + ", geometry " + i;
      assertThat(responses.get(i).warnings()).as(what).isEmpty();
      assertThat(x.pixelCount()).as(what).isEqualTo(y.pixelCount()).isPositive();
      assertThat(x.quality()).as(what).isEqualTo(y.quality());
      if (weighted) {
        assertThat(x.number().orElseThrow())
            .as(what)
            .isCloseTo(y.number().orElseThrow(), withinPercentage(1e-10));
      } else {
        assertThat(x.jsonValue()).as(what).isEqualTo(y.jsonValue());
      }
      assertThat(x.coverageFraction()).as(what).isCloseTo(y.coverageFraction(), within(1e-12));
    }
  }
}
