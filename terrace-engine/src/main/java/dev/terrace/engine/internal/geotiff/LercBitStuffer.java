package dev.terrace.engine.internal.geotiff;

/**
 * Reads LERC's bit-stuffed arrays of unsigned integers (liblerc's {@code BitStuffer2}). One header
 * byte holds the bit width (bits 0-4), whether the values go through a lookup table (bit 5) and how
 * many bytes the element count takes (bits 6-7: 0 → 4, 1 → 2, 2 → 1). The values follow packed at
 * that width:
 *
 * <ul>
 *   <li>from Lerc2 version 3 on, as one little-endian bit stream (element {@code i} is bits {@code
 *       [i*w, (i+1)*w)}, least significant first);
 *   <li>in version 2, most significant bit first within little-endian 32-bit words, the last
 *       partial word's bytes standing in its high end.
 * </ul>
 *
 * A table, when used, is stored first (without its implied leading 0) at the same width, then the
 * elements as indexes into it at the width its size needs.
 */
final class LercBitStuffer {

  private LercBitStuffer() {}

  /**
   * Decodes one array into {@code out[0, n)} and returns {@code n}.
   *
   * @param maxCount the most elements the caller can take; a larger count is corruption
   */
  static int decode(LercCursor c, int[] out, int maxCount, int version) throws DecodeException {
    int head = c.u8("bit-stuffed array");
    int bits67 = head >>> 6;
    boolean lut = (head & 0x20) != 0;
    int bits = head & 0x1F;
    int count =
        switch (bits67) {
          case 0 -> c.i32("bit-stuffed array");
          case 1 -> c.u16("bit-stuffed array");
          case 2 -> c.u8("bit-stuffed array");
          default -> throw new DecodeException("bit-stuffed array has an invalid count size");
        };
    if (count < 0 || count > maxCount || count > out.length) {
      throw new DecodeException(
          "bit-stuffed array holds "
              + Integer.toUnsignedString(count)
              + " values; at most "
              + Math.min(maxCount, out.length)
              + " fit");
    }
    if (!lut) {
      if (bits == 0) {
        java.util.Arrays.fill(out, 0, count, 0);
      } else {
        unstuff(c, out, 0, count, bits, version);
      }
      return count;
    }
    if (bits == 0) {
      throw new DecodeException("bit-stuffed lookup table has a zero bit width");
    }
    int tableSize = c.u8("bit-stuffed lookup table") - 1;
    if (tableSize <= 0) {
      throw new DecodeException("bit-stuffed lookup table is empty");
    }
    int[] table = new int[tableSize + 1];
    unstuff(c, table, 1, tableSize, bits, version);
    int indexBits = 32 - Integer.numberOfLeadingZeros(tableSize);
    if (count > 0) {
      unstuff(c, out, 0, count, indexBits, version);
    }
    for (int i = 0; i < count; i++) {
      int k = out[i];
      if (k > tableSize) {
        throw new DecodeException("bit-stuffed index " + k + " is past its table of " + tableSize);
      }
      out[i] = table[k];
    }
    return count;
  }

  /**
   * Unpacks {@code count} values of {@code bits} bits (1 to 31) into {@code out} from {@code at}.
   */
  private static void unstuff(LercCursor c, int[] out, int at, int count, int bits, int version)
      throws DecodeException {
    if (bits >= 32) {
      throw new DecodeException("bit-stuffed array has " + bits + "-bit values");
    }
    if (count == 0) {
      return;
    }
    long totalBits = (long) count * bits;
    int bytes = (int) ((totalBits + 7) >>> 3);
    int from = c.need(bytes, "bit-stuffed values");
    byte[] d = c.data;
    int end = from + bytes;
    long mask = (1L << bits) - 1;
    if (version >= 3) {
      // A little-endian bit stream: value i is the (bits)-bit field at bit i * bits, read with one
      // unaligned
      // 64-bit load (a field and its shift take at most 38 bits) wherever 8 bytes are there to
      // load.
      int i = 0;
      long bit = (long) from * 8;
      long room = (long) d.length - 8 - from;
      int fast = room < 0 ? 0 : (int) Math.min(count, room * 8 / bits + 1);
      for (; i < fast; i++, bit += bits) {
        out[at + i] = (int) ((LercCursor.longAt(d, (int) (bit >>> 3)) >>> (bit & 7)) & mask);
      }
      for (; i < count; i++, bit += bits) {
        long v = 0;
        int p = (int) (bit >>> 3);
        for (int b = 0; b < 5 && p + b < end; b++) {
          v |= (long) (d[p + b] & 0xFF) << (8 * b);
        }
        out[at + i] = (int) ((v >>> (bit & 7)) & mask);
      }
    } else {
      // 32-bit little-endian words read most significant bit first; the last word holds its
      // remaining bytes
      // in its high end (the writer shifted them there).
      int words = (int) ((totalBits + 31) >>> 5);
      int tail = (int) (((long) words * 4) - bytes);
      long acc = 0;
      int have = 0;
      int w = 0;
      for (int i = 0; i < count; i++) {
        if (have < bits) {
          int p = from + 4 * w;
          long word;
          if (w < words - 1 || tail == 0) {
            word = LercCursor.intAt(d, p) & 0xFFFFFFFFL;
          } else {
            word = 0;
            for (int b = 0; b < 4 - tail; b++) {
              word |= (long) (d[p + b] & 0xFF) << (8 * b);
            }
            word = (word << (8 * tail)) & 0xFFFFFFFFL;
          }
          w++;
          acc = (acc << 32) | word;
          have += 32;
        }
        out[at + i] = (int) ((acc >>> (have - bits)) & mask);
        have -= bits;
      }
    }
    c.skip(end - from, "bit-stuffed values");
  }
}
