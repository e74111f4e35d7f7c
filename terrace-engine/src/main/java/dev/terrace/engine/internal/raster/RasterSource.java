package dev.terrace.engine.internal.raster;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A raster that can be read window by window: the seam between file formats and everything that
 * computes with cells. Implementations are thread-safe.
 */
public interface RasterSource extends AutoCloseable {

  /**
   * @return the file or URL, for messages
   */
  String name();

  /**
   * @return where the cells are
   */
  Grid grid();

  /**
   * @return the number of bands, at least 1
   */
  int bandCount();

  /**
   * @param band 1-based band number
   * @return what the band's values mean
   * @throws IllegalArgumentException if there is no such band
   */
  Band band(int band);

  /**
   * The width of the unit the source reads and caches cells in, so that callers reading many
   * scattered cells can group them by block.
   *
   * @return the block width; the whole grid's width unless the format stores cells in smaller
   *     blocks
   */
  default int blockWidth() {
    return grid().width();
  }

  /**
   * @return the block height; the whole grid's height unless the format stores cells in smaller
   *     blocks
   * @see #blockWidth()
   */
  default int blockHeight() {
    return grid().height();
  }

  /**
   * The stored size of one block, as the file's index of blocks gives it, so that the cost of a
   * read can be known before reading: nothing is fetched or decoded.
   *
   * @param blockRow the block's row, counted in {@link #blockHeight()}s from the top
   * @param blockCol the block's column, counted in {@link #blockWidth()}s from the left
   * @param band 1-based band number
   * @return the block's stored (compressed) bytes, or empty when the format keeps no such index
   */
  default OptionalLong storedBlockBytes(int blockRow, int blockCol, int band) {
    return OptionalLong.empty();
  }

  /**
   * Reads one band over a window.
   *
   * @param window the cells, inside {@link #grid()}
   * @param band 1-based band number
   * @return the stored values
   * @throws IllegalArgumentException if the window is not inside the grid or there is no such band
   * @throws RasterFormatException if the stored bytes cannot be decoded
   * @throws RasterIoException if the bytes cannot be fetched
   */
  default Raster read(Window window, int band) {
    Object values = Samples.allocate(band(band).type(), Math.toIntExact(window.cells()));
    readInto(window, band, values);
    return new Raster(window, band(band).type(), values);
  }

  /**
   * Reads one band over a window into an array the caller owns, for loops that read many windows
   * without allocating for each.
   *
   * @param window the cells, inside {@link #grid()}
   * @param band 1-based band number
   * @param destination an array of the band's storage type ({@link Samples#storageClass}) with at
   *     least {@code window.cells()} elements; filled row-major from index 0
   * @throws IllegalArgumentException if the window is not inside the grid, there is no such band,
   *     or the destination has the wrong type or is too small
   * @throws RasterFormatException if the stored bytes cannot be decoded
   * @throws RasterIoException if the bytes cannot be fetched
   */
  void readInto(Window window, int band, Object destination);

  /**
   * Whether some cells of a band are masked beyond their nodata value: by a per-dataset mask or an
   * alpha band that the file declares. Such cells hold no data and never enter a statistic.
   *
   * @param band 1-based band number
   * @return whether {@link #readMask} has anything to say for this band
   * @throws IllegalArgumentException if there is no such band
   */
  default boolean hasMask(int band) {
    return false;
  }

  /**
   * Reads which cells of a band hold data by the file's masks; nodata values are not taken into
   * account.
   *
   * @param window the cells, inside {@link #grid()}
   * @param band 1-based band number with {@link #hasMask}
   * @param valid at least {@code window.cells()} bytes, filled row-major from index 0: 0 for a
   *     masked cell, anything else for a valid one
   * @throws IllegalArgumentException if the band has no mask or the window is not inside the grid
   * @throws RasterFormatException if the stored mask cannot be decoded
   * @throws RasterIoException if the mask's bytes cannot be fetched
   */
  default void readMask(Window window, int band, byte[] valid) {
    throw new IllegalArgumentException("band " + band + " of " + name() + " has no mask");
  }

  /**
   * The colours the file assigns to a palette band's values, as a GeoTIFF's colour map gives them.
   *
   * @return opaque ARGB colours indexed by stored value; empty when the raster has no palette
   */
  default Optional<int[]> colorTable() {
    return Optional.empty();
  }

  /**
   * What part of the raster cannot be read, for warnings: a file cut short, say. Such cells read as
   * masked.
   *
   * @return a message naming the file and what is lost, or empty when every cell can be read
   */
  default Optional<String> damage() {
    return Optional.empty();
  }

  /**
   * Reduced-resolution versions of this raster stored alongside it, finest first. They share this
   * source's bytes and cache and are closed with it.
   *
   * @return the overviews; empty if there are none or this is itself an overview
   */
  List<? extends RasterSource> overviews();

  /** Releases the underlying file or connection. */
  @Override
  void close();
}
