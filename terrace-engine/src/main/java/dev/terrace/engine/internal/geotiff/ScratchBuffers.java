package dev.terrace.engine.internal.geotiff;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reusable byte arrays for a block's decompressed bytes, which live only until they are converted
 * into the block's samples: allocating (and zeroing) a fresh megabyte for every tile was a quarter
 * of all allocation when reading COGs. A bounded pool rather than a thread local because decoding
 * also runs on short-lived virtual threads; bounded so that idle buffers stay in proportion to the
 * cores.
 */
final class ScratchBuffers {

  /**
   * Larger blocks (huge strips) get a buffer of their own rather than pin that much memory in the
   * pool.
   */
  private static final int MAX_POOLED = 16 << 20;

  private static final BlockingQueue<byte[]> POOL =
      new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

  private ScratchBuffers() {}

  /**
   * @return an array of at least {@code length} bytes, with arbitrary contents
   */
  static byte[] take(int length) {
    byte[] buffer = POOL.poll();
    return buffer != null && buffer.length >= length ? buffer : new byte[length];
  }

  /** Hands an array back for reuse; the caller must not touch it afterwards. */
  static void give(byte[] buffer) {
    if (buffer.length <= MAX_POOLED) {
      POOL.offer(buffer);
    }
  }
}
