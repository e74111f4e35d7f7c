package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class LzmaDecompressorTest {

  /** Encodes as libtiff does: one .xz stream (GDAL's default preset 6) per block. */
  static byte[] xz(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XZOutputStream out = new XZOutputStream(bytes, new LZMA2Options(6))) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Test
  void decodesABlockAndIgnoresWhatFollowsIt() throws DecodeException {
    byte[] data = TestBlocks.twoBitNoise(5000);
    byte[] packed = xz(data);

    assertThat(new LzmaDecompressor().decode(packed, 0, packed.length, 5000)).isEqualTo(data);
    assertThat(new LzmaDecompressor().decode(packed, 0, packed.length, 4000))
        .isEqualTo(Arrays.copyOf(data, 4000));
  }

  @Test
  void shortOrTruncatedStreamsAreCorrupt() {
    byte[] packed = xz(TestBlocks.twoBitNoise(5000));

    assertThatThrownBy(() -> new LzmaDecompressor().decode(packed, 0, packed.length, 5001))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("5000 of 5001");
    assertThatThrownBy(() -> new LzmaDecompressor().decode(packed, 0, packed.length / 2, 5000))
        .isInstanceOf(DecodeException.class);
  }
}
