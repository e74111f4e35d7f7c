package dev.terrace.engine.internal.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BoundingBox;
import dev.terrace.api.DataType;
import dev.terrace.api.Dataset;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.Protocol;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.testkit.http.RangeServer;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in global datasets, Copernicus DEM GLO-30 and ESA WorldCover 2021, without the
 * internet: the names of their public tiles, their description, and what a request gets when a tile
 * is absent or unreachable.
 */
class BuiltinTilesTest {

  private static final String DEM_HOST = "https://copernicus-dem-30m.s3.amazonaws.com";
  private static final String WORLDCOVER_HOST =
      "https://esa-worldcover.s3.eu-central-1.amazonaws.com";

  @TempDir Path dir;

  @Test
  void theBuiltinCatalogNamesThePublicTiles() {
    try (Catalog builtin = Catalog.builtin()) {
      TileSet dem = builtin.dataset("copernicus_dem:elevation").orElseThrow().tiles().orElseThrow();
      TileSet worldCover =
          builtin.dataset("esa_worldcover:land_cover").orElseThrow().tiles().orElseThrow();
      assertThat(dem.template().format(dem.grid().containing(6.13, 49.61)))
          .isEqualTo(
              DEM_HOST
                  + "/Copernicus_DSM_COG_10_N49_00_E006_00_DEM/Copernicus_DSM_COG_10_N49_00_E006_00_DEM.tif");
      assertThat(dem.template().format(dem.grid().containing(-43.2, -22.9)))
          .isEqualTo(
              DEM_HOST
                  + "/Copernicus_DSM_COG_10_S23_00_W044_00_DEM/Copernicus_DSM_COG_10_S23_00_W044_00_DEM.tif");
      assertThat(worldCover.template().format(worldCover.grid().containing(6.13, 49.61)))
          .isEqualTo(
              WORLDCOVER_HOST + "/v200/2021/map/ESA_WorldCover_10m_2021_v200_N48E006_Map.tif");
      assertThat(worldCover.template().format(worldCover.grid().containing(-43.2, -22.9)))
          .isEqualTo(
              WORLDCOVER_HOST + "/v200/2021/map/ESA_WorldCover_10m_2021_v200_S24W045_Map.tif");
    }
  }

  @Test
  void theGlobalDatasetsAreDescribedFromTheCatalogWithoutReadingATile() {
    try (Terrace terrace = Terrace.embedded()) {
      Dataset dem = terrace.dataset("copernicus_dem:elevation");
      assertThat(dem.crs()).isEqualTo("EPSG:4326");
      assertThat(dem.bbox()).isEqualTo(new BoundingBox(-180, -90, 180, 90));
      assertThat(dem.resolutionM()).isEqualTo(30);
      assertThat(dem.units()).isEqualTo("m");
      assertThat(dem.classes()).isNull();
      Dataset landCover = terrace.dataset("esa_worldcover:land_cover");
      assertThat(landCover.dataType()).isEqualTo(DataType.CATEGORICAL);
      assertThat(landCover.nodata()).isZero();
      assertThat(landCover.resolutionM()).isEqualTo(10);
      assertThat(landCover.classes())
          .hasSize(11)
          .containsEntry("10", "Tree cover")
          .containsEntry("95", "Mangroves")
          .containsEntry("100", "Moss and lichen");
      assertThat(landCover.classes().keySet()).startsWith("10", "20", "30");
      assertThat(terrace.provider("esa_worldcover").protocol()).isEqualTo(Protocol.COG_TILES);
      assertThat(terrace.provider("esa_worldcover").license()).isEqualTo("CC-BY-4.0");
    }
  }

  /**
   * The built-in catalog with its two hosts moved to loopback: the DEM's server has no tiles (404,
   * as for open ocean) and the land cover's port refuses connections.
   */
  @Test
  void tilesThatAreAbsentOrUnreachableLeaveTheResponseStanding() throws Exception {
    String builtin;
    try (InputStream in =
        Catalog.class.getResourceAsStream("/dev/terrace/engine/samples/builtin.json")) {
      builtin = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (RangeServer empty = RangeServer.start()) {
      Path catalog =
          Files.writeString(
              dir.resolve("catalog.json"),
              builtin
                  .replace(DEM_HOST, "http://127.0.0.1:" + empty.port())
                  .replace(WORLDCOVER_HOST, "http://127.0.0.1:" + closedPort));
      try (Terrace terrace = Terrace.embedded(catalog)) {
        ExtractResponse r =
            terrace.extract(
                ExtractRequest.of(
                    Point.of(6.13, 49.61),
                    "copernicus_dem:elevation",
                    "esa_worldcover:land_cover"));
        assertThat(r.results())
            .allSatisfy(
                result -> {
                  assertThat(result.quality()).isEqualTo(Quality.MISSING);
                  assertThat(result.jsonValue()).isNull();
                });
        assertThat(r.warnings())
            .singleElement()
            .asString()
            .startsWith("esa_worldcover:land_cover: ");
        assertThat(
                empty.requests(
                    "/Copernicus_DSM_COG_10_N49_00_E006_00_DEM/Copernicus_DSM_COG_10_N49_00_E006_00_DEM"
                        + ".tif"))
            .isEqualTo(1);
      }
    }
  }
}
