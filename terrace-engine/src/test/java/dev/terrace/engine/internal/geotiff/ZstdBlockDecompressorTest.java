package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.zstd.ZstdCompressor;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ZstdBlockDecompressorTest {

  private final ZstdBlockDecompressor zstd = new ZstdBlockDecompressor();

  @Property(tries = 100)
  void zstdRoundTripsAnyBytes(@ForAll("blocks") byte[] data) throws DecodeException {
    byte[] packed = zstd(data);

    assertThat(zstd.decode(packed, 0, packed.length, data.length)).isEqualTo(data);
  }

  @Provide
  Arbitrary<byte[]> blocks() {
    return TestBlocks.mixed();
  }

  @Test
  void zstdDecodesAStripWrittenByLibtiff() throws DecodeException {
    // GDAL 3.6.2 with COMPRESS=ZSTD (libzstd) for TestBlocks.smallImage().
    byte[] packed =
        HexFormat.of()
            .parseHex(
                "28b52ffd006075010054020001020304050603040506070809060708090a0b0c"
                    + "090a0b0c0d0e0f090a0b0c0d0e0f090a0344070600a804");

    assertThat(zstd.decode(packed, 0, packed.length, 64)).isEqualTo(TestBlocks.smallImage());
  }

  @Test
  void zstdReadsABlockAtAnOffset() throws DecodeException {
    byte[] data = noise(5000);
    byte[] packed = zstd(data);
    byte[] framed = new byte[packed.length + 20];
    System.arraycopy(packed, 0, framed, 9, packed.length);

    assertThat(zstd.decode(framed, 9, packed.length, data.length)).isEqualTo(data);
  }

  @Test
  void zstdIgnoresBytesDecodedPastTheBlock() throws DecodeException {
    byte[] data = TestBlocks.twoBitNoise(5000 + ZstdBlockDecompressor.MAX_EXCESS);
    byte[] packed = zstd(data);

    assertThat(zstd.decode(packed, 0, packed.length, 5000)).isEqualTo(Arrays.copyOf(data, 5000));
  }

  @Test
  void zstdRejectsAFrameThatDecodesToFarMoreThanTheBlock() {
    byte[] packed = zstd(new byte[5001 + ZstdBlockDecompressor.MAX_EXCESS]);

    assertThatThrownBy(() -> zstd.decode(packed, 0, packed.length, 5000))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("far more than the block's 5000");
  }

  @Test
  void zstdRejectsBytesAfterTheFrame() {
    byte[] frame = zstd(TestBlocks.twoBitNoise(5000));
    byte[] padded = Arrays.copyOf(frame, frame.length + 16);

    assertThatThrownBy(() -> zstd.decode(padded, 0, padded.length, 5000))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void zstdRejectsAFrameThatDecodesShort() {
    byte[] packed = zstd(noise(100));

    assertThatThrownBy(() -> zstd.decode(packed, 0, packed.length, 101))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("100 of 101");
  }

  @Test
  void zstdRejectsATruncatedFrame() {
    byte[] data = TestBlocks.twoBitNoise(5000);
    byte[] packed = zstd(data);

    assertThatThrownBy(() -> zstd.decode(packed, 0, packed.length / 2, data.length))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void zstdRejectsGarbage() {
    byte[] garbage = noise(1000);

    assertThatThrownBy(() -> zstd.decode(garbage, 0, garbage.length, 1000))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("corrupt ZSTD data");
  }

  static byte[] zstd(byte[] data) {
    ZstdCompressor compressor = new ZstdCompressor();
    byte[] out = new byte[compressor.maxCompressedLength(data.length)];
    int length = compressor.compress(data, 0, data.length, out, 0, out.length);
    return Arrays.copyOf(out, length);
  }

  private static byte[] noise(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }
}
