package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CompressionTest {

  @Test
  void compressionCodesMapToTheirSchemes() {
    assertThat(Compression.forCode(1)).isEqualTo(Compression.NONE);
    assertThat(Compression.forCode(5)).isEqualTo(Compression.LZW);
    assertThat(Compression.forCode(8)).isEqualTo(Compression.DEFLATE);
    assertThat(Compression.forCode(32946)).isEqualTo(Compression.DEFLATE_OLD);
    assertThat(Compression.forCode(32773)).isEqualTo(Compression.PACKBITS);
    assertThat(Compression.forCode(50000)).isEqualTo(Compression.ZSTD);
    assertThat(Compression.forCode(34925)).isEqualTo(Compression.LZMA);
    assertThat(Compression.forCode(7)).isEqualTo(Compression.JPEG);
    assertThat(Compression.forCode(50001)).isEqualTo(Compression.WEBP);
    assertThat(Compression.forCode(34887)).isEqualTo(Compression.LERC);
    for (Compression c : Compression.values()) {
      assertThat(Compression.forCode(c.code())).isSameAs(c);
      assertThat(c.decompressor() == null)
          .as("%s has exactly one kind of decoder", c)
          .isNotEqualTo(c.sampleDecompressor() == null);
    }
  }

  @Test
  void unsupportedCompressionCodesMapToNull() {
    assertThat(Compression.forCode(6)).isNull();
    assertThat(Compression.forCode(34712)).isNull();
    assertThat(Compression.forCode(50002)).isNull();
    assertThat(Compression.forCode(0)).isNull();
    assertThat(Compression.forCode(-1)).isNull();
  }

  @Test
  void compressionCodesAreDescribedByNameWhenWellKnown() {
    assertThat(Compression.describe(7)).isEqualTo("7 (JPEG)");
    assertThat(Compression.describe(34887)).isEqualTo("34887 (LERC)");
    assertThat(Compression.describe(50001)).isEqualTo("50001 (WebP)");
    assertThat(Compression.describe(5)).isEqualTo("5 (LZW)");
    assertThat(Compression.describe(12345)).isEqualTo("12345");
  }

  @Test
  void oldDeflateCodeReadsTheSameZlibData() throws DecodeException {
    byte[] data = TestBlocks.twoBitNoise(1000);
    byte[] packed = DeflateDecompressorTest.deflate(data, 6);

    assertThat(Compression.DEFLATE_OLD.decompressor().decode(packed, 0, packed.length, 1000))
        .isEqualTo(data);
  }

  @Test
  void everyCodecDecodesBlocksOnManyThreadsAtOnce() throws Exception {
    byte[] data = TestBlocks.twoBitNoise(50_000);
    List<Callable<Boolean>> jobs = new ArrayList<>();
    for (Compression c : Compression.values()) {
      if (c.decompressor() == null) {
        continue; // sample codecs: CodecParityTest decodes their files on the reader's threads
      }
      byte[] packed = DecompressorMutationTest.compress(c, data);
      for (int i = 0; i < 16; i++) {
        jobs.add(
            () -> {
              for (int round = 0; round < 20; round++) {
                if (!Arrays.equals(
                    c.decompressor().decode(packed, 0, packed.length, data.length), data)) {
                  return false;
                }
              }
              return true;
            });
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<Boolean> result : pool.invokeAll(jobs)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
