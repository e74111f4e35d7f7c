package dev.terrace.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ErrorType;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.FieldError;
import dev.terrace.api.Interpolation;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Problem;
import dev.terrace.api.Quality;
import dev.terrace.api.ServiceException;
import dev.terrace.api.TerraceException;
import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded API end to end on the built-in samples: answers, errors with field paths, catalog
 * paging.
 */
class TerraceTest {

  private static Terrace terrace;

  @BeforeAll
  static void open() {
    terrace = Terrace.embedded();
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  /** Point 0 of elev_lux_points_expected.csv: GDAL reads 297 at row 70, column 34. */
  @Test
  void aPointReadsTheCellUnderItAndAFeatureIsUnwrapped() {
    ExtractResult r =
        terrace
            .extract(
                ExtractRequest.of(
                    Feature.of(Point.of(6.0262083180620785, 49.60306260768918)), "lux:elevation"))
            .results()
            .get(0);
    assertThat(r.number()).hasValue(297);
    assertThat(r.quality()).isEqualTo(Quality.GOOD);
    assertThat(r.units()).isEqualTo("m");
    assertThat(r.crs()).isEqualTo("EPSG:4326");
    assertThat(r.pixelCount()).isEqualTo(1);
  }

  /** Two whole cells of lux: 1/120 degree, so a rectangle on cell edges covers them exactly. */
  @Test
  void aPolygonOnCellEdgesAveragesExactlyTheCellsItCovers() {
    double cell = 1.0 / 120;
    double west = 5.741666666666666 + 34 * cell;
    double north = 50.191666666666663 - 70 * cell;
    Polygon twoCells = Polygon.rectangle(west, north - cell, west + 2 * cell, north);
    ExtractResult sum =
        terrace
            .extract(
                ExtractRequest.builder()
                    .geometry(twoCells)
                    .datasets("lux:elevation")
                    .aggregation("sum")
                    .build())
            .results()
            .get(0);
    ExtractResult left =
        terrace
            .extract(
                ExtractRequest.of(Point.of(west + cell / 2, north - cell / 2), "lux:elevation"))
            .results()
            .get(0);
    ExtractResult right =
        terrace
            .extract(
                ExtractRequest.of(Point.of(west + 1.5 * cell, north - cell / 2), "lux:elevation"))
            .results()
            .get(0);
    assertThat(sum.number().getAsDouble())
        .isCloseTo(left.number().getAsDouble() + right.number().getAsDouble(), within(1e-6));
    ExtractResult count =
        terrace
            .extract(
                ExtractRequest.builder()
                    .geometry(twoCells)
                    .datasets("lux:elevation")
                    .aggregation("count")
                    .build())
            .results()
            .get(0);
    assertThat(count.number().getAsDouble()).isCloseTo(2, within(1e-9));
  }

  /**
   * Cells (70, 34) and (70, 35) of lux hold 297 and 294 (elev_lux_points_expected.csv and a point
   * read).
   */
  @Test
  void bilinearPointsInterpolateBetweenCellCentres() {
    double cell = 1.0 / 120;
    double lat = 50.191666666666663 - 70.5 * cell;
    double centre34 = 5.741666666666666 + 34.5 * cell;
    ExtractRequest atCentre =
        ExtractRequest.builder()
            .geometry(Point.of(centre34, lat))
            .datasets("lux:elevation")
            .interpolation(Interpolation.BILINEAR)
            .build();
    assertThat(terrace.extract(atCentre).results().get(0).number().getAsDouble())
        .isCloseTo(297, within(1e-9));
    ExtractRequest between =
        atCentre.toBuilder().geometry(Point.of(centre34 + cell / 2, lat)).build();
    assertThat(terrace.extract(between).results().get(0).number().getAsDouble())
        .isCloseTo((297 + 294) / 2.0, within(1e-9));
  }

  /**
   * On a lon/lat raster edges are straight in lon/lat either way, so densifying changes nothing.
   */
  @Test
  void densifyingEdgesOnRequestKeepsLonLatAnswers() {
    ExtractRequest plain =
        ExtractRequest.builder()
            .geometry(Polygon.rectangle(5.9, 49.6, 6.1, 49.8))
            .datasets("lux:elevation")
            .build();
    double mean = terrace.extract(plain).results().get(0).number().getAsDouble();
    double densified =
        terrace
            .extract(plain.toBuilder().densify(true).build())
            .results()
            .get(0)
            .number()
            .getAsDouble();
    assertThat(densified).isCloseTo(mean, within(1e-9 * mean));
  }

  @Test
  void aBatchKeepsInputOrderAndReportsOutsidePointsAsMissing() {
    var far = Point.of(-120, 40);
    var response =
        terrace.batchExtract(
            BatchExtractRequest.builder()
                .geometries(List.of(Point.of(6.0262083180620785, 49.60306260768918), far))
                .datasetIds(List.of("lux:elevation", "olinda:elevation"))
                .build());
    assertThat(response.totalGeometries()).isEqualTo(2);
    assertThat(response.totalResults()).isEqualTo(4);
    assertThat(response.responses().get(0).results().get(0).number()).hasValue(297);
    assertThat(response.responses().get(1).results())
        .allSatisfy(
            r -> {
              assertThat(r.jsonValue()).isNull();
              assertThat(r.quality()).isEqualTo(Quality.MISSING);
            });
  }

  /**
   * A batch of points reads each block into a window reused from block to block, the edge blocks'
   * smaller than the others: every point still reads its own cell. The raster: 300 × 300 cells of
   * 0.001° from (5, 50) in tiles of 128, the cell at column c, row r holding c + 1000 r.
   */
  @Test
  void pointsAcrossBlocksOfEverySizeEachReadTheirOwnCell(@TempDir Path dir) throws Exception {
    SyntheticGeoTiff.builder(300, 300)
        .tileSize(128)
        .geographic()
        .origin(5, 50)
        .cellSize(0.001)
        .values((c, r) -> c + 1000 * r)
        .write(dir.resolve("grid.tif"));
    Path catalog =
        Files.writeString(
            dir.resolve("catalog.json"),
            """
        {"providers": [{"slug": "t", "protocol": "cog", "datasets": [
          {"name": "grid", "path": "grid.tif", "data_type": "continuous"}]}]}
        """);
    Random random = new Random(7);
    List<Point> points = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int c = random.nextInt(300);
      int r = random.nextInt(300);
      points.add(Point.of(5 + (c + 0.5) * 0.001, 50 - (r + 0.5) * 0.001));
      expected.add((double) (c + 1000 * r));
    }
    try (Terrace engine = Terrace.embedded(catalog)) {
      var response =
          engine.batchExtract(
              BatchExtractRequest.builder()
                  .geometries(points)
                  .datasetIds(List.of("t:grid"))
                  .build());
      List<Double> values =
          response.responses().stream()
              .map(a -> a.results().get(0).number().getAsDouble())
              .toList();
      assertThat(values).isEqualTo(expected);
    }
  }

  @Test
  void badRequestsNameEveryOffendingField() {
    ExtractRequest bad =
        ExtractRequest.builder()
            .geometry(
                new Polygon(
                    new double[][][] {{{6, 49.6}, {6.1, 49.6}, {6.1, Double.NaN}, {6.2, 49.7}}}))
            .datasets("lux:elevation", "nope:nothing")
            .build();
    assertThatThrownBy(() -> terrace.extract(bad))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.errorType()).hasValue(ErrorType.VALIDATION_ERROR);
              assertThat(e.fieldErrors())
                  .extracting(FieldError::path)
                  .containsExactlyInAnyOrder("dataset_ids[1]", "geometry.coordinates[0][2]");
            });
    double[][] unclosed = {{6, 49.6}, {6.1, 49.6}, {6.1, 49.7}, {6.2, 49.7}};
    assertThat(
            errorPaths(
                ExtractRequest.of(new Polygon(new double[][][] {unclosed}), "lux:elevation")))
        .containsExactly("geometry.coordinates[0]");
    double[][] tooShort = {{6, 49.6}, {6.1, 49.6}, {6, 49.6}};
    assertThat(
            errorPaths(
                ExtractRequest.of(new Polygon(new double[][][] {tooShort}), "lux:elevation")))
        .containsExactly("geometry.coordinates[0]");
    assertThat(errorPaths(ExtractRequest.of(Point.of(6, 95), "lux:elevation")))
        .containsExactly("geometry.coordinates");
    assertThat(errorPaths(ExtractRequest.of(Point.of(6, 49)))).containsExactly("dataset_ids");
    assertThat(
            errorPaths(
                ExtractRequest.builder()
                    .geometry(Point.of(6, 49))
                    .datasets("lux:elevation")
                    .crs("EPSG:999999")
                    .build()))
        .containsExactly("crs");
  }

  @Test
  void limitsAreRequestLimitErrorsThatNameTheLimit() {
    List<String> many = Collections.nCopies(51, "lux:elevation");
    assertThatThrownBy(
            () ->
                terrace.extract(
                    ExtractRequest.builder().geometry(Point.of(6, 49.6)).datasetIds(many).build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.errorType()).hasValue(ErrorType.REQUEST_LIMIT);
              assertThat(e.getMessage()).contains("dataset_ids").contains("50");
            });
    double[][] ring = new double[10_002][];
    for (int i = 0; i < 10_001; i++) {
      double a = 2 * Math.PI * i / 10_001;
      ring[i] = new double[] {6 + 0.1 * Math.cos(a), 49.8 + 0.1 * Math.sin(a)};
    }
    ring[10_001] = ring[0];
    assertThatThrownBy(
            () ->
                terrace.extract(
                    ExtractRequest.of(new Polygon(new double[][][] {ring}), "lux:elevation")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.errorType()).hasValue(ErrorType.REQUEST_LIMIT);
              assertThat(e.getMessage()).contains("10002 vertices").contains("10000");
            });
    try (Engine tiny =
        Engine.open(
            Catalog.builtin(),
            new Limits(50, 1000, 10_000, 100, 2),
            Executors.newVirtualThreadPerTaskExecutor())) {
      assertThatThrownBy(
              () ->
                  tiny.extract(
                      ExtractRequest.of(Polygon.rectangle(5.8, 49.5, 6.4, 50.1), "lux:elevation")))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> assertThat(e.fieldErrors().get(0).type()).isEqualTo("pixel_budget_exceeded"));
    }
  }

  @Test
  void aDatasetThatCannotBeReadIsMissingWithAWarningAndTheRestStands(@TempDir Path dir)
      throws Exception {
    // The engine's samples are in its jar, which the tests run on: copied out, not opened in place.
    try (InputStream in =
        getClass().getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif")) {
      Files.copy(in, dir.resolve("elev.tif"));
    }
    Files.writeString(dir.resolve("gone.tif"), "not a tiff at all");
    Path catalog =
        Files.writeString(
            dir.resolve("catalog.json"),
            """
        {"providers": [{"slug": "t", "protocol": "cog", "datasets": [
          {"name": "good", "path": "elev.tif"}, {"name": "broken", "path": "gone.tif"}]}]}
        """);
    try (Terrace engine = Terrace.embedded(catalog)) {
      var response =
          engine.extract(
              ExtractRequest.of(
                  Point.of(6.0262083180620785, 49.60306260768918), "t:good", "t:broken"));
      assertThat(response.results().get(0).number()).hasValue(297);
      assertThat(response.results().get(1).quality()).isEqualTo(Quality.MISSING);
      assertThat(response.warnings())
          .singleElement()
          .asString()
          .startsWith("t:broken: ")
          .contains("gone.tif");
    }
  }

  @Test
  void theCatalogPagesAndUnknownIdsAreNotFound() {
    var first = terrace.providers(new ListProvidersRequest(2, 0));
    assertThat(first.total()).isEqualTo(7);
    assertThat(first.providers()).extracting(p -> p.slug()).containsExactly("lux", "olinda");
    assertThat(first.hasNextPage()).isTrue();
    var last = terrace.providers(new ListProvidersRequest(2, 6));
    assertThat(last.providers()).extracting(p -> p.slug()).containsExactly("esa_worldcover");
    assertThat(last.hasNextPage()).isFalse();
    assertThat(terrace.datasets(new ListDatasetsRequest("landsat_olinda", 100, 0)).total())
        .isEqualTo(6);
    assertThat(terrace.provider("lux").datasets())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.id()).isEqualTo("lux:elevation");
              assertThat(d.crs()).isEqualTo("EPSG:4326");
              assertThat(d.bbox().minLon()).isCloseTo(5.741666666666666, within(1e-9));
            });
    assertThat(terrace.dataset("bcsd:tas").temporal().timestamps())
        .hasSize(12)
        .endsWith("1999-12-31T00:00:00Z");
    assertThatThrownBy(() -> terrace.dataset("lux:nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("lux:nope");
    assertThatThrownBy(() -> terrace.providers(new ListProvidersRequest(0, 0)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void refusalsAreTheApisExceptionsWithTheProblemTheServiceWouldSend() {
    NotFoundException missing =
        catchThrowableOfType(NotFoundException.class, () -> terrace.dataset("lux:nope"));

    assertThat(missing).isInstanceOf(TerraceException.class);
    assertThat(missing.problem().orElseThrow())
        .isEqualTo(
            Problem.of(
                ErrorType.NOT_FOUND,
                "no dataset \"lux:nope\" in the catalog; list them with catalog.datasets.list",
                null));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.requestId()).isEmpty();
    ExecutionException async =
        catchThrowableOfType(
            ExecutionException.class, () -> terrace.async().provider("nowhere").get());
    assertThat(async)
        .as("the asynchronous view fails with the same class")
        .hasCauseInstanceOf(NotFoundException.class);
    assertThat(new RasterIoException("cannot read x.tif"))
        .as("the engine's own failures")
        .isInstanceOf(ServiceException.class)
        .satisfies(
            e -> assertThat(((ServiceException) e).errorType()).hasValue(ErrorType.INTERNAL_ERROR));
  }

  @Test
  void theAsyncSurfaceAnswersTheSame() throws Exception {
    var request =
        ExtractRequest.of(Point.of(6.0262083180620785, 49.60306260768918), "lux:elevation");
    assertThat(terrace.async().extract(request).get().results().get(0).number()).hasValue(297);
    assertThat(terrace.async().providers().get().total()).isEqualTo(7);
  }

  private static List<String> errorPaths(ExtractRequest request) {
    List<String> paths = new ArrayList<>();
    try {
      terrace.extract(request);
    } catch (InvalidRequestException e) {
      e.fieldErrors().forEach(f -> paths.add(f.path()));
    }
    return paths;
  }
}
