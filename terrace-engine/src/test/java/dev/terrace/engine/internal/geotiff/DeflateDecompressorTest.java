package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.Deflater;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DeflateDecompressorTest {

  private final DeflateDecompressor deflate = new DeflateDecompressor();

  @Property(tries = 200)
  void deflateRoundTripsRandomDataAtEveryLevel(
      @ForAll @Size(max = 20_000) byte[] data, @ForAll @IntRange(min = 0, max = 9) int level)
      throws DecodeException {
    byte[] packed = deflate(data, level);

    assertThat(deflate.decode(packed, 0, packed.length, data.length)).isEqualTo(data);
  }

  @Test
  void deflateDecodesAStripWrittenByLibtiff() throws DecodeException {
    // GDAL 3.6.2, COMPRESS=DEFLATE PREDICTOR=3: a 4x2 Float32 strip, still in predictor-3 byte
    // planes.
    byte[] packed =
        HexFormat.of()
            .parseHex("789cb36f6cf8d51660e05ccbc020f48e8121df89c1ee4007a3f90b0906080000af5a0870");

    assertThat(deflate.decode(packed, 0, packed.length, 32))
        .isEqualTo(PredictorTest.libtiffFloatPlanes());
  }

  @Test
  void deflateReadsABlockAtAnOffset() throws DecodeException {
    byte[] data = noise(5000);
    byte[] packed = deflate(data, 6);
    byte[] framed = new byte[packed.length + 20];
    System.arraycopy(packed, 0, framed, 7, packed.length);

    assertThat(deflate.decode(framed, 7, packed.length, data.length)).isEqualTo(data);
  }

  @Test
  void deflateIgnoresBytesDecodedPastTheBlock() throws DecodeException {
    byte[] data = noise(5000);
    byte[] packed = deflate(data, 6);

    assertThat(deflate.decode(packed, 0, packed.length, 3000)).isEqualTo(Arrays.copyOf(data, 3000));
  }

  @Test
  void deflateRejectsAStreamThatEndsShort() {
    byte[] packed = deflate(noise(100), 6);

    assertThatThrownBy(() -> deflate.decode(packed, 0, packed.length, 101))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("ends after 100 of 101 bytes");
  }

  @Test
  void deflateRejectsATruncatedStream() {
    byte[] data = noise(5000);
    byte[] packed = deflate(data, 6);

    assertThatThrownBy(() -> deflate.decode(packed, 0, packed.length / 2, data.length))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void deflateRejectsGarbage() {
    byte[] garbage = noise(1000);

    assertThatThrownBy(() -> deflate.decode(garbage, 0, garbage.length, 1000))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("corrupt");
  }

  @Test
  void deflateRejectsAStreamThatNeedsAPresetDictionary() {
    Deflater deflater = new Deflater();
    deflater.setDictionary(new byte[] {1, 2, 3});
    byte[] packed = deflate(deflater, new byte[] {1, 2, 3, 1, 2, 3});

    assertThatThrownBy(() -> deflate.decode(packed, 0, packed.length, 6))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("dictionary");
  }

  @Test
  void deflateStillDecodesAfterRejectingCorruptBlocks() throws DecodeException {
    byte[] garbage = noise(1000);
    byte[] data = noise(2000);
    byte[] packed = deflate(data, 6);

    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(() -> deflate.decode(garbage, 0, garbage.length, 1000));
      assertThat(deflate.decode(packed, 0, packed.length, data.length)).isEqualTo(data);
    }
  }

  static byte[] deflate(byte[] data, int level) {
    return deflate(new Deflater(level), data);
  }

  private static byte[] deflate(Deflater deflater, byte[] data) {
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static byte[] noise(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }
}
