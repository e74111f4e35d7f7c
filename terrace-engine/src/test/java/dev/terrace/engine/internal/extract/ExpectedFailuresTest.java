package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.geometry.RequestGeometry;
import dev.terrace.engine.internal.raster.PixelLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Only the engine's expected failures — a raster that cannot be fetched, decoded or asked this —
 * make a dataset {@code missing} with a warning; a fault of the engine itself fails the request,
 * where someone sees it.
 */
class ExpectedFailuresTest {

  private static final Polygon BOX = Polygon.rectangle(6.0, 49.6, 6.1, 49.7);

  @TempDir static Path dir;
  private static Path catalog;

  @BeforeAll
  static void writeCatalog() throws Exception {
    Files.write(
        dir.resolve("elev.tif"),
        ExpectedFailuresTest.class
            .getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif")
            .readAllBytes());
    catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        """
        {"providers": [{"slug": "s", "protocol": "cog", "datasets": [
          {"name": "elevation", "path": "elev.tif"},
          {"name": "third_band", "path": "elev.tif", "band": 3}]}]}""");
  }

  @Test
  void aBandTheFileLacksIsMissingWithTheFilesOwnWordsAndTheOtherDatasetStands() {
    try (Terrace terrace =
        Terrace.embedded(catalog, Limits.defaults(), Executors.newVirtualThreadPerTaskExecutor())) {
      ExtractResponse response =
          terrace.extract(ExtractRequest.of(BOX, "s:third_band", "s:elevation"));
      ExtractResult lacking = response.results().get(0);
      assertThat(lacking.quality()).isEqualTo(Quality.MISSING);
      assertThat(lacking.value()).isNull();
      assertThat(response.warnings())
          .containsExactly(
              "s:third_band: band 3 does not exist in "
                  + dir.resolve("elev.tif")
                  + "; it has 1 band");
      assertThat(response.results().get(1).quality()).isEqualTo(Quality.GOOD);
    }
  }

  @Test
  void aBatchOfPointsOnABandTheFileLacksIsMissingAtEveryPointWithOneWarning() {
    try (Terrace terrace =
        Terrace.embedded(catalog, Limits.defaults(), Executors.newVirtualThreadPerTaskExecutor())) {
      BatchExtractResponse batch =
          terrace.batchExtract(
              BatchExtractRequest.builder()
                  .geometries(List.of(Point.of(6.13, 49.61), Point.of(6.05, 49.65)))
                  .datasets("s:third_band")
                  .build());
      for (ExtractResponse point : batch.responses()) {
        assertThat(point.results())
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.quality()).isEqualTo(Quality.MISSING);
                  assertThat(r.value()).isNull();
                });
        assertThat(point.warnings())
            .containsExactly(
                "s:third_band: band 3 does not exist in "
                    + dir.resolve("elev.tif")
                    + "; it has 1 band");
      }
    }
  }

  @Test
  void aFaultOfTheEngineFailsTheRequestInsteadOfMakingTheDatasetMissing() {
    try (Catalog c = Catalog.load(catalog)) {
      CatalogDataset elevation = c.dataset("s:elevation").orElseThrow();
      // No reader of the engine makes an area of a line: covering it as one is a bug, not a
      // property of the data.
      RequestGeometry lineAsArea =
          new RequestGeometry(
              new GeometryFactory()
                  .createLineString(
                      new Coordinate[] {new Coordinate(6.0, 49.6), new Coordinate(6.1, 49.7)}),
              RequestGeometry.Kind.AREAS,
              2);
      Options options =
          Options.of(ExtractRequest.of(BOX, "s:elevation"), TimeWindow.ALL, Weighting.NONE);
      List<String> warnings = new ArrayList<>();
      DatasetExtraction extraction =
          new DatasetExtraction(
              lineAsArea,
              PixelLocator.wgs84(),
              options,
              new PixelBudget(Limits.defaults().maxCells()),
              new Results(options, RequestGeometry.Kind.AREAS, warnings));
      assertThatThrownBy(() -> extraction.run(elevation))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("coverage needs a polygonal geometry, got LineString");
      assertThat(warnings).isEmpty();
    }
  }
}
