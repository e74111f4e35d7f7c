package dev.terrace.engine.internal.geotiff;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Compression 8 and 32946: a zlib stream per block. Creating an {@link Inflater} per tile costs a
 * native zlib state allocation each time, which dominates for small tiles, so inflaters are
 * recycled through one bounded pool shared by all instances: a pool rather than a thread local
 * because reader threads may be short-lived virtual threads, and bounded so that idle inflaters
 * hold native memory in proportion to the number of cores, not to the peak number of threads.
 */
final class DeflateDecompressor implements InPlaceDecompressor {

  private static final BlockingQueue<Inflater> POOL =
      new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

  @Override
  public void decodeInto(byte[] src, int srcOff, int srcLen, byte[] dst, int expectedLength)
      throws DecodeException {
    Objects.checkFromIndexSize(srcOff, srcLen, src.length);
    Objects.checkFromIndexSize(0, expectedLength, dst.length);
    Inflater inflater = POOL.poll();
    if (inflater == null) {
      inflater = new Inflater();
    }
    try {
      inflater.setInput(src, srcOff, srcLen);
      inflate(inflater, dst, expectedLength);
    } finally {
      inflater.reset();
      if (!POOL.offer(inflater)) {
        inflater.end();
      }
    }
  }

  /**
   * Inflates until the block is full, and stops there: like libtiff, it neither verifies the
   * trailing Adler-32 nor looks at padding after the data the block needs.
   */
  private static void inflate(Inflater inflater, byte[] out, int expectedLength)
      throws DecodeException {
    int filled = 0;
    try {
      while (filled < expectedLength) {
        int n = inflater.inflate(out, filled, expectedLength - filled);
        if (n == 0) {
          break;
        }
        filled += n;
      }
    } catch (DataFormatException e) {
      throw new DecodeException("corrupt deflate stream: " + e.getMessage(), e);
    }
    if (filled < expectedLength) {
      if (inflater.needsDictionary()) {
        throw new DecodeException(
            "deflate stream asks for a preset dictionary, which TIFF never uses");
      }
      throw new DecodeException(
          "deflate stream "
              + (inflater.finished() ? "ends" : "is truncated")
              + " after "
              + filled
              + " of "
              + expectedLength
              + " bytes");
    }
  }
}
