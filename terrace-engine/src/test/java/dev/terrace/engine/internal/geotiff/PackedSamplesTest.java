package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * NBITS samples are packed most significant bit first, each row padded to a whole byte, as libtiff
 * writes them.
 */
class PackedSamplesTest {

  @Test
  void oneBitRowsStartOnAByteBoundary() {
    // Two rows of 10 one-bit samples: 1011001110 and 0000000001, each padded to 2 bytes.
    byte[] data = {(byte) 0b1011_0011, (byte) 0b1000_0000, 0, (byte) 0b0100_0000};
    byte[] out = new byte[20];
    PackedSamples.unpack(data, 2, 10, 1, out);
    assertThat(out).containsExactly(1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
  }

  @Test
  void twoAndFourBitSamples() {
    byte[] two = new byte[5];
    PackedSamples.unpack(new byte[] {(byte) 0b11_10_01_00, (byte) 0b10_000000}, 1, 5, 2, two);
    assertThat(two).containsExactly(3, 2, 1, 0, 2);
    byte[] four = new byte[3];
    PackedSamples.unpack(new byte[] {(byte) 0xF0, (byte) 0x90}, 1, 3, 4, four);
    assertThat(four).containsExactly(15, 0, 9);
  }

  @Test
  void twelveBitSamplesCrossByteBoundaries() {
    short[] out = new short[3];
    PackedSamples.unpack(
        new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF, (byte) 0xFF, (byte) 0xF0},
        1,
        3,
        12,
        out);
    assertThat(out).containsExactly((short) 0xABC, (short) 0xDEF, (short) 0xFFF);
    assertThat(PackedSamples.rowBytes(3, 12)).isEqualTo(5);
  }

  @Test
  void widthsUpTo31BitsFillAnInt() {
    int[] out = new int[2];
    PackedSamples.unpack(
        new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, 0, 0, 0, 4}, 1, 2, 31, out);
    assertThat(out).containsExactly(0x7FFFFFFF, 1);
  }
}
