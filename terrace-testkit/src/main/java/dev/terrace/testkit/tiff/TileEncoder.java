package dev.terrace.testkit.tiff;

import dev.terrace.testkit.tiff.SyntheticGeoTiff.CellValues;
import dev.terrace.testkit.tiff.SyntheticGeoTiff.Compression;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Turns a tile's values into its stored bytes: little-endian samples, then DEFLATE when asked.
 * Reuses its buffers from tile to tile; close it to free the deflater.
 */
final class TileEncoder implements AutoCloseable {

  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  private final Spec s;
  private final int tileCells;
  private final byte[] raw;
  private final double[] values;
  private final Deflater deflater;
  private byte[] compressed = new byte[0];

  TileEncoder(Spec s) {
    this.s = s;
    this.tileCells = s.tileWidth() * s.tileHeight();
    this.raw = new byte[tileCells * s.type().bytes()];
    this.values = s.cells() != null ? new double[tileCells] : null;
    this.deflater = s.compression() == Compression.DEFLATE ? new Deflater(s.deflateLevel()) : null;
  }

  /**
   * @return the samples of tile {@code (tc, tr)}, uncompressed; valid until the next call
   */
  byte[] samples(int tc, int tr) {
    encode(tileValues(tc, tr));
    return raw;
  }

  /**
   * @return the bytes to store for {@code samples}: themselves, or deflated; valid until the next
   *     call
   */
  ByteBuffer stored(byte[] samples) {
    if (deflater == null) {
      return ByteBuffer.wrap(samples);
    }
    int length = deflate(samples); // may grow compressed
    return ByteBuffer.wrap(compressed, 0, length);
  }

  @Override
  public void close() {
    if (deflater != null) {
      deflater.end();
    }
  }

  private double[] tileValues(int tc, int tr) {
    if (s.tiles() != null) {
      double[] v = s.tiles().tile(tc, tr);
      if (v == null || v.length < tileCells) {
        throw new IllegalArgumentException(
            "tile ("
                + tc
                + ", "
                + tr
                + ") has "
                + (v == null ? "no" : v.length)
                + " values; expected "
                + tileCells);
      }
      return v;
    }
    int c0 = tc * s.tileWidth();
    int r0 = tr * s.tileHeight();
    int cols = Math.min(s.tileWidth(), s.width() - c0);
    int rows = Math.min(s.tileHeight(), s.height() - r0);
    if (cols < s.tileWidth() || rows < s.tileHeight()) {
      Arrays.fill(values, s.nodata() != null ? s.nodata() : 0);
    }
    CellValues f = s.cells();
    for (int r = 0; r < rows; r++) {
      int i = r * s.tileWidth();
      for (int c = 0; c < cols; c++) {
        values[i + c] = f.at(c0 + c, r0 + r);
      }
    }
    return values;
  }

  /** Converts a tile's values to little-endian samples in {@link #raw}. */
  private void encode(double[] v) {
    int n = tileCells;
    switch (s.type()) {
      case FLOAT32 -> {
        for (int i = 0; i < n; i++) {
          FLOAT.set(raw, i << 2, (float) v[i]);
        }
      }
      case FLOAT64 -> {
        for (int i = 0; i < n; i++) {
          DOUBLE.set(raw, i << 3, v[i]);
        }
      }
      case UINT8, INT8 -> {
        for (int i = 0; i < n; i++) {
          raw[i] = (byte) integer(v[i], i);
        }
      }
      case UINT16, INT16 -> {
        for (int i = 0; i < n; i++) {
          SHORT.set(raw, i << 1, (short) integer(v[i], i));
        }
      }
      case UINT32, INT32 -> {
        for (int i = 0; i < n; i++) {
          INT.set(raw, i << 2, (int) integer(v[i], i));
        }
      }
      case INT64, UINT64 -> {
        for (int i = 0; i < n; i++) {
          LONG.set(raw, i << 3, integer(v[i], i));
        }
      }
    }
  }

  private long integer(double v, int index) {
    TiffSampleType type = s.type();
    if (!(v >= type.min() - 0.5 && v < type.max() + 0.5)) {
      throw new IllegalArgumentException(
          "value " + v + " (tile cell " + index + ") does not fit " + type);
    }
    // A UINT64 at or above 2^63 is stored as the signed long with the same bits.
    return v >= 0x1p63 ? (long) (v - 0x1p64) : (long) Math.rint(v);
  }

  /**
   * @return the number of bytes of {@code samples} deflated into {@link #compressed}
   */
  private int deflate(byte[] samples) {
    deflater.reset();
    deflater.setInput(samples);
    deflater.finish();
    if (compressed.length < samples.length / 4 + 64) {
      compressed = new byte[samples.length / 4 + 64];
    }
    int length = 0;
    while (!deflater.finished()) {
      if (length == compressed.length) {
        compressed = Arrays.copyOf(compressed, compressed.length * 2);
      }
      length += deflater.deflate(compressed, length, compressed.length - length);
    }
    return length;
  }
}
