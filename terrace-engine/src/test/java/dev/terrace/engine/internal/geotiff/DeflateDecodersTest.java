package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The fastest deflate decoder (libdeflate, where it can be called) answers as the zlib one does.
 */
class DeflateDecodersTest {

  private final DeflateDecompressor zlib = new DeflateDecompressor();
  private final Decompressor fastest = DeflateDecoders.FASTEST;

  @Test
  void libdeflateIsUsedOnAJvmThatCanCallIt() {
    // The tests run with native access granted; the library itself may be missing (Debian:
    // libdeflate0).
    assumeTrue(Runtime.version().feature() >= 22 && libdeflateInstalled());
    assertThat(fastest.getClass().getSimpleName()).isEqualTo("LibdeflateDecompressor");
  }

  @Property(tries = 200)
  void intactTruncatedPaddedAndCorruptStreamsDecodeOrFailAsWithZlib(
      @ForAll @IntRange(min = 0, max = 20_000) int length,
      @ForAll @IntRange(min = 0, max = 9) int level,
      @ForAll @IntRange(min = -40, max = 40) int expectedShift,
      @ForAll @IntRange(min = 0, max = 3) int damage,
      @ForAll long seed) {
    Random random = new Random(seed);
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = (byte) (random.nextInt(4) * 17);
    }
    byte[] packed = DeflateDecompressorTest.deflate(data, level);
    switch (damage) {
      case 1 -> packed = Arrays.copyOf(packed, random.nextInt(packed.length)); // truncated
      case 2 ->
          packed[random.nextInt(packed.length)] ^= (byte) (1 << random.nextInt(8)); // a flipped bit
      case 3 -> packed[packed.length - 1] ^= 1; // only the Adler-32, which neither checks
      default -> {}
    }
    byte[] src = packed;
    int expected = Math.max(0, length + expectedShift);
    String want = outcome(() -> zlib.decode(src, 0, src.length, expected));
    String got = outcome(() -> fastest.decode(src, 0, src.length, expected));
    assertThat(got).isEqualTo(want);
  }

  private interface Decode {
    byte[] run() throws DecodeException;
  }

  /** The decoded bytes, or the failure's message. */
  private static String outcome(Decode decode) {
    try {
      return Arrays.toString(decode.run());
    } catch (DecodeException e) {
      return "DecodeException: " + e.getMessage();
    }
  }

  static boolean libdeflateInstalled() {
    return Files.exists(Path.of("/lib/x86_64-linux-gnu/libdeflate.so.0"))
        || Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libdeflate.so.0"));
  }
}
