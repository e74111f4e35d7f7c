package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.engine.internal.io.MemoryByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.RasterSource;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Mutated fixture bytes (random bytes overwritten, runs zeroed or set to 0xFF, the file cut short)
 * either still decode or fail with {@link RasterFormatException} or {@link RasterIoException}:
 * never another exception, a hang, or an OutOfMemoryError.
 */
class MutationFuzzTest {

  private static final List<String> FILES =
      List.of(
          "u8_lzw_p2_tiled.tif",
          "i16_deflate_p2_strip5.tif",
          "f32_deflate_p3_tiled.tif",
          "f64_zstd_p3_tiled.tif",
          "u16_packbits_p1_tiled.tif",
          "f32_lzw_p3_strip5_band_be_bigtiff.tif",
          "i32_none_p1_tiled.tif",
          "u8_deflate_p2_tiled_bigtiff.tif",
          "data/elev_lux.tif",
          "data/lc.tif",
          "codecs/lerc_f32_nan_tiled.tif",
          "codecs/lerc_zstd_i16_tiled.tif",
          "codecs/jpeg_u8_ycbcr_tiled.tif",
          "codecs/lzma_i16_p2_strips.tif",
          "codecs/webp_u8_lossless_tiled.tif",
          "codecs/f16_zstd_p3_tiled.tif");

  private static final ExecutorService RUNNER = Executors.newVirtualThreadPerTaskExecutor();

  record Mutation(String file, int kind, double at, int length, byte value) {}

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            Arbitraries.of(FILES),
            Arbitraries.integers().between(0, 3),
            // Half the mutations hit the first few percent of the file, where the header and IFDs
            // are.
            Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 0.05)),
            Arbitraries.integers().between(1, 64),
            Arbitraries.bytes())
        .as(Mutation::new);
  }

  @Property(tries = 1000)
  void mutatedFilesFailOnlyWithRasterExceptions(@ForAll("mutations") Mutation m) throws Exception {
    byte[] bytes = mutate(Files.readAllBytes(Fixtures.file(m.file())), m);
    Future<?> run =
        RUNNER.submit(
            () -> {
              readEverything(m.file(), bytes);
              return null;
            });
    try {
      run.get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      assertThat(e.getCause())
          .as("%s", m)
          .isInstanceOfAny(RasterFormatException.class, RasterIoException.class);
    } catch (java.util.concurrent.TimeoutException e) {
      run.cancel(true);
      throw new AssertionError("decoding " + m + " did not finish in " + Duration.ofSeconds(10), e);
    }
  }

  private static void readEverything(String name, byte[] bytes) {
    try (GeoTiff tiff =
        GeoTiff.open(new MemoryByteSource(name, bytes), TileCache.ofMaxBytes(8 << 20))) {
      read(tiff);
      for (RasterSource overview : tiff.overviews()) {
        read(overview);
      }
    }
  }

  private static void read(RasterSource image) {
    for (int b = 1; b <= image.bandCount(); b++) {
      image.read(image.grid().extent(), b);
    }
  }

  private static byte[] mutate(byte[] bytes, Mutation m) {
    int at = (int) (m.at() * (bytes.length - 1));
    int end = Math.min(bytes.length, at + m.length());
    return switch (m.kind()) {
      case 0 -> {
        byte[] out = bytes.clone();
        for (int i = at; i < end; i++) {
          out[i] ^= m.value() == 0 ? 1 : m.value();
        }
        yield out;
      }
      case 1 -> {
        byte[] out = bytes.clone();
        Arrays.fill(out, at, end, (byte) 0);
        yield out;
      }
      case 2 -> {
        byte[] out = bytes.clone();
        Arrays.fill(out, at, end, (byte) 0xFF);
        yield out;
      }
      default -> Arrays.copyOf(bytes, at);
    };
  }

  @AfterContainer
  static void stopRunner() {
    RUNNER.shutdownNow();
  }
}
