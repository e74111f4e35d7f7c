package dev.terrace.engine.internal.geotiff;

/**
 * Copies runs of samples between typed arrays of the same class, picking one band out of chunky
 * pixels.
 */
final class BlockCopy {

  private BlockCopy() {}

  /** Copies {@code n} samples: {@code dst[dstPos + i] = src[srcPos + i * stride]}. */
  static void copy(Object src, int srcPos, int stride, Object dst, int dstPos, int n) {
    if (stride == 1) {
      System.arraycopy(src, srcPos, dst, dstPos, n);
      return;
    }
    switch (src) {
      case byte[] s -> {
        byte[] d = (byte[]) dst;
        for (int i = 0; i < n; i++) {
          d[dstPos + i] = s[srcPos + i * stride];
        }
      }
      case short[] s -> {
        short[] d = (short[]) dst;
        for (int i = 0; i < n; i++) {
          d[dstPos + i] = s[srcPos + i * stride];
        }
      }
      case int[] s -> {
        int[] d = (int[]) dst;
        for (int i = 0; i < n; i++) {
          d[dstPos + i] = s[srcPos + i * stride];
        }
      }
      case long[] s -> {
        long[] d = (long[]) dst;
        for (int i = 0; i < n; i++) {
          d[dstPos + i] = s[srcPos + i * stride];
        }
      }
      case float[] s -> {
        float[] d = (float[]) dst;
        for (int i = 0; i < n; i++) {
          d[dstPos + i] = s[srcPos + i * stride];
        }
      }
      case double[] s -> {
        double[] d = (double[]) dst;
        for (int i = 0; i < n; i++) {
          d[dstPos + i] = s[srcPos + i * stride];
        }
      }
      default -> throw new AssertionError(src.getClass());
    }
  }
}
