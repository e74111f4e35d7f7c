package dev.terrace.engine.internal.geotiff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZInputStream;

/**
 * Compression 34925: an .xz stream per block (libtiff writes it with {@code lzma_stream_encoder}),
 * decoded by XZ for Java. Like libtiff it stops once the block is full, without reading the
 * stream's end or check.
 *
 * <p>The stream's header chooses the dictionary size, which the decoder allocates in full: up to
 * {@link #MEMORY_LIMIT_KIB} is accepted (the largest preset, 9, needs 64 MiB), more is refused as
 * corrupt rather than allocated. Dictionaries are recycled through XZ's shared array cache, because
 * GDAL's default preset asks for 8 MiB per block, which allocated afresh for every small tile would
 * dominate decoding.
 */
final class LzmaDecompressor implements InPlaceDecompressor {

  /** The most memory a block's stream may ask the decoder for, in KiB. */
  static final int MEMORY_LIMIT_KIB = 80 * 1024;

  private static final ArrayCache ARRAYS = BasicArrayCache.getInstance();

  @Override
  public void decodeInto(byte[] src, int srcOff, int srcLen, byte[] dst, int expectedLength)
      throws DecodeException {
    Objects.checkFromIndexSize(srcOff, srcLen, src.length);
    Objects.checkFromIndexSize(0, expectedLength, dst.length);
    int filled = 0;
    try (XZInputStream in =
        new XZInputStream(
            new ByteArrayInputStream(src, srcOff, srcLen), MEMORY_LIMIT_KIB, true, ARRAYS)) {
      while (filled < expectedLength) {
        int n = in.read(dst, filled, expectedLength - filled);
        if (n < 0) {
          break;
        }
        filled += n;
      }
    } catch (IOException e) {
      throw new DecodeException("corrupt LZMA stream after " + filled + " bytes: " + e, e);
    } catch (RuntimeException e) {
      // XZ for Java checks its input, but a hostile stream must never escape as anything but
      // corrupt data.
      throw new DecodeException("corrupt LZMA stream after " + filled + " bytes: " + e, e);
    }
    if (filled < expectedLength) {
      throw new DecodeException(
          "LZMA stream ends after " + filled + " of " + expectedLength + " bytes");
    }
  }
}
