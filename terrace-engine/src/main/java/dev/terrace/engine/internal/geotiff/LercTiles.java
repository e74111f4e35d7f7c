package dev.terrace.engine.internal.geotiff;

/**
 * The micro-block ("tile") coding of a Lerc2 blob: the raster is cut into {@code microBlockSize}
 * squares, and each square, for each of the pixel's depth values in turn, starts with a byte whose
 * low two bits say how its valid pixels are stored:
 *
 * <ul>
 *   <li>0: raw values of the blob's type;
 *   <li>1: an offset (in a type reduced per bits 6-7) and a {@linkplain LercBitStuffer bit-stuffed}
 *       array of quantised steps, each value being {@code min(offset + step * 2 * maxZError, zMax)}
 *       cast to the type;
 *   <li>2: all zero;
 *   <li>3: all equal to the offset that follows.
 * </ul>
 *
 * Bits 2-5 repeat bits 3-6 of the square's first column, an integrity check. A square whose
 * bit-stuffed array holds a value for every pixel fills them all, masked or not, as liblerc does.
 */
final class LercTiles {

  private LercTiles() {}

  /**
   * Decodes the squares into {@code out} (pixel-interleaved with {@code h.depth()} values per
   * pixel).
   *
   * @param valid one flag per pixel, or null when all are valid
   * @param zMaxes the per-depth maxima (version 4), or null to use the header's
   */
  static void decode(LercCursor c, LercHeader h, boolean[] valid, double[] zMaxes, Object out)
      throws DecodeException {
    int mb = h.microBlockSize();
    int cols = h.cols();
    int depth = h.depth();
    int[] steps = new int[mb * mb];
    double[] values = new double[mb * mb];
    for (int i0 = 0; i0 < h.rows(); i0 += mb) {
      int i1 = Math.min(i0 + mb, h.rows());
      for (int j0 = 0; j0 < cols; j0 += mb) {
        int j1 = Math.min(j0 + mb, cols);
        for (int d = 0; d < depth; d++) {
          double zMax = zMaxes != null ? zMaxes[d] : h.zMax();
          int flag = c.u8("micro-block header");
          if (((flag >>> 2) & 15) != ((j0 >>> 3) & 15)) {
            throw new DecodeException(
                "micro-block at row " + i0 + ", column " + j0 + " fails its integrity check");
          }
          int kind = flag & 3;
          int cells = (i1 - i0) * (j1 - j0);
          switch (kind) {
            case 2 -> scatterConstant(out, 0, valid, i0, i1, j0, j1, cols, depth, d);
            case 0 -> {
              int n = 0;
              for (int i = i0; i < i1; i++) {
                for (int j = j0; j < j1; j++) {
                  if (valid == null || valid[i * cols + j]) {
                    values[n++] = c.value(h.type(), "raw micro-block");
                  }
                }
              }
              scatter(out, values, n, valid, i0, i1, j0, j1, cols, depth, d);
            }
            default -> {
              LercType offsetType = h.type().reduced(flag >>> 6);
              if (offsetType == null) {
                throw new DecodeException(
                    "micro-block offset has an invalid type code " + (flag >>> 6));
              }
              double offset = c.value(offsetType, "micro-block offset");
              if (kind == 3) {
                scatterConstant(out, offset, valid, i0, i1, j0, j1, cols, depth, d);
              } else {
                int n = LercBitStuffer.decode(c, steps, cells, h.version());
                double scale = 2 * h.maxZError();
                for (int k = 0; k < n; k++) {
                  values[k] = Math.min(offset + steps[k] * scale, zMax);
                }
                if (n == cells) {
                  scatter(out, values, n, null, i0, i1, j0, j1, cols, depth, d);
                } else {
                  scatter(out, values, n, valid, i0, i1, j0, j1, cols, depth, d);
                }
              }
            }
          }
        }
      }
    }
  }

  private static void scatterConstant(
      Object out,
      double z,
      boolean[] valid,
      int i0,
      int i1,
      int j0,
      int j1,
      int cols,
      int depth,
      int d) {
    for (int i = i0; i < i1; i++) {
      for (int j = j0; j < j1; j++) {
        int k = i * cols + j;
        if (valid == null || valid[k]) {
          store(out, k * depth + d, z);
        }
      }
    }
  }

  private static void store(Object out, int index, double z) {
    switch (out) {
      case byte[] a -> a[index] = (byte) (long) z;
      case short[] a -> a[index] = (short) (long) z;
      case int[] a -> a[index] = (int) (long) z;
      case float[] a -> a[index] = (float) z;
      case double[] a -> a[index] = z;
      default -> throw new AssertionError(out.getClass());
    }
  }

  /**
   * Writes the square's values (in raster order over its valid pixels, or over all pixels when
   * {@code valid} is null) into {@code out}, cast as C casts them. One loop per array type, so that
   * the cast is inlined. A damaged blob may hold fewer values than valid pixels, which fails.
   */
  private static void scatter(
      Object out,
      double[] values,
      int n,
      boolean[] valid,
      int i0,
      int i1,
      int j0,
      int j1,
      int cols,
      int depth,
      int d)
      throws DecodeException {
    int v = 0;
    switch (out) {
      case float[] a -> {
        for (int i = i0; i < i1; i++) {
          for (int j = j0, k = i * cols + j0; j < j1; j++, k++) {
            if (valid == null || valid[k]) {
              if (v == n) {
                throw tooFew(i0, j0);
              }
              a[k * depth + d] = (float) values[v++];
            }
          }
        }
      }
      case double[] a -> {
        for (int i = i0; i < i1; i++) {
          for (int j = j0, k = i * cols + j0; j < j1; j++, k++) {
            if (valid == null || valid[k]) {
              if (v == n) {
                throw tooFew(i0, j0);
              }
              a[k * depth + d] = values[v++];
            }
          }
        }
      }
      case byte[] a -> {
        for (int i = i0; i < i1; i++) {
          for (int j = j0, k = i * cols + j0; j < j1; j++, k++) {
            if (valid == null || valid[k]) {
              if (v == n) {
                throw tooFew(i0, j0);
              }
              a[k * depth + d] = (byte) (long) values[v++];
            }
          }
        }
      }
      case short[] a -> {
        for (int i = i0; i < i1; i++) {
          for (int j = j0, k = i * cols + j0; j < j1; j++, k++) {
            if (valid == null || valid[k]) {
              if (v == n) {
                throw tooFew(i0, j0);
              }
              a[k * depth + d] = (short) (long) values[v++];
            }
          }
        }
      }
      case int[] a -> {
        for (int i = i0; i < i1; i++) {
          for (int j = j0, k = i * cols + j0; j < j1; j++, k++) {
            if (valid == null || valid[k]) {
              if (v == n) {
                throw tooFew(i0, j0);
              }
              a[k * depth + d] = (int) (long) values[v++];
            }
          }
        }
      }
      default -> throw new AssertionError(out.getClass());
    }
  }

  private static DecodeException tooFew(int i0, int j0) {
    return new DecodeException(
        "micro-block at row " + i0 + ", column " + j0 + " holds fewer values than valid pixels");
  }
}
