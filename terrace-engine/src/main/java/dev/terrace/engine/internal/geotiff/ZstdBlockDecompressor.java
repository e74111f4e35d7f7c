package dev.terrace.engine.internal.geotiff;

import io.airlift.compress.zstd.ZstdDecompressor;
import java.util.Arrays;
import java.util.Objects;

/**
 * Compression 50000: a Zstandard frame per block, decoded by aircompressor's pure-Java decoder.
 *
 * <p>That decoder only decodes whole frames, into an array that must hold all of the frame's
 * content, while libtiff stops as soon as the block is full. A frame that decodes to more than the
 * block is therefore accepted only if its header declares a content size at most {@link
 * #MAX_EXCESS} bytes larger, and decoded into an array of that size (a header that declares no size
 * gets the block's): the bound keeps a hostile header from choosing the allocation. aircompressor's
 * streaming decoder could cut any frame short, but it allocates a window of up to 8 MB as the
 * header asks, whatever the block's size. For the same reason bytes after the frame are rejected,
 * not skipped as libtiff does; libtiff and GDAL write the frame alone.
 *
 * <p>aircompressor signals corrupt input with a variety of unchecked exceptions, and its bounds
 * checks live inside the library, so every {@link RuntimeException} it throws is turned into a
 * {@link DecodeException}.
 */
final class ZstdBlockDecompressor implements Decompressor {

  /**
   * How much more than the block a frame may decode to and still be read, the excess being ignored.
   */
  static final int MAX_EXCESS = 64 * 1024;

  /**
   * aircompressor's decoder reuses its scratch tables between calls, so it must not be shared by
   * threads.
   */
  private static final ThreadLocal<ZstdDecompressor> DECODERS =
      ThreadLocal.withInitial(ZstdDecompressor::new);

  @Override
  public byte[] decode(byte[] src, int srcOff, int srcLen, int expectedLength)
      throws DecodeException {
    Objects.checkFromIndexSize(srcOff, srcLen, src.length);
    byte[] out;
    int filled;
    try {
      long declared = ZstdDecompressor.getDecompressedSize(src, srcOff, srcLen);
      if (declared - expectedLength > MAX_EXCESS) {
        throw new DecodeException(
            "ZSTD frame holds " + declared + " bytes, far more than the block's " + expectedLength);
      }
      out = new byte[(int) Math.max(declared, expectedLength)];
      filled = DECODERS.get().decompress(src, srcOff, srcLen, out, 0, out.length);
    } catch (RuntimeException e) {
      throw new DecodeException("corrupt ZSTD data: " + e.getMessage(), e);
    }
    if (filled < expectedLength) {
      throw new DecodeException(
          "ZSTD data ends after " + filled + " of " + expectedLength + " bytes");
    }
    return out.length == expectedLength ? out : Arrays.copyOf(out, expectedLength);
  }
}
