package dev.terrace.engine.internal.geotiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Rewrites one inline SHORT or LONG tag of IFD 0 of a little-endian classic TIFF, to build broken
 * files.
 */
final class TiffPatch {

  private TiffPatch() {}

  static byte[] setTag(byte[] tiff, int tag, long value) {
    byte[] out = tiff.clone();
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    int ifd = b.getInt(4);
    int n = b.getShort(ifd) & 0xFFFF;
    for (int i = 0; i < n; i++) {
      int at = ifd + 2 + 12 * i;
      if ((b.getShort(at) & 0xFFFF) == tag) {
        int type = b.getShort(at + 2);
        if (type == 3) {
          b.putShort(at + 8, (short) value);
        } else {
          b.putInt(at + 8, (int) value);
        }
        return out;
      }
    }
    throw new IllegalArgumentException("tag " + tag + " not in IFD 0");
  }

  static byte[] setFirstIfdOffset(byte[] tiff, long offset) {
    byte[] out = tiff.clone();
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(4, (int) offset);
    return out;
  }
}
