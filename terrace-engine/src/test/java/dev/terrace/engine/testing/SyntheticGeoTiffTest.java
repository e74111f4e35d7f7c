package dev.terrace.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.SampleType;
import dev.terrace.engine.internal.raster.Samples;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import dev.terrace.testkit.tiff.SyntheticGeoTiff.Compression;
import dev.terrace.testkit.tiff.SyntheticGeoTiff.Written;
import dev.terrace.testkit.tiff.TiffSampleType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Write-then-read: every raster {@link SyntheticGeoTiff} writes is read back through {@link
 * GeoTiff#open} and must give back the cells, nodata, geotransform and CRS it was written with, as
 * Apache SIS's SelfConsistencyTest checks its readers against its writers.
 */
class SyntheticGeoTiffTest {

  private static final int WIDTH = 75;
  private static final int HEIGHT = 50;

  @TempDir Path dir;

  /** Per type: a pattern spanning much of the type's range, and a nodata value. */
  record Case(SampleType type, SyntheticGeoTiff.CellValues values, double nodata) {
    @Override
    public String toString() {
      return type.toString();
    }
  }

  static List<Case> cases() {
    return List.of(
        new Case(SampleType.UINT8, (c, r) -> (c * 7 + r * 13) % 250, 255),
        new Case(SampleType.INT8, (c, r) -> (c * 7 + r * 13) % 250 - 125, -128),
        new Case(SampleType.UINT16, (c, r) -> c * 800 + r * 13, 65535),
        new Case(SampleType.INT16, (c, r) -> c * 437 - r * 601, -32768),
        new Case(SampleType.UINT32, (c, r) -> 3e9 + c * 100_003 + r, 4294967295.0),
        new Case(SampleType.INT32, (c, r) -> c * 28_000_001 - r * 40_000_003, -2147483648),
        // 64-bit samples were once written as zeros: values beyond 32 bits, and beyond 2^63
        // unsigned.
        new Case(SampleType.INT64, (c, r) -> c * 3_000_000_007L - r * 5_000_000_011L, -9999),
        new Case(SampleType.UINT64, (c, r) -> 0x1p63 + c * 4096.0 + r * 1_048_576.0, 7),
        // 0.1 is no float: the writer must store the float nearest to it, and the reader then match
        // cells.
        new Case(SampleType.FLOAT32, (c, r) -> 100 + c * 0.25 - r * 1.5 + 0.1 * ((c + r) % 3), 0.1),
        new Case(SampleType.FLOAT64, (c, r) -> c * Math.PI - r * 1e-7, Double.NaN));
  }

  static Stream<Arguments> typesAndCompressions() {
    List<Arguments> out = new ArrayList<>();
    for (Case c : cases()) {
      for (Compression compression : Compression.values()) {
        out.add(Arguments.of(c, compression));
      }
    }
    return out.stream();
  }

  /** Every 11th diagonal holds nodata. */
  private static boolean isNodataCell(int c, int r) {
    return (c + r) % 11 == 0;
  }

  /** What a cell of {@code type} holds after storing {@code v}. */
  private static double stored(SampleType type, double v) {
    return switch (type) {
      case FLOAT32 -> (float) v;
      case FLOAT64 -> v;
      default -> Math.rint(v);
    };
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("typesAndCompressions")
  void everyTypeRoundTripsThroughTheReader(Case k, Compression compression) {
    Path file = dir.resolve(k.type() + "-" + compression + ".tif");
    Written w =
        SyntheticGeoTiff.builder(WIDTH, HEIGHT)
            .tileSize(32, 16)
            .sampleType(TiffSampleType.valueOf(k.type().name()))
            .compression(compression)
            .values((c, r) -> isNodataCell(c, r) ? k.nodata() : k.values().at(c, r))
            .nodata(k.nodata())
            .projected(32725)
            .origin(280_000, 9_130_000)
            .cellSize(0.5)
            .write(file);

    assertThat(w.tiles()).isEqualTo(3 * 4);
    assertThat(w.bigTiff()).isFalse();
    assertThat(w.bytes()).isEqualTo(size(file));
    try (GeoTiff tiff = GeoTiff.open(file)) {
      assertThat(tiff.grid().width()).isEqualTo(WIDTH);
      assertThat(tiff.grid().height()).isEqualTo(HEIGHT);
      assertThat(tiff.blockWidth()).isEqualTo(32);
      assertThat(tiff.blockHeight()).isEqualTo(16);
      assertThat(tiff.bandCount()).isEqualTo(1);
      assertThat(tiff.grid().transform().toGdal())
          .containsExactly(280_000, 0.5, 0, 9_130_000, 0, -0.5);
      assertThat(tiff.grid().crsName()).isEqualTo("EPSG:32725");

      Band band = tiff.band(1);
      assertThat(band.type()).isEqualTo(k.type());
      double expectedNodata = stored(k.type(), k.nodata());
      assertThat(band.nodata()).isPresent();
      if (Double.isNaN(expectedNodata)) {
        assertThat(band.nodata().getAsDouble()).isNaN();
      } else {
        assertThat(band.nodata().getAsDouble()).isEqualTo(expectedNodata);
      }

      Object cells = Samples.allocate(k.type(), WIDTH * HEIGHT);
      tiff.readInto(tiff.grid().extent(), 1, cells);
      for (int r = 0; r < HEIGHT; r++) {
        for (int c = 0; c < WIDTH; c++) {
          double got = Samples.get(k.type(), cells, r * WIDTH + c);
          if (isNodataCell(c, r)) {
            assertThat(band.isNodata(got)).as("cell (%d, %d) = %s is nodata", c, r, got).isTrue();
          } else {
            assertThat(got)
                .as("cell (%d, %d)", c, r)
                .isEqualTo(stored(k.type(), k.values().at(c, r)));
            assertThat(band.isNodata(got)).as("cell (%d, %d) = %s is data", c, r, got).isFalse();
          }
        }
      }
      // A window that crosses tile boundaries and ends inside the padded edge tiles.
      Window window = Window.of(30, 14, 45, 36);
      Object part = Samples.allocate(k.type(), (int) window.cells());
      tiff.readInto(window, 1, part);
      for (int i = 0; i < window.cells(); i++) {
        int c = window.col() + i % window.width();
        int r = window.row() + i / window.width();
        // Bit for bit, so that NaN nodata cells compare equal too.
        assertThat(Double.doubleToLongBits(Samples.get(k.type(), part, i)))
            .isEqualTo(Double.doubleToLongBits(Samples.get(k.type(), cells, r * WIDTH + c)));
      }
    }
  }

  @Test
  void geographicRastersNameEpsg4326() {
    Path file = dir.resolve("geo.tif");
    SyntheticGeoTiff.builder(40, 20)
        .tileSize(16)
        .sampleType(TiffSampleType.INT16)
        .values((c, r) -> c - r)
        .geographic()
        .origin(-10, 50)
        .cellSize(0.25, 0.125)
        .write(file);
    try (GeoTiff tiff = GeoTiff.open(file)) {
      assertThat(tiff.grid().crsName()).isEqualTo("EPSG:4326");
      assertThat(tiff.grid().crs().isGeographic()).isTrue();
      assertThat(tiff.grid().transform().toGdal()).containsExactly(-10, 0.25, 0, 50, 0, -0.125);
      assertThat(tiff.band(1).nodata()).isEmpty();
      assertThat(read(tiff, Window.of(39, 19, 1, 1))[0]).isEqualTo(20);
    }
  }

  @Test
  void withoutGeoreferencingTheReaderRefusesTheFile() {
    Path file = dir.resolve("plain.tif");
    SyntheticGeoTiff.builder(20, 20)
        .tileSize(16)
        .sampleType(TiffSampleType.UINT8)
        .values((c, r) -> c)
        .write(file);
    assertThatThrownBy(() -> GeoTiff.open(file))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("not georeferenced");
  }

  @Test
  void aGridWithoutACrsIsRefusedByTheReader() {
    Path file = dir.resolve("nocrs.tif");
    SyntheticGeoTiff.builder(20, 20)
        .tileSize(16)
        .sampleType(TiffSampleType.UINT8)
        .values((c, r) -> c)
        .origin(1, 2)
        .cellSize(3)
        .write(file);
    assertThatThrownBy(() -> GeoTiff.open(file))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("has no CRS");
  }

  @Test
  void bigTiffWhenAsked() throws IOException {
    Path file = dir.resolve("big.tif");
    Written w =
        SyntheticGeoTiff.builder(70, 33)
            .tileSize(16, 32)
            .sampleType(TiffSampleType.FLOAT64)
            .compression(Compression.DEFLATE)
            .values((c, r) -> c * 1e6 + r)
            .nodata(-1)
            .projected(32725)
            .origin(1, 2)
            .cellSize(3)
            .bigTiff(true)
            .write(file);
    assertThat(w.bigTiff()).isTrue();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(4);
      assertThat(header).containsExactly(new byte[] {'I', 'I', 43, 0});
    }
    try (GeoTiff tiff = GeoTiff.open(file)) {
      assertThat(tiff.grid().transform().toGdal()).containsExactly(1, 3, 0, 2, 0, -3);
      assertThat(tiff.grid().crsName()).isEqualTo("EPSG:32725");
      assertThat(tiff.band(1).nodata().getAsDouble()).isEqualTo(-1);
      double[] all = read(tiff, tiff.grid().extent());
      for (int i = 0; i < all.length; i++) {
        assertThat(all[i]).isEqualTo(i % 70 * 1e6 + i / 70);
      }
    }
  }

  @Test
  void identicalTilesAreStoredOnce() {
    Path file = dir.resolve("repeat.tif");
    // 1000 is no multiple of 256: interior, right-edge, bottom-edge and corner tiles differ
    // (padding).
    Written w =
        SyntheticGeoTiff.builder(1000, 1000)
            .tileSize(256)
            .sampleType(TiffSampleType.UINT16)
            .compression(Compression.NONE)
            .values((c, r) -> c % 256 * 256 + r % 256)
            .geographic()
            .origin(10, 50)
            .cellSize(0.001)
            .write(file);
    assertThat(w.tiles()).isEqualTo(16);
    assertThat(w.distinctTiles()).isEqualTo(4);
    assertThat(w.bytes()).isLessThan(4 * 256 * 256 * 2 + 4096);
    try (GeoTiff tiff = GeoTiff.open(file)) {
      double[] all = read(tiff, tiff.grid().extent());
      for (int i = 0; i < all.length; i++) {
        int c = i % 1000;
        int r = i / 1000;
        assertThat(all[i]).isEqualTo(c % 256 * 256 + r % 256);
      }
    }
  }

  @Test
  void a20000SquareRasterOfRepeatingTilesIsSmallAndQuick() {
    Path file = dir.resolve("huge.tif");
    long start = System.nanoTime();
    Written w =
        SyntheticGeoTiff.builder(20_000, 20_000)
            .tileSize(512)
            .sampleType(TiffSampleType.FLOAT32)
            .compression(Compression.DEFLATE)
            .values((c, r) -> c % 512 + r % 512)
            .projected(32725)
            .origin(280_000, 9_130_000)
            .cellSize(0.5)
            .write(file);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "20000 x 20000 FLOAT32 DEFLATE: %d bytes, %d of %d tiles stored, %.2f s%n",
        w.bytes(), w.distinctTiles(), w.tiles(), seconds);
    assertThat(w.tiles()).isEqualTo(40 * 40);
    assertThat(w.distinctTiles()).isEqualTo(4);
    assertThat(w.bytes()).isLessThan(16L << 20);
    try (GeoTiff tiff = GeoTiff.open(file)) {
      assertThat(tiff.grid().width()).isEqualTo(20_000);
      Window corner = Window.of(19_990, 19_990, 10, 10);
      double[] cells = read(tiff, corner);
      for (int i = 0; i < cells.length; i++) {
        int c = corner.col() + i % 10;
        int r = corner.row() + i / 10;
        assertThat(cells[i]).isEqualTo(c % 512 + r % 512);
      }
      assertThat(read(tiff, Window.of(10_000, 7_777, 1, 1)))
          .containsExactly(10_000 % 512 + 7_777 % 512);
    }
  }

  @Test
  void tilesCanComeFromAPerTileSupplier() {
    Path file = dir.resolve("tiles.tif");
    double[] tile = new double[16 * 16];
    Written w =
        SyntheticGeoTiff.builder(40, 40)
            .tileSize(16)
            .sampleType(TiffSampleType.UINT8)
            .compression(Compression.DEFLATE)
            .tiles(
                (tc, tr) -> {
                  Arrays.fill(tile, tr * 10 + tc);
                  return tile;
                })
            .geographic()
            .origin(10, 50)
            .cellSize(0.01)
            .write(file);
    assertThat(w.distinctTiles()).isEqualTo(9);
    try (GeoTiff tiff = GeoTiff.open(file)) {
      double[] all = read(tiff, tiff.grid().extent());
      for (int i = 0; i < all.length; i++) {
        assertThat(all[i]).isEqualTo(i / 40 / 16 * 10 + i % 40 / 16);
      }
    }
  }

  @Test
  void rejectsWhatTiffOrTheSampleTypeCannotHold() {
    assertThatThrownBy(() -> SyntheticGeoTiff.builder(10, 10).tileSize(20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiples of 16");
    assertThatThrownBy(() -> SyntheticGeoTiff.builder(0, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyntheticGeoTiff.builder(10, 10).write(dir.resolve("none.tif")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                SyntheticGeoTiff.builder(10, 10)
                    .sampleType(TiffSampleType.UINT8)
                    .values((c, r) -> 256)
                    .write(dir.resolve("overflow.tif")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit UINT8");
    assertThatThrownBy(
            () ->
                SyntheticGeoTiff.builder(10, 10)
                    .sampleType(TiffSampleType.INT16)
                    .values((c, r) -> 0)
                    .nodata(1.5)
                    .write(dir.resolve("nodata.tif")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nodata");
    assertThatThrownBy(
            () ->
                SyntheticGeoTiff.builder(10, 10)
                    .sampleType(TiffSampleType.INT16)
                    .values((c, r) -> 0)
                    .nodata(Double.NaN)
                    .write(dir.resolve("nan.tif")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nodata");
  }

  private static double[] read(GeoTiff tiff, Window window) {
    SampleType type = tiff.band(1).type();
    Object cells = Samples.allocate(type, (int) window.cells());
    tiff.readInto(window, 1, cells);
    double[] out = new double[(int) window.cells()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Samples.get(type, cells, i);
    }
    return out;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
