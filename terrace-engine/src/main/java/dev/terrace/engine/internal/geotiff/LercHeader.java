package dev.terrace.engine.internal.geotiff;

import java.nio.charset.StandardCharsets;

/**
 * The header of one Lerc2 blob, versions 2 to 4 (those libtiff writes through liblerc up to 4.x):
 *
 * <pre>
 * "Lerc2 "  int version  [uint checksum, v3+]
 * int nRows, nCols, [nDepth, v4+], numValidPixel, microBlockSize, blobSize, dataType
 * double maxZError, zMin, zMax
 * </pre>
 *
 * all little-endian. From version 3 on, a Fletcher-32 checksum covers the blob after the checksum
 * field, and it is verified here: it is what lets a damaged block fail cleanly instead of decoding
 * to noise.
 *
 * @param start where the blob starts in its buffer
 * @param blobSize the whole blob's length in bytes, header included
 * @param headerEnd where the header ends (the mask follows)
 */
record LercHeader(
    int start,
    int version,
    int rows,
    int cols,
    int depth,
    int validPixels,
    int microBlockSize,
    int blobSize,
    LercType type,
    double maxZError,
    double zMin,
    double zMax,
    int headerEnd) {

  static final byte[] KEY = "Lerc2 ".getBytes(StandardCharsets.US_ASCII);
  static final int MIN_VERSION = 2;
  static final int MAX_VERSION = 4;

  /**
   * @return whether a LERC blob (of any version) starts at {@code c}'s position
   */
  static boolean startsAt(LercCursor c) {
    if (c.remaining() < KEY.length) {
      return false;
    }
    for (int i = 0; i < KEY.length; i++) {
      if (c.data[c.position() + i] != KEY[i]) {
        return false;
      }
    }
    return true;
  }

  /** Reads and checks the header at {@code c}'s position, leaving {@code c} after it. */
  static LercHeader read(LercCursor c) throws DecodeException {
    int start = c.position();
    if (!startsAt(c)) {
      throw new DecodeException(
          "no Lerc2 blob at byte " + start + " (LERC1 and other formats are not read)");
    }
    c.skip(KEY.length, "header");
    int version = c.i32("header");
    if (version < MIN_VERSION || version > MAX_VERSION) {
      throw new DecodeException(
          "Lerc2 version "
              + version
              + " is not supported ("
              + MIN_VERSION
              + " to "
              + MAX_VERSION
              + ")");
    }
    int checksum = version >= 3 ? c.i32("header") : 0;
    int rows = c.i32("header");
    int cols = c.i32("header");
    int depth = version >= 4 ? c.i32("header") : 1;
    int valid = c.i32("header");
    int microBlock = c.i32("header");
    int blobSize = c.i32("header");
    int dt = c.i32("header");
    double maxZError = c.f64("header");
    double zMin = c.f64("header");
    double zMax = c.f64("header");
    LercType type = LercType.of(dt);
    long pixels = (long) rows * cols;
    if (rows <= 0
        || cols <= 0
        || depth <= 0
        || valid < 0
        || valid > pixels
        || microBlock <= 0
        || microBlock > 32
        || type == null
        || pixels * depth > Integer.MAX_VALUE) {
      throw new DecodeException(
          "Lerc2 header is inconsistent: "
              + rows
              + " x "
              + cols
              + " x "
              + depth
              + ", "
              + valid
              + " valid, micro-blocks of "
              + microBlock
              + ", data type "
              + dt);
    }
    if (blobSize < c.position() - start || blobSize > c.end() - start) {
      throw new DecodeException(
          "Lerc2 blob claims " + blobSize + " bytes; " + (c.end() - start) + " are there");
    }
    if (version >= 3) {
      int from = start + KEY.length + 8;
      int sum = fletcher32(c.data, from, start + blobSize - from);
      if (sum != checksum) {
        throw new DecodeException(
            "Lerc2 checksum mismatch (stored "
                + Integer.toHexString(checksum)
                + ", computed "
                + Integer.toHexString(sum)
                + ")");
      }
    }
    if (!(maxZError >= 0) || Double.isNaN(zMin) || Double.isNaN(zMax)) {
      throw new DecodeException("Lerc2 header has an invalid error bound or range");
    }
    return new LercHeader(
        start,
        version,
        rows,
        cols,
        depth,
        valid,
        microBlock,
        blobSize,
        type,
        maxZError,
        zMin,
        zMax,
        c.position());
  }

  /** Fletcher-32 over bytes taken in big-endian pairs, as LERC computes it. */
  static int fletcher32(byte[] data, int from, int len) {
    long sum1 = 0xFFFF;
    long sum2 = 0xFFFF;
    int words = len / 2;
    int p = from;
    while (words > 0) {
      int n = Math.min(words, 359);
      words -= n;
      for (int i = 0; i < n; i++, p += 2) {
        sum1 += ((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF);
        sum2 += sum1;
      }
      sum1 = (sum1 & 0xFFFF) + (sum1 >>> 16);
      sum2 = (sum2 & 0xFFFF) + (sum2 >>> 16);
    }
    if ((len & 1) != 0) {
      sum1 += (data[p] & 0xFF) << 8;
      sum2 += sum1;
    }
    sum1 = (sum1 & 0xFFFF) + (sum1 >>> 16);
    sum2 = (sum2 & 0xFFFF) + (sum2 >>> 16);
    return (int) (sum2 << 16 | sum1);
  }

  int pixels() {
    return rows * cols;
  }
}
