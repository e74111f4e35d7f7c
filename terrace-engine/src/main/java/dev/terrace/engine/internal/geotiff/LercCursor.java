package dev.terrace.engine.internal.geotiff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A little-endian read position in a LERC blob. Every read checks that the blob holds the bytes,
 * and running out is a {@link DecodeException}: a LERC blob's own counts say how much to read next,
 * so a damaged one must never send a read past its end.
 */
final class LercCursor {

  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  final byte[] data;
  private final int end;
  private int pos;

  /** Reads {@code data[from, end)}. */
  LercCursor(byte[] data, int from, int end) {
    this.data = data;
    this.pos = from;
    this.end = end;
  }

  int position() {
    return pos;
  }

  int end() {
    return end;
  }

  int remaining() {
    return end - pos;
  }

  /**
   * Checks that {@code n} more bytes are there; the caller then reads them from {@link #data}
   * itself.
   */
  int need(int n, String what) throws DecodeException {
    if (n < 0 || n > end - pos) {
      throw new DecodeException("LERC blob ends inside its " + what);
    }
    return pos;
  }

  void skip(int n, String what) throws DecodeException {
    need(n, what);
    pos += n;
  }

  int u8(String what) throws DecodeException {
    need(1, what);
    return data[pos++] & 0xFF;
  }

  int u16(String what) throws DecodeException {
    need(2, what);
    int v = (short) SHORT.get(data, pos) & 0xFFFF;
    pos += 2;
    return v;
  }

  int i32(String what) throws DecodeException {
    need(4, what);
    int v = (int) INT.get(data, pos);
    pos += 4;
    return v;
  }

  double f64(String what) throws DecodeException {
    need(8, what);
    double v = Double.longBitsToDouble((long) LONG.get(data, pos));
    pos += 8;
    return v;
  }

  /** Reads one value of a LERC data type (0 char to 7 double), widened to a double without loss. */
  double value(LercType type, String what) throws DecodeException {
    need(type.bytes, what);
    double v = type.read(data, pos);
    pos += type.bytes;
    return v;
  }

  static int intAt(byte[] data, int at) {
    return (int) INT.get(data, at);
  }

  static long longAt(byte[] data, int at) {
    return (long) LONG.get(data, at);
  }

  static short shortAt(byte[] data, int at) {
    return (short) SHORT.get(data, at);
  }
}
