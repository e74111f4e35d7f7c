package dev.terrace.engine.internal.geotiff;

import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Compression 34887: LERC, as libtiff's LERC codec writes and reads it. The tag LercParameters
 * (50674) holds {@code [lerc version, additional compression]}, the latter 0 (none), 1 (the blob is
 * zlib-deflated: GDAL's LERC_DEFLATE) or 2 (Zstandard: LERC_ZSTD).
 *
 * <p>A block is one {@linkplain LercBlob Lerc2 blob} of {@code samples per pixel} depth values per
 * pixel, or (a multi-band float block with a different mask per band) one blob per sample. What
 * libtiff does with the invalid pixels, and so what GDAL shows: NaN in floating-point images; in
 * integer images the zero liblerc leaves there; in an 8-bit image whose last sample is unassociated
 * alpha and which the writer stored without it, that alpha rebuilt as 255 where valid and 0 where
 * not.
 */
final class LercDecompressor implements SampleDecompressor {

  @Override
  public Object decode(ImageLayout layout, byte[] src, int srcOff, int srcLen, int rows)
      throws DecodeException {
    Objects.checkFromIndexSize(srcOff, srcLen, src.length);
    int width = layout.blockWidth();
    int spp = layout.samplesPerBlockPixel();
    long[] params = layout.ifd().longs(TiffTag.LERC_PARAMETERS);
    int extra = params != null && params.length > 1 ? (int) params[1] : 0;
    long decodedBytes = (long) width * rows * spp * layout.sampleType().bytes();
    LercCursor c =
        switch (extra) {
          case 0 -> new LercCursor(src, srcOff, srcOff + srcLen);
          case 1 -> unwrapped(inflate(src, srcOff, srcLen, bound(decodedBytes)));
          case 2 -> unwrapped(unzstd(src, srcOff, srcLen, bound(decodedBytes)));
          default ->
              throw new DecodeException(
                  "LercParameters names additional compression "
                      + extra
                      + ", which is not 0 (none), 1 (deflate) or 2 (zstd)");
        };
    LercType type = LercType.forSamples(layout.sampleType());
    if (type == null) {
      throw DecodeException.unsupported(
          "LERC has no " + layout.sampleType() + " type; libtiff writes none");
    }
    LercBlob.Decoded first = LercBlob.decode(c, null);
    check(first.header(), type, width, rows);
    int depth = first.header().depth();
    int pixels = width * rows;
    if (depth == spp) {
      Object out = first.values();
      if (type.floatingPoint() && first.valid() != null) {
        maskWithNaN(out, first.valid(), depth, 0, depth);
      }
      return out;
    }
    if (depth == 1 && type.floatingPoint() && c.remaining() > 0) {
      // One blob per band (liblerc 3+ writes this when the bands' NaN masks differ): interleave
      // them.
      Object out = type.allocate(pixels * spp);
      LercBlob.Decoded blob = first;
      for (int s = 0; s < spp; s++) {
        if (s > 0) {
          blob = LercBlob.decode(c, blob.valid());
          check(blob.header(), type, width, rows);
          if (blob.header().depth() != 1) {
            throw new DecodeException(
                "LERC band blob " + s + " has " + blob.header().depth() + " values per pixel");
          }
        }
        interleave(blob.values(), out, pixels, spp, s);
        if (blob.valid() != null) {
          maskWithNaN(out, blob.valid(), spp, s, s + 1);
        }
      }
      return out;
    }
    if (depth == spp - 1 && type == LercType.BYTE && unassociatedAlphaLast(layout)) {
      byte[] in = (byte[]) first.values();
      byte[] out = new byte[pixels * spp];
      boolean[] valid = first.valid();
      for (int k = 0; k < pixels; k++) {
        System.arraycopy(in, k * depth, out, k * spp, depth);
        out[k * spp + depth] = valid == null || valid[k] ? (byte) 255 : 0;
      }
      return out;
    }
    throw new DecodeException(
        "LERC blob holds " + depth + " values per pixel; the image has " + spp);
  }

  private static LercCursor unwrapped(byte[] blob) {
    return new LercCursor(blob, 0, blob.length);
  }

  /** The most a wrapped blob may inflate to: what libtiff allocates for it. */
  private static int bound(long decodedBytes) throws DecodeException {
    long b = 256 + decodedBytes + decodedBytes / 3 + 4096;
    if (b > ImageLayout.MAX_BLOCK_BYTES * 2) {
      throw new DecodeException("block too large to unwrap");
    }
    return (int) b;
  }

  private static void check(LercHeader h, LercType type, int width, int rows)
      throws DecodeException {
    if (h.type() != type) {
      throw new DecodeException(
          "LERC blob holds " + h.type() + " values; the image's samples are " + type);
    }
    if (h.cols() != width || h.rows() != rows) {
      throw new DecodeException(
          "LERC blob is "
              + h.cols()
              + " x "
              + h.rows()
              + " pixels; the block is "
              + width
              + " x "
              + rows);
    }
  }

  private static boolean unassociatedAlphaLast(ImageLayout layout) {
    long[] extra = layout.ifd().longs(TiffTag.EXTRA_SAMPLES);
    return !layout.planar() && extra != null && extra.length > 0 && extra[extra.length - 1] == 2;
  }

  /**
   * Sets samples {@code [from, to)} of each invalid pixel to NaN, as libtiff does for float images.
   */
  private static void maskWithNaN(Object out, boolean[] valid, int stride, int from, int to) {
    for (int k = 0; k < valid.length; k++) {
      if (!valid[k]) {
        for (int s = from; s < to; s++) {
          switch (out) {
            case float[] a -> a[k * stride + s] = Float.NaN;
            case double[] a -> a[k * stride + s] = Double.NaN;
            default -> throw new AssertionError(out.getClass());
          }
        }
      }
    }
  }

  private static void interleave(Object band, Object out, int pixels, int spp, int s) {
    switch (out) {
      case float[] a -> {
        float[] b = (float[]) band;
        for (int k = 0; k < pixels; k++) {
          a[k * spp + s] = b[k];
        }
      }
      case double[] a -> {
        double[] b = (double[]) band;
        for (int k = 0; k < pixels; k++) {
          a[k * spp + s] = b[k];
        }
      }
      default -> throw new AssertionError(out.getClass());
    }
  }

  private static byte[] inflate(byte[] src, int off, int len, int limit) throws DecodeException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(src, off, len);
      byte[] out = new byte[Math.min(limit, Math.max(1024, len * 4))];
      int filled = 0;
      while (!inflater.finished()) {
        if (filled == out.length) {
          if (out.length == limit) {
            throw new DecodeException(
                "deflated LERC blob inflates to more than " + limit + " bytes");
          }
          out = java.util.Arrays.copyOf(out, (int) Math.min(limit, 2L * out.length));
        }
        int n = inflater.inflate(out, filled, out.length - filled);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        filled += n;
      }
      return java.util.Arrays.copyOf(out, filled);
    } catch (DataFormatException e) {
      throw new DecodeException(
          "corrupt deflate stream around the LERC blob: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  private static byte[] unzstd(byte[] src, int off, int len, int limit) throws DecodeException {
    long declared;
    try {
      declared = io.airlift.compress.zstd.ZstdDecompressor.getDecompressedSize(src, off, len);
    } catch (RuntimeException e) {
      throw new DecodeException("corrupt ZSTD frame around the LERC blob: " + e.getMessage(), e);
    }
    if (declared < 0 || declared > limit) {
      throw new DecodeException(
          "ZSTD frame around the LERC blob declares "
              + declared
              + " bytes; at most "
              + limit
              + " are expected");
    }
    return Compression.ZSTD.decompressor().decode(src, off, len, (int) declared);
  }
}
