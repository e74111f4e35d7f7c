package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PredictorTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void horizontalAccumulatesBytesWithinEachRow() {
    byte[] data = {1, 1, 1, 1, 5, 1, 1, 1};

    Predictor.undoHorizontal(data, 2, 4, 1, 1, ByteOrder.LITTLE_ENDIAN);

    assertThat(data).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void horizontalWrapsBytesAround() {
    byte[] data = {(byte) 250, 10};

    Predictor.undoHorizontal(data, 1, 2, 1, 1, ByteOrder.BIG_ENDIAN);

    assertThat(data).containsExactly(250, 4);
  }

  @Test
  void horizontalAccumulatesEachSampleOfAPixelSeparately() {
    byte[] data = {1, 10, 1, 1, 1, 1};

    Predictor.undoHorizontal(data, 1, 3, 2, 1, ByteOrder.LITTLE_ENDIAN);

    assertThat(data).containsExactly(1, 10, 2, 11, 3, 12);
  }

  @Test
  void horizontalAdds16BitLittleEndianSamplesWithWraparound() {
    byte[] data = HEX.parseHex("ffff0200");

    Predictor.undoHorizontal(data, 1, 2, 1, 2, ByteOrder.LITTLE_ENDIAN);

    assertThat(HEX.formatHex(data)).isEqualTo("ffff0100");
  }

  @Test
  void horizontalAdds16BitBigEndianSamplesWithWraparound() {
    byte[] data = HEX.parseHex("ffff0002");

    Predictor.undoHorizontal(data, 1, 2, 1, 2, ByteOrder.BIG_ENDIAN);

    assertThat(HEX.formatHex(data)).isEqualTo("ffff0001");
  }

  @Test
  void horizontalUndoes16BitStripsWrittenByLibtiffInBothByteOrders() {
    // GDAL 3.6.2, COMPRESS=DEFLATE PREDICTOR=2, UInt16 rows [1000, 65535, 2, 300] and [7, 7, 8,
    // 65000],
    // inflated but not yet un-differenced.
    byte[] little = HEX.parseHex("e80317fc03002a01070000000100e0fd");
    byte[] big = HEX.parseHex("03e8fc170003012a000700000001fde0");

    Predictor.undoHorizontal(little, 2, 4, 1, 2, ByteOrder.LITTLE_ENDIAN);
    Predictor.undoHorizontal(big, 2, 4, 1, 2, ByteOrder.BIG_ENDIAN);

    int[] expected = {1000, 65535, 2, 300, 7, 7, 8, 65000};
    assertThat(unsignedShorts(little, ByteOrder.LITTLE_ENDIAN)).containsExactly(expected);
    assertThat(unsignedShorts(big, ByteOrder.BIG_ENDIAN)).containsExactly(expected);
  }

  @Test
  void horizontalAdds32BitSamplesWithCarriesAcrossBytes() {
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      byte[] data =
          ByteBuffer.allocate(12).order(order).putInt(0x7fffffff).putInt(1).putInt(-1).array();

      Predictor.undoHorizontal(data, 1, 3, 1, 4, order);

      ByteBuffer result = ByteBuffer.wrap(data).order(order);
      assertThat(new int[] {result.getInt(), result.getInt(), result.getInt()})
          .as("%s", order)
          .containsExactly(0x7fffffff, 0x80000000, 0x7fffffff);
    }
  }

  @Test
  void horizontalAdds64BitSamplesWithCarriesAcrossWords() {
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      byte[] data =
          ByteBuffer.allocate(24).order(order).putLong(0xffffffffL).putLong(1).putLong(-2).array();

      Predictor.undoHorizontal(data, 1, 3, 1, 8, order);

      ByteBuffer result = ByteBuffer.wrap(data).order(order);
      assertThat(new long[] {result.getLong(), result.getLong(), result.getLong()})
          .as("%s", order)
          .containsExactly(0xffffffffL, 0x100000000L, 0xfffffffeL);
    }
  }

  @Test
  void horizontalUndoesFloat32DifferencedAs32BitWords() {
    float[] values = {1.5f, -2.25f, 3.0e-3f, 1.0e9f, 0.0f, -7.25f};
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      // Three RGB-like pixels of two samples each: every word minus the word one pixel before.
      ByteBuffer differenced = ByteBuffer.allocate(24).order(order);
      for (int i = 0; i < values.length; i++) {
        int word = Float.floatToRawIntBits(values[i]);
        differenced.putInt(i < 2 ? word : word - Float.floatToRawIntBits(values[i - 2]));
      }
      byte[] data = differenced.array();

      Predictor.undoHorizontal(data, 1, 3, 2, 4, order);

      float[] decoded = new float[values.length];
      ByteBuffer.wrap(data).order(order).asFloatBuffer().get(decoded);
      assertThat(decoded).as("%s", order).containsExactly(values);
    }
  }

  @Test
  void horizontalLeavesBytesAfterTheRowsAlone() {
    byte[] data = {1, 1, 1, 1, 9, 9, 9};

    Predictor.undoHorizontal(data, 1, 2, 1, 2, ByteOrder.LITTLE_ENDIAN);

    assertThat(data).containsExactly(1, 1, 2, 2, 9, 9, 9);
  }

  @Property(tries = 200)
  void horizontalRoundTripsLibtiffsForwardDifferencing(
      @ForAll @IntRange(min = 1, max = 4) int rows,
      @ForAll @IntRange(min = 1, max = 40) int width,
      @ForAll @IntRange(min = 1, max = 4) int samplesPerPixel,
      @ForAll("horizontalSampleSizes") int bytesPerSample,
      @ForAll boolean bigEndian,
      @ForAll Random random) {
    ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    int rowSamples = width * samplesPerPixel;
    long[] values = random.longs(rows * rowSamples).toArray();
    ByteBuffer differenced = ByteBuffer.allocate(values.length * bytesPerSample).order(order);
    for (int i = 0; i < values.length; i++) {
      boolean firstPixel = i % rowSamples < samplesPerPixel;
      putSample(
          differenced,
          bytesPerSample,
          firstPixel ? values[i] : values[i] - values[i - samplesPerPixel]);
    }
    byte[] data = differenced.array();

    Predictor.undoHorizontal(data, rows, width, samplesPerPixel, bytesPerSample, order);

    ByteBuffer expected = ByteBuffer.allocate(data.length).order(order);
    for (long value : values) {
      putSample(expected, bytesPerSample, value);
    }
    assertThat(data).isEqualTo(expected.array());
  }

  @Provide
  Arbitrary<Integer> horizontalSampleSizes() {
    return Arbitraries.of(1, 2, 4, 8);
  }

  @Test
  void floatingPointUndoesAStripWrittenByLibtiffIntoBigEndianFloats() {
    byte[] data = libtiffFloatPlanes();

    Predictor.undoFloatingPoint(data, 2, 4, 1, 4);

    float[] decoded = new float[8];
    ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(decoded);
    assertThat(decoded).containsExactly(1.5f, -2.25f, 3.0f, 1e-3f, 100.0f, 100.5f, -0.0f, 7.25f);
  }

  @Test
  void floatingPointLeavesBytesAfterTheRowsAlone() {
    byte[] samples = ByteBuffer.allocate(8).putFloat(1.5f).putFloat(2.5f).array();
    byte[] data = Arrays.copyOf(floatingPointDifference(samples, 1, 2, 1, 4), 11);
    data[8] = 7;

    Predictor.undoFloatingPoint(data, 1, 2, 1, 4);

    assertThat(Arrays.copyOf(data, 8)).isEqualTo(samples);
    assertThat(Arrays.copyOfRange(data, 8, 11)).containsExactly(7, 0, 0);
  }

  @Property(tries = 200)
  void floatingPointRoundTripsLibtiffsForwardTransform(
      @ForAll @IntRange(min = 1, max = 4) int rows,
      @ForAll @IntRange(min = 1, max = 40) int width,
      @ForAll boolean rgb,
      @ForAll("sampleSizes") int bytesPerSample,
      @ForAll Random random) {
    int samplesPerPixel = rgb ? 3 : 1;
    int count = rows * width * samplesPerPixel;
    ByteBuffer samples = ByteBuffer.allocate(count * bytesPerSample);
    for (int i = 0; i < count; i++) {
      // Half smooth values, as real rasters are, half arbitrary bit patterns.
      double value =
          random.nextBoolean() ? 250.0 + i * 0.125 : Double.longBitsToDouble(random.nextLong());
      switch (bytesPerSample) {
        case 2 -> samples.putShort((short) random.nextInt());
        case 4 -> samples.putFloat((float) value);
        default -> samples.putDouble(value);
      }
    }
    byte[] expected = samples.array();
    byte[] data = floatingPointDifference(expected, rows, width, samplesPerPixel, bytesPerSample);
    byte[] copy = data.clone();

    Predictor.undoFloatingPoint(data, rows, width, samplesPerPixel, bytesPerSample);

    assertThat(data).isEqualTo(expected);
    if (bytesPerSample == Float.BYTES) {
      float[] floats = new float[count];
      Predictor.undoFloatingPoint(copy, rows, width, samplesPerPixel, floats);
      assertThat(floatBits(floats)).isEqualTo(floatBits(bigEndianFloats(expected)));
    }
  }

  @Test
  void floatingPointUndoesALibtiffStripStraightIntoFloats() {
    float[] decoded = new float[8];

    Predictor.undoFloatingPoint(libtiffFloatPlanes(), 2, 4, 1, decoded);

    assertThat(decoded).containsExactly(1.5f, -2.25f, 3.0f, 1e-3f, 100.0f, 100.5f, -0.0f, 7.25f);
  }

  @Property(tries = 200)
  void byteAccumulationCarriesAcrossWordsAndWraps(
      @ForAll @IntRange(min = 1, max = 70) int width, @ForAll boolean wide, @ForAll Random random) {
    // Long rows of large bytes: every eight-byte word overflows its lanes, and the sums wrap many
    // times.
    byte[] data = new byte[width * (wide ? 8 : 1)];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (random.nextBoolean() ? 0xFF - random.nextInt(4) : random.nextInt(256));
    }
    byte[] expected = data.clone();
    for (int i = 1; i < expected.length; i++) {
      expected[i] += expected[i - 1];
    }

    Predictor.undoHorizontal(data, 1, data.length, 1, 1, ByteOrder.LITTLE_ENDIAN);

    assertThat(data).isEqualTo(expected);
  }

  private static float[] bigEndianFloats(byte[] bytes) {
    float[] floats = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(floats);
    return floats;
  }

  /** NaN payloads included: {@code containsExactly} on floats would compare NaNs loosely. */
  private static int[] floatBits(float[] floats) {
    int[] bits = new int[floats.length];
    for (int i = 0; i < floats.length; i++) {
      bits[i] = Float.floatToRawIntBits(floats[i]);
    }
    return bits;
  }

  @Provide
  Arbitrary<Integer> sampleSizes() {
    return Arbitraries.of(2, 4, 8);
  }

  /** Predictor-3 planes of a little-endian libtiff strip; see {@code DeflateDecompressorTest}. */
  static byte[] libtiffFloatPlanes() {
    return HEX.parseHex("3f8180fa865030437d000012ee00006f42003ec0880137e81800000000000000");
  }

  /**
   * libtiff's {@code fpDiff}, row by row: spread big-endian samples into byte planes, most
   * significant plane first, then difference the bytes from the end of the row with a stride of one
   * pixel.
   */
  private static byte[] floatingPointDifference(
      byte[] bigEndianSamples, int rows, int width, int samplesPerPixel, int bytesPerSample) {
    int samples = width * samplesPerPixel;
    int rowBytes = samples * bytesPerSample;
    byte[] out = bigEndianSamples.clone();
    for (int start = 0; start < rows * rowBytes; start += rowBytes) {
      for (int j = 0; j < samples; j++) {
        for (int b = 0; b < bytesPerSample; b++) {
          out[start + b * samples + j] = bigEndianSamples[start + j * bytesPerSample + b];
        }
      }
      for (int i = start + rowBytes - 1; i >= start + samplesPerPixel; i--) {
        out[i] -= out[i - samplesPerPixel];
      }
    }
    return out;
  }

  /**
   * Writes the low {@code bytes} bytes of a value: the narrowing is the wraparound the predictor
   * relies on.
   */
  private static void putSample(ByteBuffer buffer, int bytes, long value) {
    switch (bytes) {
      case 1 -> buffer.put((byte) value);
      case 2 -> buffer.putShort((short) value);
      case 4 -> buffer.putInt((int) value);
      default -> buffer.putLong(value);
    }
  }

  private static int[] unsignedShorts(byte[] data, ByteOrder order) {
    ByteBuffer buffer = ByteBuffer.wrap(data).order(order);
    int[] values = new int[data.length / 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = Short.toUnsignedInt(buffer.getShort());
    }
    return values;
  }
}
