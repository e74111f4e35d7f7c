package dev.terrace.engine.internal.geotiff;

/**
 * Unpacks integer samples stored with fewer bits than their type (GDAL's NBITS: 1, 2, 4, 12 bits,
 * or any width up to 31): packed most significant bit first, each row starting on a byte boundary,
 * as libtiff stores them whatever the file's byte order.
 */
final class PackedSamples {

  private PackedSamples() {}

  /**
   * @return the bytes one row of {@code samples} samples of {@code bits} bits occupies
   */
  static int rowBytes(int samples, int bits) {
    return (int) (((long) samples * bits + 7) / 8);
  }

  /**
   * @param data the packed rows
   * @param rows number of rows
   * @param samplesPerRow samples in each row (width times the samples interleaved per pixel)
   * @param bits bits per sample, 1 to 31
   * @param out a {@code byte[]}, {@code short[]} or {@code int[]} of at least {@code rows *
   *     samplesPerRow}
   */
  static void unpack(byte[] data, int rows, int samplesPerRow, int bits, Object out) {
    int stride = rowBytes(samplesPerRow, bits);
    int mask = (int) ((1L << bits) - 1);
    int i = 0;
    for (int r = 0; r < rows; r++) {
      long bit = (long) r * stride * 8;
      for (int s = 0; s < samplesPerRow; s++, i++, bit += bits) {
        int v = read(data, bit, bits) & mask;
        switch (out) {
          case byte[] a -> a[i] = (byte) v;
          case short[] a -> a[i] = (short) v;
          case int[] a -> a[i] = v;
          default -> throw new AssertionError(out.getClass());
        }
      }
    }
  }

  /**
   * Reads {@code bits} bits (at most 31) starting at bit {@code at}, from the high bits of each
   * byte down.
   */
  private static int read(byte[] data, long at, int bits) {
    int index = (int) (at >>> 3);
    int skip = (int) (at & 7);
    long window = 0;
    int have = 0;
    while (have < skip + bits) {
      window = window << 8 | (data[index++] & 0xFF);
      have += 8;
    }
    return (int) (window >>> (have - skip - bits));
  }
}
