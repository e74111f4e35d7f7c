package dev.terrace.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import dev.terrace.testkit.tiff.TiffSampleType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A polygon over a whole 20 000 × 20 000 Float32 raster (400 million cells, 1.6 GB as one array) is
 * summarised in a 256 MB heap: the engine streams coverage and cells block by block and keeps
 * decoded tiles in a bounded cache, so memory does not grow with the polygon.
 *
 * <p>Runs only in the {@code bounded-memory} surefire execution, which gives it {@code -Xmx256m};
 * with a larger heap it would prove nothing, so it is skipped there. The raster repeats one 512 ×
 * 512 tile, so the file is a few tens of kilobytes, and its mean is known exactly: a cell holds
 * {@code col % 512 + row % 512}.
 */
class LargePolygonMemoryTest {

  private static final int SIZE = 20_000;
  private static final int TILE = 512;
  private static final double X0 = 280_000;
  private static final double Y0 = 9_130_000;
  private static final double CELL = 0.5;
  private static final long CELLS = (long) SIZE * SIZE;

  @TempDir static Path dir;

  private static Path catalog;

  @BeforeAll
  static void writeRaster() throws IOException {
    long max = Runtime.getRuntime().maxMemory();
    assumeTrue(
        max <= 300L << 20,
        "needs -Xmx256m (the bounded-memory surefire execution); max heap is "
            + (max >> 20)
            + " MB");
    long start = System.nanoTime();
    SyntheticGeoTiff.Written w =
        SyntheticGeoTiff.builder(SIZE, SIZE)
            .tileSize(TILE)
            .sampleType(TiffSampleType.FLOAT32)
            .compression(SyntheticGeoTiff.Compression.DEFLATE)
            .values((col, row) -> col % TILE + row % TILE)
            .projected(32725)
            .origin(X0, Y0)
            .cellSize(CELL)
            .write(dir.resolve("big.tif"));
    System.out.printf(
        "LargePolygonMemoryTest: wrote %d bytes (%d of %d tiles stored) in %.2f s; max heap %d MB%n",
        w.bytes(), w.distinctTiles(), w.tiles(), seconds(start), max >> 20);
    catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        """
        {"providers": [{"slug": "synth", "name": "Synthetic", "protocol": "cog",
          "datasets": [{"name": "dem", "path": "big.tif", "units": "m", "data_type": "continuous"}]}]}
        """);
  }

  /**
   * The mean of {@code col % 512 + row % 512} over 20 000 × 20 000 cells, worked out by hand: 20
   * 000 columns are 39 full periods of 512 (each summing 0 + ... + 511 = 130 816) and 32 more (0 +
   * ... + 31 = 496), so the column terms sum to 5 102 320 per row and average 255.116; rows alike;
   * the mean is 510.232.
   */
  private static final double EXPECTED_MEAN = 2 * (39 * 130_816 + 496) / (double) SIZE;

  @Test
  void theMeanOfAPolygonOverTheWholeRasterIsExactInASmallHeap() {
    assertThat(EXPECTED_MEAN).isEqualTo(510.232, within(1e-12));
    // The corners exactly on the raster's corners (x east, y north, in the raster's own CRS).
    double x1 = X0 + SIZE * CELL;
    double y1 = Y0 - SIZE * CELL;
    Polygon whole =
        Polygon.of(
            new double[] {X0, Y0},
            new double[] {x1, Y0},
            new double[] {x1, y1},
            new double[] {X0, y1},
            new double[] {X0, Y0});

    ExtractResult mean = extract(whole, "mean");
    assertThat(mean.number().orElseThrow()).isCloseTo(EXPECTED_MEAN, within(EXPECTED_MEAN * 1e-9));
    assertThat(mean.pixelCount()).isEqualTo(CELLS);
    assertThat(mean.quality()).isEqualTo(Quality.GOOD);
    assertThat(mean.crs()).isEqualTo("EPSG:32725");

    // A metre beyond every edge: the cells are the same, the area outside only lowers coverage.
    Polygon beyond =
        Polygon.of(
            new double[] {X0 - 1, Y0 + 1},
            new double[] {x1 + 1, Y0 + 1},
            new double[] {x1 + 1, y1 - 1},
            new double[] {X0 - 1, y1 - 1},
            new double[] {X0 - 1, Y0 + 1});
    ExtractResult count = extract(beyond, "count");
    assertThat(count.number().orElseThrow()).isCloseTo(CELLS, within(CELLS * 1e-9));
    assertThat(count.pixelCount()).isEqualTo(CELLS);
    assertThat(count.coverageFraction())
        .isCloseTo((double) CELLS / ((SIZE + 4.0) * (SIZE + 4.0)), within(1e-9));
  }

  private static ExtractResult extract(Polygon polygon, String aggregation) {
    HeapPeak peak = HeapPeak.start();
    long start = System.nanoTime();
    ExtractResponse response;
    try (Terrace terrace = Terrace.embedded(catalog)) {
      response =
          terrace.extract(
              ExtractRequest.builder()
                  .geometry(polygon)
                  .datasets("synth:dem")
                  .aggregation(aggregation)
                  .pixelRule(PixelRule.EXACT)
                  .crs("EPSG:32725")
                  .build());
    }
    double seconds = seconds(start);
    long[] used = peak.stop();
    assertThat(response.warnings()).isEmpty();
    assertThat(response.results()).hasSize(1);
    ExtractResult r = response.results().get(0);
    System.out.printf(
        "LargePolygonMemoryTest: %s = %s over %d cells in %.2f s; heap used peaked at %d MB"
            + " (sampled), %d MB (sum of pool peaks)%n",
        aggregation, r.jsonValue(), r.pixelCount(), seconds, used[0] >> 20, used[1] >> 20);
    return r;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The most heap in use during a call: sampled every few milliseconds (live data plus garbage not
   * yet collected), and the sum of the heap pools' own peaks (an upper bound: pools peak at
   * different times).
   */
  private record HeapPeak(Thread sampler, AtomicBoolean running, AtomicLong max) {

    static HeapPeak start() {
      System.gc();
      List<MemoryPoolMXBean> pools = heapPools();
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong max = new AtomicLong();
      Thread t =
          Thread.ofPlatform()
              .daemon()
              .name("heap-sampler")
              .start(
                  () -> {
                    while (running.get()) {
                      max.accumulateAndGet(
                          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                          Math::max);
                      try {
                        Thread.sleep(5);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
      return new HeapPeak(t, running, max);
    }

    long[] stop() {
      running.set(false);
      try {
        sampler.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long poolPeaks = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      return new long[] {max.get(), poolPeaks};
    }

    private static List<MemoryPoolMXBean> heapPools() {
      return ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .toList();
    }
  }
}
