package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.io.HttpByteSource;
import dev.terrace.engine.internal.io.HttpOptions;
import dev.terrace.engine.internal.io.MemoryByteSource;
import dev.terrace.engine.internal.raster.Raster;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.testkit.http.RangeServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A COG read over real loopback HTTP: the requests and bytes each step costs, pixels identical to
 * GDAL's, one decode per tile under concurrency, and a file replaced underneath.
 */
class GeoTiffHttpTest {

  private static final String COG = "ovr_cog_f32_deflate_p3_150x110_1band.tif";
  private static final String PATH = "/" + COG;

  private RangeServer server;
  private byte[] bytes;

  @BeforeEach
  void serve() throws Exception {
    bytes = Files.readAllBytes(Fixtures.file(COG));
    server = RangeServer.start();
    server.serve(PATH, bytes);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GeoTiff open(TileCache cache) {
    return GeoTiff.open(HttpByteSource.open(server.uri(PATH), HttpOptions.defaults()), cache);
  }

  /** The level-0 tiles lie after the header and overviews; one merged request fetches them all. */
  @Test
  void aCogOpensWithOneRequestAndReadsEveryTileWithOneMore() throws Exception {
    ImageLayout full =
        ImageLayout.of(
            TiffParser.parse(new MemoryByteSource(COG, bytes)).ifds().get(0), bytes.length);
    long first = Long.MAX_VALUE;
    long end = 0;
    for (int i = 0; i < full.offsets().length; i++) {
      first = Math.min(first, full.offsets()[i]);
      end = Math.max(end, full.offsets()[i] + full.byteCounts()[i]);
    }
    assertThat(first)
        .as("tiles start after the 16 KiB prefetch")
        .isGreaterThanOrEqualTo(HeaderBuffer.INITIAL_BYTES);

    try (GeoTiff tiff = open(TileCache.ofMaxBytes(16 << 20))) {
      assertThat(server.requests(PATH)).isEqualTo(1);
      assertThat(server.bytesSent(PATH)).isEqualTo(HeaderBuffer.INITIAL_BYTES);

      Raster raster = tiff.read(tiff.grid().extent(), 1);
      assertThat(server.requests(PATH)).isEqualTo(2);
      assertThat(server.bytesSent(PATH)).isEqualTo(HeaderBuffer.INITIAL_BYTES + (end - first));
      assertThat(GdalParityTest.sha256(raster)).isEqualTo(expectedSha(COG, 0));

      tiff.read(Window.of(17, 33, 40, 20), 1);
      assertThat(server.requests(PATH)).as("cached tiles cost no request").isEqualTo(2);
    }
  }

  @Test
  void overviewsReadOverHttpMatchGdal() throws Exception {
    try (GeoTiff tiff = open(TileCache.ofMaxBytes(16 << 20))) {
      for (int level = 1; level <= tiff.overviews().size(); level++) {
        GeoTiff overview = tiff.overviews().get(level - 1);
        assertThat(GdalParityTest.sha256(overview.read(overview.grid().extent(), 1)))
            .isEqualTo(expectedSha(COG, level));
      }
    }
  }

  @Test
  void concurrentReadersOfTheSameTilesFetchAndDecodeThemOnce() throws Exception {
    TileCache cache = TileCache.ofMaxBytes(16 << 20);
    Window window = Window.of(20, 20, 40, 40);
    int blocks = 3 * 3; // columns and rows 20..59 span 16-pixel tiles 1..3
    try (GeoTiff tiff = open(cache);
        ExecutorService pool = Executors.newFixedThreadPool(16)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> shas = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        shas.add(
            pool.submit(
                () -> {
                  start.await();
                  return GdalParityTest.sha256(tiff.read(window, 1));
                }));
      }
      start.countDown();
      String first = shas.get(0).get();
      for (Future<String> sha : shas) {
        assertThat(sha.get()).isEqualTo(first);
      }
      assertThat(cache.decodedBlocks()).isEqualTo(blocks);
      ImageLayout layout =
          ImageLayout.of(
              TiffParser.parse(new MemoryByteSource(COG, bytes)).ifds().get(0), bytes.length);
      List<String> ranges = server.rangeLog(PATH);
      for (int row = 1; row <= 3; row++) {
        for (int col = 1; col <= 3; col++) {
          int block = layout.blockIndex(0, row, col);
          long at = layout.offsets()[block];
          long fetches = ranges.stream().skip(1).filter(r -> covers(r, at)).count();
          assertThat(fetches).as("fetches of tile %d in %s", block, ranges).isEqualTo(1);
        }
      }
      assertThat(server.requests(PATH)).as("the open, then one merged fetch").isEqualTo(2);
    }
  }

  @Test
  void aFileReplacedOnTheServerFailsTheNextReadClearly() throws Exception {
    try (GeoTiff tiff = open(TileCache.ofMaxBytes(16 << 20))) {
      byte[] changed = bytes.clone();
      changed[changed.length - 1] ^= 1;
      server.replace(PATH, changed);
      assertThatThrownBy(() -> tiff.read(tiff.grid().extent(), 1))
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining(PATH)
          .hasMessageContaining("changed");
    }
  }

  private static boolean covers(String rangeHeader, long offset) {
    String[] ends = rangeHeader.substring("bytes=".length()).split("-");
    return Long.parseLong(ends[0]) <= offset && offset <= Long.parseLong(ends[1]);
  }

  private static String expectedSha(String file, int level) {
    for (Map<String, String> row : Fixtures.csv(Fixtures.file("expected.csv"))) {
      if (row.get("file").equals(file) && row.get("level").equals(Integer.toString(level))) {
        return row.get("sha256");
      }
    }
    throw new IllegalArgumentException(file + " level " + level + " is not in expected.csv");
  }
}
