package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.SampleType;

/**
 * The LERC data types, numbered as in a LERC blob's header, with how a decoded value is stored.
 * LERC computes every quantised value in double precision and then casts it to the type, as C does:
 * integers truncate toward zero, floats round to nearest, which {@link #store} reproduces.
 */
enum LercType {
  CHAR(1),
  BYTE(1),
  SHORT(2),
  USHORT(2),
  INT(4),
  UINT(4),
  FLOAT(4),
  DOUBLE(8);

  final int bytes;

  LercType(int bytes) {
    this.bytes = bytes;
  }

  static LercType of(int code) {
    return code >= 0 && code < values().length ? values()[code] : null;
  }

  /**
   * @return the LERC type libtiff uses for a TIFF sample type, or null if LERC has none
   */
  static LercType forSamples(SampleType type) {
    return switch (type) {
      case INT8 -> CHAR;
      case UINT8 -> BYTE;
      case INT16 -> SHORT;
      case UINT16 -> USHORT;
      case INT32 -> INT;
      case UINT32 -> UINT;
      case FLOAT32 -> FLOAT;
      case FLOAT64 -> DOUBLE;
      case INT64, UINT64 -> null;
    };
  }

  boolean floatingPoint() {
    return this == FLOAT || this == DOUBLE;
  }

  /**
   * The smaller type a micro-block's offset is stored in, from the two "type reduction" bits of its
   * header byte; null for a code the type does not allow.
   */
  LercType reduced(int code) {
    int dt =
        switch (this) {
          case SHORT, INT -> ordinal() - code;
          case USHORT, UINT -> ordinal() - 2 * code;
          case FLOAT -> code == 0 ? ordinal() : code == 1 ? SHORT.ordinal() : BYTE.ordinal();
          case DOUBLE -> code == 0 ? ordinal() : ordinal() - 2 * code + 1;
          default -> ordinal();
        };
    return of(dt);
  }

  /** Reads one little-endian value of this type at {@code at}, exactly, as a double. */
  double read(byte[] data, int at) {
    return switch (this) {
      case CHAR -> data[at];
      case BYTE -> data[at] & 0xFF;
      case SHORT -> LercCursor.shortAt(data, at);
      case USHORT -> LercCursor.shortAt(data, at) & 0xFFFF;
      case INT -> LercCursor.intAt(data, at);
      case UINT -> LercCursor.intAt(data, at) & 0xFFFFFFFFL;
      case FLOAT -> Float.intBitsToFloat(LercCursor.intAt(data, at));
      case DOUBLE -> Double.longBitsToDouble(LercCursor.longAt(data, at));
    };
  }

  /**
   * @return a zeroed array for {@code n} values: byte[], short[], int[], float[] or double[]
   */
  Object allocate(int n) {
    return switch (this) {
      case CHAR, BYTE -> new byte[n];
      case SHORT, USHORT -> new short[n];
      case INT, UINT -> new int[n];
      case FLOAT -> new float[n];
      case DOUBLE -> new double[n];
    };
  }

  /**
   * Stores {@code z} at {@code index} as LERC's C cast would: not for hot loops, which inline the
   * cast.
   */
  void store(Object array, int index, double z) {
    switch (array) {
      case byte[] a -> a[index] = (byte) (long) z;
      case short[] a -> a[index] = (short) (long) z;
      case int[] a -> a[index] = (int) (long) z;
      case float[] a -> a[index] = (float) z;
      case double[] a -> a[index] = z;
      default -> throw new AssertionError(array.getClass());
    }
  }
}
