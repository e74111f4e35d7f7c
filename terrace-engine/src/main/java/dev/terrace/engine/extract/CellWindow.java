package dev.terrace.engine.extract;

import dev.terrace.engine.catalog.Layer;
import dev.terrace.engine.raster.Band;
import dev.terrace.engine.raster.SampleType;
import dev.terrace.engine.raster.Samples;
import dev.terrace.engine.raster.Window;
import java.lang.reflect.Array;

/**
 * One layer's cells over a window, read into arrays reused from window to window: the stored values and, when
 * the file masks cells (a per-dataset mask, an alpha band), the mask. A cell holds data unless it is nodata,
 * NaN or masked — GDAL's order, nodata first — and then has a physical value (scale and offset applied).
 */
final class CellWindow {

  private final Layer layer;
  private final Band band;
  private final SampleType type;
  private final boolean masked;
  private final boolean rescale;
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
    this.values = Samples.allocate(type, capacity);
    this.mask = masked ? new byte[capacity] : null;
  }

  /**
   * Reads a window; its cells are then indexed row-major from 0.
   *
   * @throws dev.terrace.engine.raster.RasterFormatException if the cells cannot be decoded
   * @throws dev.terrace.engine.raster.RasterIoException if the cells cannot be fetched
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
    double v = Samples.get(type, values, index);
    if (band.isNodata(v) || (masked && mask[index] == 0)) {
      return Double.NaN;
    }
    return rescale ? band.physical(v) : v;
  }
}
