package dev.terrace.engine.internal.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.io.HttpByteSource;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.testkit.http.RangeServer;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import dev.terrace.testkit.tiff.TiffSampleType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileSetTest {

  private static final Tile TILE = new Tile(6, 49, 1);

  @TempDir Path dir;
  private RangeServer server;
  private TileSet tiles;

  @BeforeEach
  void serve() {
    server = RangeServer.start();
    server.serve(
        "/N49E006.tif",
        SyntheticGeoTiff.builder(16, 16)
            .sampleType(TiffSampleType.UINT8)
            .geographic()
            .origin(6, 50)
            .cellSize(1.0 / 16)
            .values((c, r) -> c + r)
            .write(dir.resolve("t.tif"))
            .path());
    tiles =
        new TileSet(
            UrlTemplate.parse("/{NS}{lat:02}{EW}{lon:03}.tif"),
            TileGrid.of(1),
            name -> HttpByteSource.open(URI.create("http://127.0.0.1:" + server.port() + name)));
  }

  @AfterEach
  void stop() {
    tiles.close();
    server.close();
  }

  @Test
  void requestsForATileBeingOpenedWaitForThatOneOpening() throws Exception {
    server.stallFor("/N49E006.tif", Duration.ofMillis(300), 0, 1);
    List<Future<Optional<GeoTiff>>> opened = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 8; i++) {
        opened.add(threads.submit(() -> tiles.open(TILE)));
      }
    }
    GeoTiff first = opened.get(0).get().orElseThrow();
    for (Future<Optional<GeoTiff>> f : opened) {
      assertThat(f.get()).containsSame(first);
    }
    assertThat(server.requests("/N49E006.tif")).isEqualTo(1);
  }

  @Test
  void anAbsentTileIsAskedForOnceAndAFailingOneEveryTime() {
    Tile ocean = new Tile(-30, 0, 1);
    assertThat(tiles.open(ocean)).isEmpty();
    assertThat(tiles.open(ocean)).isEmpty();
    assertThat(server.requests("/N00W030.tif")).isEqualTo(1);

    server.failWith("/N49E006.tif", 403, 2);
    assertThatThrownBy(() -> tiles.open(TILE))
        .isInstanceOf(RasterIoException.class)
        .hasMessageContaining("403");
    assertThatThrownBy(() -> tiles.open(TILE))
        .isInstanceOf(RasterIoException.class)
        .hasMessageContaining("403");
    assertThat(tiles.open(TILE)).isPresent();
  }

  @Test
  void afterClosingATileIsOpenedAgain() {
    GeoTiff before = tiles.open(TILE).orElseThrow();
    int opening = server.requests("/N49E006.tif");
    assertThat(before.read(Window.of(3, 2, 1, 1), 1).get(0)).isEqualTo(5);
    tiles.close();
    int closed = server.requests("/N49E006.tif");
    assertThat(tiles.open(TILE).orElseThrow()).isNotSameAs(before);
    assertThat(server.requests("/N49E006.tif")).isEqualTo(closed + opening);
  }
}
