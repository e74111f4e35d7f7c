package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.Cell;
import dev.terrace.api.ErrorType;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.TemporalAggregation;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.LineString;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aggregation: "cells"} through the engine's API, against GDAL where a value is worth
 * checking.
 */
class CellsExtractionTest {

  private static final double CELL = 1.0 / 120;
  private static final double WEST = 5.741666666666666;
  private static final double NORTH = 50.191666666666663;

  /**
   * Aligned with elev_lux.tif's grid: 24 x 24 cells, 25 x 25 for the budget's estimate of the cells
   * read.
   */
  private static final Polygon LUX_BOX = Polygon.rectangle(6.0, 49.6, 6.2, 49.8);

  /** Not aligned with the grid, so that edge cells are partly covered. */
  private static final Polygon LUX_OFFSET_BOX = Polygon.rectangle(6.005, 49.605, 6.195, 49.795);

  private static Terrace terrace;

  @BeforeAll
  static void open() {
    terrace = Terrace.embedded();
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  @Test
  void pointsOnAProjectedRasterGiveTheCellGdalFindsWithItsCentreInBothCrs() throws Exception {
    List<String> rows =
        Files.readAllLines(
            Path.of(getClass().getResource("/cells/olinda_points.csv").toURI()),
            StandardCharsets.UTF_8);
    List<Geometry> points = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      points.add(Point.of(Double.parseDouble(f[0]), Double.parseDouble(f[1])));
    }
    var batch =
        terrace.batchExtract(
            BatchExtractRequest.builder()
                .geometries(points)
                .datasets("olinda:elevation")
                .aggregation(Aggregation.CELLS)
                .build());

    for (int i = 0; i < points.size(); i++) {
      String[] gdal = rows.get(i + 1).split(",");
      ExtractResult result = batch.responses().get(i).results().get(0);
      assertThat(result.quality()).isEqualTo(Quality.GOOD);
      assertThat(result.pixelCount()).isEqualTo(1);
      Cell cell = result.cells().get(0);
      assertThat(cell.row()).isEqualTo(Long.parseLong(gdal[2]));
      assertThat(cell.col()).isEqualTo(Long.parseLong(gdal[3]));
      assertThat(cell.value()).isEqualTo(Double.parseDouble(gdal[4]));
      assertThat(cell.coverage()).isEqualTo(1);
      assertThat(cell.rasterX()).isCloseTo(Double.parseDouble(gdal[5]), within(1e-6));
      assertThat(cell.rasterY()).isCloseTo(Double.parseDouble(gdal[6]), within(1e-6));
      // proj4j's transverse Mercator against PROJ's: well under a millimetre apart.
      assertThat(cell.centerX()).isCloseTo(Double.parseDouble(gdal[7]), within(1e-8));
      assertThat(cell.centerY()).isCloseTo(Double.parseDouble(gdal[8]), within(1e-8));
    }
  }

  @Test
  void aLineReturnsItsCellsWeightedByLengthUnderExactWithTheValuesPointsRead() {
    double lat = NORTH - 70.5 * CELL;
    LineString line =
        new LineString(new double[][] {{WEST + 30.5 * CELL, lat}, {WEST + 35.5 * CELL, lat}});
    List<Cell> exact =
        cells(
            ExtractRequest.builder()
                .geometry(line)
                .datasets("lux:elevation")
                .aggregation(Aggregation.CELLS)
                .pixelRule(PixelRule.EXACT)
                .build());
    List<Cell> center =
        cells(
            ExtractRequest.builder()
                .geometry(line)
                .datasets("lux:elevation")
                .aggregation(Aggregation.CELLS)
                .pixelRule(PixelRule.CENTER)
                .build());

    assertThat(exact).extracting(Cell::row).containsOnly(70L);
    assertThat(exact).extracting(Cell::col).containsExactly(30L, 31L, 32L, 33L, 34L, 35L);
    double[] lengths = {0.5, 1, 1, 1, 1, 0.5};
    for (int i = 0; i < lengths.length; i++) {
      assertThat(exact.get(i).coverage()).isCloseTo(lengths[i], within(1e-12));
    }
    assertThat(center).extracting(Cell::coverage).containsOnly(1.0).hasSize(6);
    for (Cell c : exact) {
      double value =
          terrace
              .extract(ExtractRequest.of(Point.of(c.centerX(), c.centerY()), "lux:elevation"))
              .results()
              .get(0)
              .number()
              .orElseThrow();
      assertThat(c.value()).isEqualTo(value);
      assertThat(c.centerX())
          .isCloseTo(WEST + (c.col() + 0.5) * CELL, within(1e-12))
          .isEqualTo(c.rasterX());
      assertThat(c.centerY()).isCloseTo(lat, within(1e-12)).isEqualTo(c.rasterY());
    }
  }

  @Test
  void cellsWithoutDataAreLeftOutUnlessDefaultValueFillsThem() {
    // Rows 0 to 11, columns 30 to 41: the northern tip of Luxembourg, the rest nodata (31 cells,
    // GDAL says).
    Polygon corner =
        Polygon.rectangle(WEST + 30 * CELL, NORTH - 12 * CELL, WEST + 42 * CELL, NORTH);
    double count = number(corner, "count");
    double nodata = number(corner, "nodata_count");
    assertThat(nodata).isEqualTo(31);
    assertThat(count).isEqualTo(113);

    ExtractResult plain = terrace.extract(request(corner).build()).results().get(0);
    List<Cell> filled = cells(request(corner).defaultValue(-5.0).build());

    assertThat(plain.cells()).hasSize((int) count);
    assertThat(plain.coverageFraction()).isCloseTo(count / (count + nodata), within(1e-12));
    assertThat(filled).hasSize((int) (count + nodata));
    assertThat(filled.stream().filter(c -> c.value() == -5)).hasSize((int) nodata);
    assertThat(filled).containsAll(plain.cells());
  }

  @Test
  void minCoverageFracLeavesOutTheCellsCoveredLess() {
    List<Cell> all = cells(request(LUX_OFFSET_BOX).pixelRule(PixelRule.EXACT).build());
    List<Cell> most =
        cells(request(LUX_OFFSET_BOX).pixelRule(PixelRule.EXACT).minCoverageFrac(0.5).build());

    assertThat(all).anySatisfy(c -> assertThat(c.coverage()).isLessThan(0.5));
    assertThat(most).isEqualTo(all.stream().filter(c -> c.coverage() >= 0.5).toList());
  }

  @Test
  void theCellsReturnedCountAgainstThePixelBudgetAndGoingOverNamesTheAggregation() {
    // LUX_BOX reads about 625 cells and returns 576: a mean fits in 1000, its cells do not.
    try (Engine tight =
        Engine.open(
            Catalog.builtin(),
            new Limits(50, 1000, 10_000, 1000, 2),
            Executors.newVirtualThreadPerTaskExecutor())) {
      assertThat(
              tight.extract(ExtractRequest.of(LUX_BOX, "lux:elevation")).results().get(0).number())
          .isPresent();
      assertThatThrownBy(() -> tight.extract(request(LUX_BOX).build()))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> {
                assertThat(e.errorType()).hasValue(ErrorType.REQUEST_LIMIT);
                assertThat(e.fieldErrors()).hasSize(1);
                assertThat(e.fieldErrors().get(0).loc()).containsExactly("aggregation");
                assertThat(e.fieldErrors().get(0).type()).isEqualTo("pixel_budget_exceeded");
                assertThat(e.fieldErrors().get(0).msg())
                    .contains("1000")
                    .contains("576")
                    .contains("smaller geometry")
                    .contains("summary statistic");
              });
    }
  }

  @Test
  void aSeriesGivesOneResultPerTimestampAndCannotBeCollapsed() throws Exception {
    try (Terrace series =
        Terrace.embedded(Path.of(getClass().getResource("/timeseries/catalog.json").toURI()))) {
      Polygon box = Polygon.rectangle(-80.1, 35.1, -79.6, 35.6);
      ExtractResponse response =
          series.extract(
              ExtractRequest.builder()
                  .geometry(box)
                  .datasets("bcsd_stack:pr")
                  .aggregation(Aggregation.CELLS)
                  .pixelRule(PixelRule.CENTER)
                  .timeRange("1999-01-01", "1999-03-31")
                  .build());

      assertThat(response.results())
          .extracting(ExtractResult::timestamp)
          .containsExactly("1999-01-31T00:00:00Z", "1999-02-28T00:00:00Z", "1999-03-31T00:00:00Z");
      assertThat(response.results()).allSatisfy(r -> assertThat(r.cells()).hasSize(16));
      assertThat(response.results().get(0).cells())
          .extracting(Cell::row, Cell::col)
          .isEqualTo(
              response.results().get(1).cells().stream()
                  .map(c -> org.assertj.core.groups.Tuple.tuple(c.row(), c.col()))
                  .toList());
      assertThat(response.results().get(0).cells()).isNotEqualTo(response.results().get(1).cells());
      double sum =
          series
              .extract(
                  ExtractRequest.builder()
                      .geometry(box)
                      .datasets("bcsd_stack:pr")
                      .aggregation("sum")
                      .pixelRule(PixelRule.CENTER)
                      .timeRange("1999-01-01", "1999-01-31")
                      .build())
              .results()
              .get(0)
              .number()
              .orElseThrow();
      assertThat(response.results().get(0).cells().stream().mapToDouble(Cell::value).sum())
          .isCloseTo(sum, within(1e-9 * sum));

      assertThatThrownBy(
              () ->
                  series.extract(
                      ExtractRequest.builder()
                          .geometry(box)
                          .datasets("bcsd_stack:pr")
                          .aggregation(Aggregation.CELLS)
                          .temporalAggregation(TemporalAggregation.MEAN)
                          .build()))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e ->
                  assertThat(e.fieldErrors())
                      .extracting(FieldError::path)
                      .containsExactly("temporal_aggregation"));
    }
  }

  @Test
  void aDatasetStoredAsTilesIsMissingWithAWarning(@TempDir Path dir) throws Exception {
    Path catalog =
        Files.writeString(
            dir.resolve("catalog.yaml"),
            """
        providers:
          - slug: local
            protocol: cog_tiles
            datasets:
              - name: tiled
                tile_degrees: 1
                url_template: "tiles/{NS}{lat:02}{EW}{lon:03}.tif"
        """);
    try (Terrace tiled = Terrace.embedded(catalog)) {
      ExtractResponse response =
          tiled.extract(
              ExtractRequest.builder()
                  .geometry(Polygon.rectangle(0.2, 0.2, 0.8, 0.8))
                  .datasets("local:tiled")
                  .aggregation(Aggregation.CELLS)
                  .build());

      assertThat(response.results().get(0).quality()).isEqualTo(Quality.MISSING);
      assertThat(response.results().get(0).jsonValue()).isNull();
      assertThat(response.warnings())
          .singleElement()
          .asString()
          .startsWith("local:tiled: ")
          .contains("cog_tiles");
    }
  }

  private static ExtractRequest.Builder request(Geometry geometry) {
    return ExtractRequest.builder()
        .geometry(geometry)
        .datasets("lux:elevation")
        .aggregation(Aggregation.CELLS)
        .pixelRule(PixelRule.CENTER);
  }

  private static List<Cell> cells(ExtractRequest request) {
    return terrace.extract(request).results().get(0).cells();
  }

  private static double number(Geometry geometry, String aggregation) {
    return terrace
        .extract(
            ExtractRequest.builder()
                .geometry(geometry)
                .datasets("lux:elevation")
                .aggregation(aggregation)
                .pixelRule(PixelRule.CENTER)
                .build())
        .results()
        .get(0)
        .number()
        .orElseThrow();
  }
}
