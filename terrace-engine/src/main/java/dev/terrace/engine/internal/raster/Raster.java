package dev.terrace.engine.internal.raster;

import java.util.Objects;

/**
 * The stored values of one band over a window, in row-major order, in the band's own type: nothing
 * is widened, rescaled or masked, so values compare bit for bit with what GDAL returns.
 *
 * <p>The backing array is one of {@code byte[]} (UINT8, INT8), {@code short[]} (UINT16, INT16),
 * {@code int[]} (UINT32, INT32), {@code long[]} (INT64, UINT64), {@code float[]} or {@code
 * double[]}; unsigned types are read back unsigned by {@link #get}. A double holds INT64 and UINT64
 * values exactly only up to 2^53 in magnitude: {@link #getLong} reads them exactly.
 */
public final class Raster {

  private final Window window;
  private final SampleType type;
  private final Object data;

  /**
   * @param window the cells covered
   * @param type the sample type
   * @param data the values, row-major, an array of the primitive type that stores {@code type}
   * @throws IllegalArgumentException if the array's type or length does not match
   */
  public Raster(Window window, SampleType type, Object data) {
    this.window = Objects.requireNonNull(window, "window");
    this.type = Objects.requireNonNull(type, "type");
    this.data = Objects.requireNonNull(data, "data");
    if (!Samples.storageClass(type).isInstance(data)) {
      throw new IllegalArgumentException(
          type
              + " is stored in a "
              + Samples.storageClass(type).getSimpleName()
              + ", not a "
              + data.getClass().getSimpleName());
    }
    if (java.lang.reflect.Array.getLength(data) != window.cells()) {
      throw new IllegalArgumentException(
          "a "
              + window.width()
              + " x "
              + window.height()
              + " window holds "
              + window.cells()
              + " values, not "
              + java.lang.reflect.Array.getLength(data));
    }
  }

  /**
   * @return the cells covered, in the source's pixel space
   */
  public Window window() {
    return window;
  }

  /**
   * @return the sample type
   */
  public SampleType type() {
    return type;
  }

  /**
   * @return number of columns
   */
  public int width() {
    return window.width();
  }

  /**
   * @return number of rows
   */
  public int height() {
    return window.height();
  }

  /**
   * @param col column within the window
   * @param row row within the window
   * @return the stored value: exactly, except INT64 and UINT64 values beyond 2^53 in magnitude,
   *     which are rounded to the nearest double
   */
  public double get(int col, int row) {
    return Samples.get(type, data, row * window.width() + col);
  }

  /**
   * @param index row-major index within the window
   * @return the stored value
   */
  public double get(int index) {
    return Samples.get(type, data, index);
  }

  /**
   * @param index row-major index within the window
   * @return the exact bits of an INT64 or UINT64 value (a UINT64 value above {@link Long#MAX_VALUE}
   *     as a negative long, to be read unsigned)
   * @throws IllegalStateException if the type is not INT64 or UINT64
   */
  public long getLong(int index) {
    if (!type.wideInteger()) {
      throw new IllegalStateException(type + " samples are not stored in longs; use get(index)");
    }
    return Samples.getLong(data, index);
  }

  /**
   * The backing array, for bulk processing without a call per cell. Do not modify it.
   *
   * @return the array described in the class documentation
   */
  public Object array() {
    return data;
  }

  /**
   * The values as bytes of the band's own type, row-major: the form GDAL's {@code
   * ReadAsArray().tobytes()} gives, for exports and checksums.
   *
   * @param order the byte order to write
   * @return a new array of {@code cells * type.bytes()} bytes
   */
  public byte[] toBytes(java.nio.ByteOrder order) {
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate((int) window.cells() * type.bytes()).order(order);
    switch (data) {
      case byte[] a -> b.put(a);
      case short[] a -> b.asShortBuffer().put(a);
      case int[] a -> b.asIntBuffer().put(a);
      case long[] a -> b.asLongBuffer().put(a);
      case float[] a -> b.asFloatBuffer().put(a);
      case double[] a -> b.asDoubleBuffer().put(a);
      default -> throw new AssertionError(data.getClass());
    }
    return b.array();
  }

  /**
   * @return a copy of all values as doubles, row-major (INT64 and UINT64 beyond 2^53 rounded, as
   *     {@link #get})
   */
  public double[] toDoubles() {
    double[] out = new double[(int) window.cells()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Samples.get(type, data, i);
    }
    return out;
  }
}
