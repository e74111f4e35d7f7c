package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Corrupt blocks, as a damaged file or a hostile server would deliver them: every codec must answer
 * each one with a block of exactly the requested length or a {@link DecodeException}, promptly, and
 * with nothing else.
 */
class DecompressorMutationTest {

  private static final int MUTANTS_PER_TRY = 10;

  @Property(tries = 200)
  void lzwAnswersCorruptBlocksWithABlockOrADecodeException(
      @ForAll("blocks") byte[] data, @ForAll Random random) {
    survivesMutants(Compression.LZW, data, random);
  }

  @Property(tries = 100)
  void oldStyleLzwAnswersCorruptBlocksWithABlockOrADecodeException(
      @ForAll("blocks") byte[] data, @ForAll Random random) {
    survivesMutants(
        Compression.LZW.decompressor(), LzwTestEncoder.encodeCompat(data), data.length, random);
  }

  @Property(tries = 200)
  void deflateAnswersCorruptBlocksWithABlockOrADecodeException(
      @ForAll("blocks") byte[] data, @ForAll Random random) {
    survivesMutants(Compression.DEFLATE, data, random);
  }

  @Property(tries = 200)
  void packbitsAnswersCorruptBlocksWithABlockOrADecodeException(
      @ForAll("blocks") byte[] data, @ForAll Random random) {
    survivesMutants(Compression.PACKBITS, data, random);
  }

  @Property(tries = 200)
  void zstdAnswersCorruptBlocksWithABlockOrADecodeException(
      @ForAll("blocks") byte[] data, @ForAll Random random) {
    survivesMutants(Compression.ZSTD, data, random);
  }

  @Property(tries = 100)
  void lzmaAnswersCorruptBlocksWithABlockOrADecodeException(
      @ForAll("blocks") byte[] data, @ForAll Random random) {
    survivesMutants(Compression.LZMA, data, random);
  }

  @Property(tries = 50)
  void uncompressedAnswersCorruptBlocksWithABlockOrADecodeException(
      @ForAll("blocks") byte[] data, @ForAll Random random) {
    survivesMutants(Compression.NONE, data, random);
  }

  @Provide
  Arbitrary<byte[]> blocks() {
    return TestBlocks.mixed();
  }

  /** Encodes a block the way a TIFF writer would for the given scheme. */
  static byte[] compress(Compression compression, byte[] data) {
    return switch (compression) {
      case NONE -> data.clone();
      case LZW -> LzwTestEncoder.encode(data);
      case DEFLATE, DEFLATE_OLD -> DeflateDecompressorTest.deflate(data, 6);
      case PACKBITS -> PackBitsTestEncoder.encode(data);
      case ZSTD -> ZstdBlockDecompressorTest.zstd(data);
      case LZMA -> LzmaDecompressorTest.xz(data);
      case JPEG, WEBP, LERC ->
          throw new IllegalArgumentException(compression + " decodes to samples, not bytes");
    };
  }

  private static void survivesMutants(Compression compression, byte[] data, Random random) {
    survivesMutants(compression.decompressor(), compress(compression, data), data.length, random);
  }

  private static void survivesMutants(Decompressor codec, byte[] valid, int length, Random random) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          for (int i = 0; i < MUTANTS_PER_TRY; i++) {
            byte[] mutant = mutate(valid, random);
            int expected =
                switch (random.nextInt(4)) {
                  case 0 -> random.nextInt(length + 1);
                  case 1 -> length + 1 + random.nextInt(1000);
                  default -> length;
                };
            try {
              assertThat(codec.decode(mutant, 0, mutant.length, expected)).hasSize(expected);
            } catch (DecodeException expectedForCorruptData) {
              // the other allowed answer
            }
          }
        });
  }

  private static byte[] mutate(byte[] valid, Random random) {
    byte[] m = valid.clone();
    switch (random.nextInt(5)) {
      case 0 -> { // a few bytes overwritten
        for (int n = 1 + random.nextInt(4); n > 0 && m.length > 0; n--) {
          m[random.nextInt(m.length)] = (byte) random.nextInt();
        }
      }
      case 1 -> { // a single bit flipped
        if (m.length > 0) {
          m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 2 -> m = Arrays.copyOf(m, random.nextInt(m.length + 1)); // truncated
      case 3 -> { // a stretch zeroed, as in a partly written file
        int from = random.nextInt(m.length + 1);
        Arrays.fill(m, from, from + random.nextInt(m.length - from + 1), (byte) 0);
      }
      default -> { // a stretch replaced by noise
        int from = random.nextInt(m.length + 1);
        byte[] noise = new byte[random.nextInt(m.length - from + 1)];
        random.nextBytes(noise);
        System.arraycopy(noise, 0, m, from, noise.length);
      }
    }
    return m;
  }
}
