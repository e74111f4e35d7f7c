package dev.terrace.engine.internal.geotiff;

/**
 * Decodes one Lerc2 blob (versions 2 to 4) after its {@linkplain LercHeader header}: the validity
 * mask, then the values, stored in one of these ways:
 *
 * <ul>
 *   <li>none valid, or a constant image ({@code zMin == zMax}): nothing more;
 *   <li>version 4: each depth's minimum and maximum, and if all depths are constant, nothing more;
 *   <li>a byte: 1 for all valid values raw, one after the other ("one sweep");
 *   <li>else for lossless Byte and Char ({@code maxZError == 0.5}) a byte choosing {@linkplain
 *       LercTiles micro-blocks} (0), or {@linkplain LercHuffman Huffman} coding of each value's
 *       difference to its left (or upper) neighbour (1) or of the values themselves (2, version 4);
 *   <li>otherwise micro-blocks.
 * </ul>
 *
 * Invalid pixels are left zero, as liblerc leaves them; what a TIFF reader shows there is the
 * caller's choice.
 */
final class LercBlob {

  private LercBlob() {}

  /** One decoded blob: its values and which pixels are valid ({@code valid == null}: all). */
  record Decoded(LercHeader header, Object values, boolean[] valid) {}

  /**
   * Decodes the blob at {@code c}'s position and leaves {@code c} at the blob's end.
   *
   * @param previousMask the mask of the blob before in the same buffer (a blob may say "same mask
   *     as before"), or null
   */
  static Decoded decode(LercCursor c, boolean[] previousMask) throws DecodeException {
    LercHeader h = LercHeader.read(c);
    LercCursor body = new LercCursor(c.data, c.position(), h.start() + h.blobSize());
    boolean[] valid = readMask(body, h, previousMask);
    Object out = h.type().allocate(h.pixels() * h.depth());
    if (h.validPixels() > 0) {
      values(body, h, valid, out);
    }
    c.skip(h.start() + h.blobSize() - c.position(), "blob");
    return new Decoded(h, out, valid);
  }

  private static boolean[] readMask(LercCursor c, LercHeader h, boolean[] previous)
      throws DecodeException {
    int bytes = c.i32("mask");
    int pixels = h.pixels();
    if (h.validPixels() == pixels) {
      if (bytes != 0) {
        throw new DecodeException("Lerc2 blob has all pixels valid but stores a mask");
      }
      return null;
    }
    if (h.validPixels() == 0) {
      if (bytes != 0) {
        throw new DecodeException("Lerc2 blob has no valid pixel but stores a mask");
      }
      return new boolean[pixels];
    }
    if (bytes == 0) {
      if (previous == null || previous.length != pixels) {
        throw new DecodeException("Lerc2 blob reuses a mask that no earlier blob defined");
      }
      return previous;
    }
    if (bytes < 0 || bytes > c.remaining()) {
      throw new DecodeException(
          "Lerc2 mask claims " + bytes + " bytes; " + c.remaining() + " are left");
    }
    byte[] bits =
        rleDecode(new LercCursor(c.data, c.position(), c.position() + bytes), (pixels + 7) / 8);
    c.skip(bytes, "mask");
    boolean[] valid = new boolean[pixels];
    for (int k = 0; k < pixels; k++) {
      valid[k] = (bits[k >>> 3] & (0x80 >>> (k & 7))) != 0;
    }
    return valid;
  }

  /**
   * LERC's run-length coding of the mask bits: little-endian 16-bit counts, a positive count
   * followed by that many literal bytes, a non-positive one by one byte repeated {@code -count}
   * times, and -32768 at the end.
   */
  static byte[] rleDecode(LercCursor c, int size) throws DecodeException {
    byte[] out = new byte[size];
    int at = 0;
    while (true) {
      int count = (short) c.u16("mask");
      if (count == -32768) {
        return out;
      }
      int n = Math.abs(count);
      if (at + n > size) {
        throw new DecodeException("Lerc2 mask runs past its " + size + " bytes");
      }
      if (count > 0) {
        int from = c.need(n, "mask");
        System.arraycopy(c.data, from, out, at, n);
        c.skip(n, "mask");
      } else {
        byte b = (byte) c.u8("mask");
        java.util.Arrays.fill(out, at, at + n, b);
      }
      at += n;
    }
  }

  private static void values(LercCursor c, LercHeader h, boolean[] valid, Object out)
      throws DecodeException {
    if (h.zMin() == h.zMax()) {
      fillConstant(h, valid, out, null);
      return;
    }
    double[] zMaxes = null;
    if (h.version() >= 4) {
      double[] mins = new double[h.depth()];
      zMaxes = new double[h.depth()];
      for (int d = 0; d < h.depth(); d++) {
        mins[d] = c.value(h.type(), "value ranges");
      }
      boolean constant = true;
      for (int d = 0; d < h.depth(); d++) {
        zMaxes[d] = c.value(h.type(), "value ranges");
        constant &= Double.doubleToRawLongBits(mins[d]) == Double.doubleToRawLongBits(zMaxes[d]);
      }
      if (constant) {
        fillConstant(h, valid, out, mins);
        return;
      }
      if (h.depth() == 1) {
        zMaxes = null; // liblerc clamps a single depth to the header's maximum
      }
    }
    if (c.u8("coding flag") != 0) {
      oneSweep(c, h, valid, out);
      return;
    }
    boolean huffman =
        (h.type() == LercType.BYTE || h.type() == LercType.CHAR) && h.maxZError() == 0.5;
    if (huffman) {
      int mode = c.u8("coding mode");
      if (mode > (h.version() >= 4 ? 2 : 1)) {
        throw new DecodeException(
            "Lerc2 coding mode " + mode + " is not valid in version " + h.version());
      }
      if (mode != 0) {
        LercHuffman table = LercHuffman.read(c, h.version());
        decodeHuffman(c, h, valid, (byte[]) out, table, mode == 1);
        return;
      }
    }
    LercTiles.decode(c, h, valid, zMaxes, out);
  }

  private static void fillConstant(LercHeader h, boolean[] valid, Object out, double[] perDepth) {
    int depth = h.depth();
    for (int k = 0; k < h.pixels(); k++) {
      if (valid == null || valid[k]) {
        for (int d = 0; d < depth; d++) {
          h.type().store(out, k * depth + d, perDepth == null ? h.zMin() : perDepth[d]);
        }
      }
    }
  }

  private static void oneSweep(LercCursor c, LercHeader h, boolean[] valid, Object out)
      throws DecodeException {
    int depth = h.depth();
    for (int k = 0; k < h.pixels(); k++) {
      if (valid == null || valid[k]) {
        for (int d = 0; d < depth; d++) {
          h.type().store(out, k * depth + d, c.value(h.type(), "values"));
        }
      }
    }
  }

  /**
   * Huffman-coded bytes. In delta mode each depth is a separate pass over the pixels, a value being
   * the decoded difference plus its left neighbour's value if that is valid, else its upper
   * neighbour's if that is valid, else the last value decoded in the pass; all modulo 256.
   */
  private static void decodeHuffman(
      LercCursor c, LercHeader h, boolean[] valid, byte[] out, LercHuffman table, boolean delta)
      throws DecodeException {
    int offset = h.type() == LercType.CHAR ? 128 : 0;
    int rows = h.rows();
    int cols = h.cols();
    int depth = h.depth();
    LercHuffman.MsbReader in = new LercHuffman.MsbReader(c);
    if (delta) {
      for (int d = 0; d < depth; d++) {
        byte prev = 0;
        for (int i = 0, k = 0; i < rows; i++) {
          for (int j = 0; j < cols; j++, k++) {
            if (valid != null && !valid[k]) {
              continue;
            }
            byte v = (byte) (table.next(in) - offset);
            int m = k * depth + d;
            if (j > 0 && (valid == null || valid[k - 1])) {
              v += prev;
            } else if (i > 0 && (valid == null || valid[k - cols])) {
              v += out[m - cols * depth];
            } else {
              v += prev;
            }
            out[m] = v;
            prev = v;
          }
        }
      }
    } else {
      for (int k = 0; k < h.pixels(); k++) {
        if (valid == null || valid[k]) {
          for (int d = 0; d < depth; d++) {
            out[k * depth + d] = (byte) (table.next(in) - offset);
          }
        }
      }
    }
  }
}
