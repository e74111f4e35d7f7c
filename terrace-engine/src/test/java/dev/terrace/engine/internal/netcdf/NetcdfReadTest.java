package dev.terrace.engine.internal.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.raster.Raster;
import dev.terrace.engine.internal.raster.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reading mechanics: blocks, in-memory files, threads, argument checks, closing. */
class NetcdfReadTest {

  private static final Path BCSD = NcFixtures.file("bcsd_obs_1999.nc");

  /** Every band of a raster, row-major, boxed so that NaN (nodata) equals NaN. */
  private static List<List<Double>> all(NetcdfRaster r) {
    List<List<Double>> out = new ArrayList<>();
    for (int b = 1; b <= r.bandCount(); b++) {
      out.add(Arrays.stream(r.read(r.grid().extent(), b).toDoubles()).boxed().toList());
    }
    return out;
  }

  @Test
  void windowsAcrossManySmallBlocksReadTheSameCells() {
    // 12 bands x 4 bytes x 30 cells: blocks of 30 columns on one row, so 3 blocks per row and 99 in
    // all.
    try (NetcdfRaster whole = NetcdfRaster.open(BCSD, "tas");
        NetcdfRaster small = NetcdfRaster.open(BCSD, "tas", 12 * 4 * 30)) {
      List<List<Double>> expected = all(whole);
      assertThat(all(small)).isEqualTo(expected);
      Random random = new Random(7);
      for (int i = 0; i < 200; i++) {
        int col = random.nextInt(81);
        int row = random.nextInt(33);
        Window w = new Window(col, row, 1 + random.nextInt(81 - col), 1 + random.nextInt(33 - row));
        int band = 1 + random.nextInt(12);
        Raster got = small.read(w, band);
        for (int r = 0; r < w.height(); r++) {
          for (int c = 0; c < w.width(); c++) {
            assertThat((Double) got.get(c, r))
                .as("%s band %d", w, band)
                .isEqualTo(expected.get(band - 1).get((w.row() + r) * 81 + w.col() + c));
          }
        }
      }
    }
  }

  @Test
  void singleCellBlocksOnAProjectedGrid() {
    try (NetcdfRaster whole = NetcdfRaster.open(NcFixtures.file("utm_tyx.nc"), "temp");
        NetcdfRaster tiny = NetcdfRaster.open(NcFixtures.file("utm_tyx.nc"), "temp", 1)) {
      assertThat(all(tiny)).isEqualTo(all(whole));
    }
  }

  @Test
  void inMemoryFilesReadLikeLocalOnesAndLeaveNoTemporaryFile() throws IOException {
    Set<Path> before = temporaryCopies();
    NetcdfRaster fromBytes =
        NetcdfRaster.open("samples/bcsd_obs_1999.nc", NcFixtures.bytes("bcsd_obs_1999.nc"), "pr");
    try (NetcdfRaster fromFile = NetcdfRaster.open(BCSD, "pr")) {
      assertThat(fromBytes.name()).isEqualTo("samples/bcsd_obs_1999.nc");
      assertThat(fromBytes.variable()).isEqualTo("pr");
      assertThat(fromBytes.grid()).isEqualTo(fromFile.grid());
      assertThat(fromBytes.times()).isEqualTo(fromFile.times());
      assertThat(all(fromBytes)).isEqualTo(all(fromFile));
    } finally {
      fromBytes.close();
    }
    assertThat(temporaryCopies()).isSubsetOf(before);
  }

  private static Set<Path> temporaryCopies() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().matches("terrace-.*\\.nc"))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void manyThreadsReadTheSameCellsAsOne() throws Exception {
    List<List<Double>> expected;
    try (NetcdfRaster r = NetcdfRaster.open(BCSD, "pr")) {
      expected = all(r);
    }
    try (NetcdfRaster shared = NetcdfRaster.open(BCSD, "pr", 12 * 4 * 81 * 2)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int seed = t;
          futures.add(
              pool.submit(
                  () -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 300; i++) {
                      int col = random.nextInt(81);
                      int row = random.nextInt(33);
                      int band = 1 + random.nextInt(12);
                      double v = shared.read(new Window(col, row, 1, 1), band).get(0);
                      assertThat((Double) v).isEqualTo(expected.get(band - 1).get(row * 81 + col));
                    }
                    return null;
                  }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void readIntoChecksItsArguments() {
    try (NetcdfRaster r = NetcdfRaster.open(BCSD, "pr")) {
      assertThatThrownBy(() -> r.read(new Window(0, 0, 1, 1), 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("band 0")
          .hasMessageContaining("12 bands");
      assertThatThrownBy(() -> r.band(13)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> r.read(new Window(80, 0, 2, 1), 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("81 x 33");
      assertThatThrownBy(() -> r.readInto(new Window(0, 0, 2, 2), 1, new double[4]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("FLOAT32")
          .hasMessageContaining("float[]");
      assertThatThrownBy(() -> r.readInto(new Window(0, 0, 2, 2), 1, new float[3]))
          .isInstanceOf(IllegalArgumentException.class);
      // A larger destination is fine: filled from index 0.
      float[] big = new float[10];
      r.readInto(new Window(1, 6, 2, 2), 1, big);
      assertThat(big[4]).isZero();
    }
  }

  @Test
  void aClosedRasterRefusesToReadAndClosesOnce() {
    NetcdfRaster r = NetcdfRaster.open(BCSD, "pr");
    r.read(new Window(0, 0, 1, 1), 1);
    r.close();
    r.close();
    assertThatThrownBy(() -> r.read(new Window(0, 0, 1, 1), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
