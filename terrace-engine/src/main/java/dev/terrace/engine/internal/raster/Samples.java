package dev.terrace.engine.internal.raster;

/**
 * Access to primitive sample arrays by {@link SampleType}, so callers need not switch on the
 * array's class.
 */
public final class Samples {

  private Samples() {}

  /**
   * @param type a sample type
   * @return the primitive array class that stores it
   */
  public static Class<?> storageClass(SampleType type) {
    return switch (type) {
      case UINT8, INT8 -> byte[].class;
      case UINT16, INT16 -> short[].class;
      case UINT32, INT32 -> int[].class;
      case INT64, UINT64 -> long[].class;
      case FLOAT32 -> float[].class;
      case FLOAT64 -> double[].class;
    };
  }

  /**
   * @param type a sample type
   * @param length number of samples
   * @return a new zeroed array that stores {@code length} samples of {@code type}
   */
  public static Object allocate(SampleType type, int length) {
    return switch (type) {
      case UINT8, INT8 -> new byte[length];
      case UINT16, INT16 -> new short[length];
      case UINT32, INT32 -> new int[length];
      case INT64, UINT64 -> new long[length];
      case FLOAT32 -> new float[length];
      case FLOAT64 -> new double[length];
    };
  }

  /**
   * @param type the sample type stored in {@code array}
   * @param array an array from {@link #allocate}
   * @param index the sample
   * @return the value, unsigned types read as unsigned; INT64 and UINT64 values beyond 2^53 in
   *     magnitude rounded to the nearest double (use {@link #getLong} for the exact value)
   */
  public static double get(SampleType type, Object array, int index) {
    return switch (type) {
      case UINT8 -> ((byte[]) array)[index] & 0xFF;
      case INT8 -> ((byte[]) array)[index];
      case UINT16 -> ((short[]) array)[index] & 0xFFFF;
      case INT16 -> ((short[]) array)[index];
      case UINT32 -> ((int[]) array)[index] & 0xFFFFFFFFL;
      case INT32 -> ((int[]) array)[index];
      case INT64 -> ((long[]) array)[index];
      case UINT64 -> unsignedToDouble(((long[]) array)[index]);
      case FLOAT32 -> ((float[]) array)[index];
      case FLOAT64 -> ((double[]) array)[index];
    };
  }

  /**
   * The exact value of a 64-bit integer sample, as its 64 bits: a UINT64 sample above {@link
   * Long#MAX_VALUE} reads as a negative long, to be taken as unsigned ({@link
   * Long#toUnsignedString}, {@link Long#compareUnsigned}).
   *
   * @param array a {@code long[]} from {@link #allocate} for INT64 or UINT64
   * @param index the sample
   * @return its bits
   */
  public static long getLong(Object array, int index) {
    return ((long[]) array)[index];
  }

  /**
   * @param bits a UINT64 value's bits
   * @return the nearest double to the unsigned value (Java's {@code (double)} of a long is signed)
   */
  public static double unsignedToDouble(long bits) {
    if (bits >= 0) {
      return bits;
    }
    // Halve, keeping the dropped bit as a sticky bit so that rounding to 53 bits stays correct,
    // then double.
    return ((bits >>> 1) | (bits & 1)) * 2.0;
  }

  /**
   * Fills an array with one value, for cells a file does not store (sparse tiles).
   *
   * @param type the sample type stored in {@code array}
   * @param array an array from {@link #allocate}
   * @param value the value, already representable in {@code type}; INT64 and UINT64 arrays are
   *     filled with {@code (long) value}, so a UINT64 value above {@link Long#MAX_VALUE} must be
   *     written as its bits
   */
  public static void fill(SampleType type, Object array, double value) {
    switch (type) {
      case UINT8, INT8 -> java.util.Arrays.fill((byte[]) array, (byte) (long) value);
      case UINT16, INT16 -> java.util.Arrays.fill((short[]) array, (short) (long) value);
      case UINT32, INT32 -> java.util.Arrays.fill((int[]) array, (int) (long) value);
      case INT64, UINT64 -> java.util.Arrays.fill((long[]) array, (long) value);
      case FLOAT32 -> java.util.Arrays.fill((float[]) array, (float) value);
      case FLOAT64 -> java.util.Arrays.fill((double[]) array, value);
    }
  }
}
