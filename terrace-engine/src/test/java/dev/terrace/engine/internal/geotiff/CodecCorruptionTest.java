package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.internal.io.MemoryByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged blocks of the new codecs: a read fails with a {@link RasterFormatException} naming the
 * file, the block and the codec, or (for random damage a codec cannot detect, as in JPEG's
 * entropy-coded data) still returns a block; never another exception or a hang.
 */
class CodecCorruptionTest {

  private static final ExecutorService RUNNER = Executors.newVirtualThreadPerTaskExecutor();

  @AfterAll
  static void stop() {
    RUNNER.shutdownNow();
  }

  /** Where the first block's bytes are, from the file's own tables. */
  private static long[] firstBlock(byte[] file) {
    TiffParser.Result tiff = TiffParser.parse(new MemoryByteSource("f", file));
    ImageLayout layout = ImageLayout.of(tiff.ifds().get(0), file.length);
    return new long[] {layout.offsets()[0], layout.byteCounts()[0]};
  }

  private static byte[] damaged(String file, int from, int to, byte value) throws Exception {
    byte[] bytes = Files.readAllBytes(Fixtures.file("codecs/" + file));
    long[] block = firstBlock(bytes);
    int start = (int) (block[0] + Math.min(from, block[1]));
    int end = (int) (block[0] + Math.min(to, block[1]));
    Arrays.fill(bytes, start, end, value);
    return bytes;
  }

  private static void read(String name, byte[] bytes) {
    try (GeoTiff tiff =
        GeoTiff.open(new MemoryByteSource(name, bytes), TileCache.ofMaxBytes(8 << 20))) {
      for (int b = 1; b <= tiff.bandCount(); b++) {
        tiff.read(tiff.grid().extent(), b);
      }
    }
  }

  @ParameterizedTest(name = "{0} bytes {1} to {2}")
  @CsvSource({
    // LERC: any damage after the checksum field fails the Fletcher-32 check.
    "lerc_f32_tiled.tif, 100, 140, LERC",
    "lerc_u8_tiled.tif, 64, 65, LERC", // a byte of zMax (0x6F)
    "lerc_i16_tiled.tif, 0, 6, LERC", // the "Lerc2 " key
    "lerc_deflate_f32_tiled.tif, 40, 80, LERC", // the zlib stream around the blob
    "lerc_zstd_i16_tiled.tif, 0, 4, LERC", // the zstd frame's magic number
    "lzma_u8_p1_tiled.tif, 0, 12, LZMA", // the .xz stream header
    "lzma_f32_p3_tiled.tif, 100, 100000, LZMA", // everything after the first 100 bytes
    "jpeg_u8_ycbcr_tiled.tif, 0, 2, JPEG", // the SOI marker
    "jpeg_u8_gray_tiled.tif, 2, 100000, JPEG", // all but SOI: no frame header left
    "webp_u8_lossless_tiled.tif, 12, 100000, WEBP", // the RIFF chunks
    "webp_u8_rgba_lossless_tiled.tif, 20, 30, WEBP", // the VP8L header
  })
  void aDamagedBlockFailsNamingTheBlock(String file, int from, int to, String codec)
      throws Exception {
    byte[] bytes = damaged(file, from, to, (byte) 0);
    assertThatThrownBy(() -> read(file, bytes))
        .isInstanceOf(RasterFormatException.class)
        .hasMessageContaining(file + ", IFD 0, ")
        .hasMessageContaining(" 0: " + codec + " data is corrupt");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "lerc_f32_nan_tiled.tif",
        "lerc_u8_gray_strips.tif",
        "lerc_f64_tiled.tif",
        "lerc_u16_z2_tiled.tif",
        "lzma_i16_p2_strips.tif",
        "jpeg_u8_rgb_tiled.tif",
        "jpeg_u8_ycbcr_strips.tif",
        "webp_u8_lossless_tiled.tif",
        "f16_zstd_p3_tiled.tif"
      })
  void randomDamageGivesABlockOrARasterFormatException(String file) throws Exception {
    byte[] clean = Files.readAllBytes(Fixtures.file("codecs/" + file));
    long[] block = firstBlock(clean);
    Random random = new Random(file.hashCode());
    for (int trial = 0; trial < 60; trial++) {
      byte[] bytes = clean.clone();
      int n = 1 + random.nextInt(8);
      for (int i = 0; i < n; i++) {
        bytes[(int) (block[0] + random.nextInt((int) block[1]))] = (byte) random.nextInt();
      }
      Future<?> run = RUNNER.submit(() -> read(file, bytes));
      try {
        run.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).as("trial %d", trial).isInstanceOf(RasterFormatException.class);
        assertThat(e.getCause().getMessage()).contains(file + ", IFD 0, ");
      } catch (TimeoutException e) {
        run.cancel(true);
        throw new AssertionError(
            file + " trial " + trial + " did not finish in " + Duration.ofSeconds(10), e);
      }
    }
  }

  @Test
  void lossyWebpIsToldApartFromLosslessByItsChunk() throws Exception {
    byte[] lossy = Files.readAllBytes(Fixtures.file("codecs/webp_u8_lossy_tiled.tif"));
    long[] b = firstBlock(lossy);
    assertThat(WebpDecompressor.lossy(lossy, (int) b[0], (int) b[1])).isTrue();
    byte[] lossless = Files.readAllBytes(Fixtures.file("codecs/webp_u8_lossless_tiled.tif"));
    long[] c = firstBlock(lossless);
    assertThat(WebpDecompressor.lossy(lossless, (int) c[0], (int) c[1])).isFalse();
  }
}
