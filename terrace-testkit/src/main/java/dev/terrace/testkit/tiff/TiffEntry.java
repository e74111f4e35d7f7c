package dev.terrace.testkit.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A TIFF directory entry: its values already little-endian. */
record TiffEntry(int tag, int type, long count, byte[] data) {

  /** The largest value of a TIFF LONG, and so the largest offset classic TIFF can hold. */
  static final long MAX_LONG = 0xFFFF_FFFFL;

  static TiffEntry shorts(int tag, int... v) {
    ByteBuffer buf = buffer(v.length * 2);
    for (int x : v) {
      buf.putShort((short) x);
    }
    return new TiffEntry(tag, 3, v.length, buf.array());
  }

  static TiffEntry longs(int tag, long... v) {
    ByteBuffer buf = buffer(v.length * 4);
    for (long x : v) {
      if (x < 0 || x > MAX_LONG) {
        throw new IllegalStateException("tag " + tag + ": " + x + " does not fit a TIFF LONG");
      }
      buf.putInt((int) x);
    }
    return new TiffEntry(tag, 4, v.length, buf.array());
  }

  static TiffEntry long8s(int tag, long... v) {
    ByteBuffer buf = buffer(v.length * 8);
    for (long x : v) {
      buf.putLong(x);
    }
    return new TiffEntry(tag, 16, v.length, buf.array());
  }

  static TiffEntry doubles(int tag, double... v) {
    ByteBuffer buf = buffer(v.length * 8);
    for (double x : v) {
      buf.putDouble(x);
    }
    return new TiffEntry(tag, 12, v.length, buf.array());
  }

  static TiffEntry ascii(int tag, String s) {
    byte[] text = (s + '\0').getBytes(StandardCharsets.US_ASCII);
    return new TiffEntry(tag, 2, text.length, text);
  }

  private static ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
