package dev.terrace.engine.internal.geotiff;

/**
 * One decoded IFD entry. Integer types arrive in {@code longs} (unsigned types zero-extended),
 * floating and rational types in {@code doubles}, ASCII in {@code ascii}; the other two are null.
 */
record TiffEntry(int tag, int type, long count, long[] longs, double[] doubles, String ascii) {

  int length() {
    return longs != null ? longs.length : doubles != null ? doubles.length : ascii.length();
  }

  /**
   * @return the values as doubles, whatever their stored type; null for ASCII
   */
  double[] asDoubles() {
    if (doubles != null) {
      return doubles;
    }
    if (longs == null) {
      return null;
    }
    double[] out = new double[longs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = longs[i];
    }
    return out;
  }
}
