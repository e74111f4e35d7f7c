package dev.terrace.testkit.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Lays out the file header and one image file directory, classic TIFF or BigTIFF, little-endian.
 */
final class Ifd {

  /**
   * The IFD starts here in both formats: right after the 16-byte BigTIFF header (classic uses 8 of
   * them).
   */
  static final long OFFSET = 16;

  private Ifd() {}

  static byte[] header(boolean big) {
    ByteBuffer h = ByteBuffer.allocate(big ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
    h.put((byte) 'I').put((byte) 'I');
    if (big) {
      h.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(OFFSET);
    } else {
      h.putShort((short) 42).putInt((int) OFFSET);
    }
    return h.array();
  }

  /**
   * @return the directory and its out-of-line values, to be written at {@link #OFFSET}
   */
  static byte[] directory(boolean big, List<TiffEntry> e) {
    int entrySize = big ? 20 : 12;
    int inline = big ? 8 : 4;
    // Out-of-line values follow the directory, each on an 8-byte boundary (OFFSET is one).
    long dirSize = ((big ? 8 : 2) + (long) e.size() * entrySize + (big ? 8 : 4) + 7) / 8 * 8;
    long extra = 0;
    for (TiffEntry x : e) {
      if (x.data().length > inline) {
        extra += (x.data().length + 7) / 8 * 8;
      }
    }
    long total = dirSize + extra;
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("the IFD would be " + total + " bytes");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer data = out.duplicate().order(ByteOrder.LITTLE_ENDIAN).position((int) dirSize);
    if (big) {
      out.putLong(e.size());
    } else {
      out.putShort((short) e.size());
    }
    for (TiffEntry x : e) {
      out.putShort((short) x.tag()).putShort((short) x.type());
      if (big) {
        out.putLong(x.count());
      } else {
        out.putInt((int) x.count());
      }
      byte[] value = new byte[inline];
      if (x.data().length <= inline) {
        System.arraycopy(x.data(), 0, value, 0, x.data().length);
      } else {
        long at = OFFSET + data.position();
        if (big) {
          ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).putLong(at);
        } else {
          ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).putInt((int) at);
        }
        data.put(x.data());
        data.position((data.position() + 7) / 8 * 8);
      }
      out.put(value);
    }
    // The next-IFD pointer stays 0: one image.
    return out.array();
  }
}
