package dev.terrace.engine.internal.tiles;

import static dev.terrace.engine.internal.tiles.TiledExtractionTest.CORNER;
import static dev.terrace.engine.internal.tiles.TiledExtractionTest.HOLED;
import static dev.terrace.engine.internal.tiles.TiledExtractionTest.INSIDE;
import static dev.terrace.engine.internal.tiles.TiledExtractionTest.TILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import dev.terrace.testkit.tiff.TiffSampleType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Tiles that do not exist are no data, asked for once; tiles that fail degrade only their result;
 * the pixel budget counts every tile; and tiles of different cell sizes weigh by area.
 */
class MissingTilesTest extends TiledWorld {

  /**
   * The tile N00E000 is not served (404, as open ocean is): a polygon over it reads as the merged
   * raster whose cells there are nodata. With the exact rule the missing share is the tile's area
   * either way; the center and all_touched rules of the merged raster count that share in whole
   * cells, so there only values are compared.
   */
  @Test
  void aTileThatDoesNotExistIsNodataAndIsAskedForOnce() {
    List<Geometry> over = List.of(CORNER, HOLED, TILE, INSIDE);
    for (PixelRule rule : PixelRule.values()) {
      for (String aggregation : List.of("mean", "count", "sum", "max")) {
        TiledExtractionTest.assertSameAnswers(
            "tiled:hole", "merged:hole", over, rule, aggregation, rule == PixelRule.EXACT);
      }
    }
    ExtractResult whole = terrace.extract(ExtractRequest.of(TILE, "tiled:hole")).results().get(0);
    assertThat(whole.jsonValue()).isNull();
    assertThat(whole.quality()).isEqualTo(Quality.MISSING);
    assertThat(whole.coverageFraction()).isZero();
    List<ExtractResult> corner =
        terrace.extract(ExtractRequest.of(CORNER, "tiled:hole", "tiled:value")).results();
    assertThat(corner.get(0).coverageFraction())
        .as("the missing tile holds 0.53 × 0.29 of the 0.90 × 0.70 box")
        .isCloseTo(corner.get(1).coverageFraction() - 0.53 * 0.29 / (0.90 * 0.70), within(0.02));
    assertThat(server.requests("/hole/N00E000.tif")).isEqualTo(1);
  }

  @Test
  void aTileThatFailsDegradesOnlyItsResultAndIsAskedForAgain() {
    int before = server.requests("/flaky/S01W001.tif");
    ExtractResponse r =
        terrace.extract(
            ExtractRequest.builder()
                .geometry(CORNER)
                .datasets("tiled:flaky", "tiled:value", "merged:value")
                .build());
    ExtractResult flaky = r.results().get(0);
    assertThat(flaky.quality()).isEqualTo(Quality.MISSING);
    assertThat(flaky.jsonValue()).isNull();
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .startsWith("tiled:flaky: ")
        .contains("S01W001.tif")
        .contains("HTTP 500");
    assertThat(r.results().get(1).quality()).isEqualTo(Quality.GOOD);
    assertThat(r.results().get(1).number()).isEqualTo(r.results().get(2).number());
    assertThat(server.requests("/flaky/S01W001.tif"))
        .as("a first try and three retries")
        .isEqualTo(before + 4);

    ExtractResponse elsewhere =
        terrace.extract(ExtractRequest.of(INSIDE, "tiled:flaky", "tiled:value"));
    assertThat(elsewhere.warnings()).isEmpty();
    assertThat(elsewhere.results().get(0).number()).isEqualTo(elsewhere.results().get(1).number());

    terrace.extract(ExtractRequest.of(Point.of(-0.5, -0.5), "tiled:flaky"));
    assertThat(server.requests("/flaky/S01W001.tif"))
        .as("failures are not remembered")
        .isEqualTo(before + 8);
  }

  @Test
  void thePixelBudgetCountsTheCellsOfEveryTile() {
    // HOLED covers parts of twelve tiles of 8 × 8 cells; a budget of 200 cells is spent after a
    // few.
    try (Engine small =
        Engine.open(
            Catalog.load(dir.resolve("catalog.json")),
            new Limits(50, 1000, 10_000, 200, 2),
            Executors.newVirtualThreadPerTaskExecutor())) {
      assertThatThrownBy(() -> small.extract(ExtractRequest.of(HOLED, "tiled:value")))
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("pixel budget of 200")
          .hasMessageContaining("tiled:value");
      assertThat(small.extract(ExtractRequest.of(INSIDE, "tiled:value")).results().get(0).quality())
          .isEqualTo(Quality.GOOD);
    }
  }

  /**
   * A local grid: N00E000 at 1/16° holds 1 everywhere, S01E000 at 1/8° holds nodata, N01E000 is no
   * file. A box half in each of the first two is half valid by area, though it covers four times as
   * many fine cells as coarse ones; weighing cells would say 0.8.
   */
  @Test
  void coverageWeighsAreaAcrossTilesOfDifferentCellSizes() throws Exception {
    Path grid = Files.createDirectories(dir.resolve("local/tiles"));
    SyntheticGeoTiff.builder(16, 16)
        .tileSize(16)
        .sampleType(TiffSampleType.FLOAT32)
        .nodata(-1)
        .geographic()
        .origin(0, 1)
        .cellSize(1.0 / 16)
        .values((c, r) -> 1)
        .write(grid.resolve("N00E000.tif"));
    SyntheticGeoTiff.builder(8, 8)
        .tileSize(16)
        .sampleType(TiffSampleType.FLOAT32)
        .nodata(-1)
        .geographic()
        .origin(0, 0)
        .cellSize(1.0 / 8)
        .values((c, r) -> -1)
        .write(grid.resolve("S01E000.tif"));
    Path catalog =
        Files.writeString(
            dir.resolve("local/catalog.yaml"),
            """
        providers:
          - slug: local
            protocol: cog_tiles
            datasets:
              - name: mixed
                tile_degrees: 1
                url_template: "tiles/{NS}{lat:02}{EW}{lon:03}.tif"
        """);
    try (Terrace local = Terrace.embedded(catalog)) {
      ExtractResult mean =
          local
              .extract(ExtractRequest.of(Polygon.rectangle(0.2, -0.5, 0.8, 0.5), "local:mixed"))
              .results()
              .get(0);
      assertThat(mean.number()).hasValue(1);
      assertThat(mean.coverageFraction()).isCloseTo(0.5, within(1e-12));
      assertThat(mean.quality()).isEqualTo(Quality.PARTIAL);
      assertThat(mean.resolutionM())
          .as("the fine tile read the data")
          .isCloseTo(111_320.0 / 16, within(1.0));
      ExtractResult count =
          local
              .extract(
                  ExtractRequest.builder()
                      .geometry(Polygon.rectangle(0.2, -0.5, 0.8, 0.5))
                      .datasets("local:mixed")
                      .aggregation("count")
                      .build())
              .results()
              .get(0);
      assertThat(count.number().orElseThrow()).isCloseTo(0.6 * 0.5 * 16 * 16, within(1e-9));

      ExtractResponse nowhere = local.extract(ExtractRequest.of(Point.of(0.5, 1.5), "local:mixed"));
      assertThat(nowhere.results().get(0).quality()).isEqualTo(Quality.MISSING);
      assertThat(nowhere.results().get(0).crs()).isEqualTo("EPSG:4326");
      assertThat(nowhere.warnings()).as("a tile that does not exist is not a failure").isEmpty();
    }
  }
}
