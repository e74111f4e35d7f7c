package dev.terrace.engine.internal.geotiff;

import java.util.Arrays;
import java.util.Objects;

/**
 * Compression 32773, Macintosh PackBits run-length coding, with libtiff's tolerance: a run or
 * literal that overshoots the block is cut at the block's end (libtiff discards the excess with a
 * warning), the no-op header -128 is skipped, and a literal whose bytes are missing ends decoding,
 * which then fails as a short block.
 */
final class PackBitsDecompressor implements Decompressor {

  @Override
  public byte[] decode(byte[] src, int srcOff, int srcLen, int expectedLength)
      throws DecodeException {
    Objects.checkFromIndexSize(srcOff, srcLen, src.length);
    byte[] out = new byte[expectedLength];
    int pos = srcOff;
    int end = srcOff + srcLen;
    int filled = 0;
    while (pos < end && filled < expectedLength) {
      int header = src[pos++];
      if (header >= 0) {
        int count = header + 1;
        if (end - pos < count) {
          break;
        }
        int kept = Math.min(count, expectedLength - filled);
        System.arraycopy(src, pos, out, filled, kept);
        filled += kept;
        pos += count;
      } else if (header != -128) {
        if (pos == end) {
          break;
        }
        int kept = Math.min(1 - header, expectedLength - filled);
        Arrays.fill(out, filled, filled + kept, src[pos++]);
        filled += kept;
      }
    }
    if (filled < expectedLength) {
      throw new DecodeException(
          "PackBits data ends after " + filled + " of " + expectedLength + " bytes");
    }
    return out;
  }
}
