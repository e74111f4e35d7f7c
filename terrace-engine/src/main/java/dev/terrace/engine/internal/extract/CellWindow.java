package dev.terrace.engine.internal.extract;

import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.SampleType;
import dev.terrace.engine.internal.raster.Samples;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.engine.internal.stats.CellAccumulator;
import java.lang.reflect.Array;

/**
 * One layer's cells over a window, read into arrays reused from window to window: the stored values
 * and, when the file masks cells (a per-dataset mask, an alpha band), the mask. A cell holds data
 * unless it is nodata, NaN or masked — GDAL's order, nodata first — and then has a physical value
 * (scale and offset applied).
 *
 * <p>INT64 and UINT64 cells are compared with nodata by their bits, and when no scale or offset
 * applies they are {@linkplain #integers() exact integers}: {@link #addTo} hands them to the
 * accumulator as longs.
 */
final class CellWindow {

  private final Layer layer;
  private final Band band;
  private final SampleType type;
  private final boolean masked;
  private final boolean rescale;

  /** INT64 or UINT64: nodata compared by bits. */
  private final boolean wide;

  private final boolean unsigned;
  private Object values;
  private byte[] mask;

  /**
   * @param layer what to read
   * @param capacity the cells of the largest window expected; larger ones grow the arrays
   */
  CellWindow(Layer layer, int capacity) {
    this.layer = layer;
    this.band = layer.band();
    this.type = band.type();
    this.masked = layer.raster().hasMask(layer.bandNumber());
    this.rescale = band.scale() != 1 || band.offset() != 0;
    this.wide = type.wideInteger();
    this.unsigned = type == SampleType.UINT64;
    this.values = Samples.allocate(type, capacity);
    this.mask = masked ? new byte[capacity] : null;
  }

  /**
   * Reads a window; its cells are then indexed row-major from 0.
   *
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if the cells cannot be decoded
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the cells cannot be fetched
   */
  void read(Window window) {
    int cells = Math.toIntExact(window.cells());
    if (Array.getLength(values) < cells) {
      values = Samples.allocate(type, cells);
      mask = masked ? new byte[cells] : null;
    }
    layer.raster().readInto(window, layer.bandNumber(), values);
    if (masked) {
      layer.raster().readMask(window, layer.bandNumber(), mask);
    }
  }

  /**
   * @param index a cell of the last window read
   * @return the cell's physical value, or NaN when it holds no data
   */
  double value(int index) {
    if (wide) {
      return wideValue(index);
    }
    double v = Samples.get(type, values, index);
    if (band.isNodata(v) || (masked && mask[index] == 0)) {
      return Double.NaN;
    }
    return rescale ? band.physical(v) : v;
  }

  /** {@link #value} of a 64-bit integer cell: nodata by its bits, then the nearest double. */
  private double wideValue(int index) {
    if (!holdsData(index)) {
      return Double.NaN;
    }
    double v = Samples.get(type, values, index);
    return rescale ? band.physical(v) : v;
  }

  /**
   * @return whether the cells are 64-bit integers taken as they are stored (no scale or offset),
   *     which only {@link #addTo} passes on exactly
   */
  boolean integers() {
    return wide && !rescale;
  }

  /**
   * @param index a cell of the last window read
   * @return whether it holds data
   */
  boolean holdsData(int index) {
    if (wide) {
      return !band.isNodataBits(Samples.getLong(values, index)) && !(masked && mask[index] == 0);
    }
    return !Double.isNaN(value(index));
  }

  /**
   * Adds a cell that {@linkplain #holdsData holds data} to an accumulator: exactly when the cells
   * are {@linkplain #integers() integers}, else its physical value.
   */
  void addTo(CellAccumulator values, int index, double weight) {
    if (integers()) {
      values.add(Samples.getLong(this.values, index), unsigned, weight);
    } else {
      values.add(value(index), weight);
    }
  }
}
