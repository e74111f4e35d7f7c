package dev.terrace.engine.internal.geotiff;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Decoded blocks for the codec tests: fixed images that the libtiff-written test vectors encode,
 * and an arbitrary for properties. Uniform random bytes alone would miss what the codecs
 * special-case, long runs (PackBits repeats, long LZW strings) and low-entropy data (many short LZW
 * codes, so code widths grow and the table fills), so the arbitrary stitches blocks together from
 * all three kinds.
 */
final class TestBlocks {

  private TestBlocks() {}

  /** Up to eight pieces of noise, two-bit noise and runs of up to 5,000 bytes. */
  static Arbitrary<byte[]> mixed() {
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
    Arbitrary<byte[]> fewSymbols =
        Arbitraries.bytes().between((byte) 0, (byte) 3).array(byte[].class).ofMaxSize(3000);
    Arbitrary<byte[]> run =
        Combinators.combine(Arbitraries.bytes(), Arbitraries.integers().between(1, 5000))
            .as(
                (value, length) -> {
                  byte[] bytes = new byte[length];
                  Arrays.fill(bytes, value);
                  return bytes;
                });
    return Arbitraries.oneOf(noise, fewSymbols, run).list().ofMaxSize(8).map(TestBlocks::concat);
  }

  /**
   * A 16x4 byte image, the one behind the small libtiff strips: row r, column c holds c % 7 + 3r.
   */
  static byte[] smallImage() {
    byte[] image = new byte[64];
    for (int i = 0; i < image.length; i++) {
      image[i] = (byte) (i % 16 % 7 + 3 * (i / 16));
    }
    return image;
  }

  /**
   * Values 0 to 3 from a linear congruential generator, so that LZW strings stay short and codes
   * many.
   */
  static byte[] twoBitNoise(int length) {
    byte[] noise = new byte[length];
    int x = 1;
    for (int i = 0; i < length; i++) {
      x = x * 1103515245 + 12345;
      noise[i] = (byte) (x >>> 16 & 3);
    }
    return noise;
  }

  private static byte[] concat(List<byte[]> pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pieces.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
