package dev.terrace.engine.internal.netcdf;

import dev.terrace.engine.internal.raster.SampleType;
import dev.terrace.engine.internal.raster.Window;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.GridCoverageResource;

/**
 * Reads one variable through SIS in blocks: a rectangle of cells (whole rows when they fit) for
 * every time step at once, unpacked and turned north-up, in an array laid out {@code
 * [time][row][col]}.
 *
 * <p>Every read covers the time steps from the first one on. SIS 1.6 reads a record variable (one
 * along the unlimited dimension, such as the time axis of bcsd_obs_1999.nc) at the wrong file
 * offsets when the time range starts after the first step or is subsampled, without an error; from
 * the first step it is right. A block of all time steps is also what a time series at a point
 * needs.
 */
final class BlockReader {

  /**
   * Target size of one block, all time steps together: small enough to cache many, large enough
   * that the fixed cost of a SIS read (about 2 ms) is paid rarely.
   */
  static final long BLOCK_BYTES = 2L << 20;

  private final GridCoverageResource resource;
  private final int[] sampleDimension;
  private final GridGeometry geometry;
  private final GridLayout layout;
  private final Unpacker unpacker;
  private final Object lock;
  private final int blockWidth;
  private final int blockHeight;
  private final int blocksAcross;

  /**
   * @param resource the SIS resource holding the variable
   * @param sampleDimension the variable's index among the resource's sample dimensions
   * @param geometry the resource's grid geometry
   * @param layout how its grid maps to ours
   * @param unpacker how its samples become values
   * @param lock held while SIS reads, so that one store serves one read at a time
   * @param blockBytes the target size of a block
   */
  BlockReader(
      GridCoverageResource resource,
      int sampleDimension,
      GridGeometry geometry,
      GridLayout layout,
      Unpacker unpacker,
      Object lock,
      long blockBytes) {
    this.resource = resource;
    this.sampleDimension = new int[] {sampleDimension};
    this.geometry = geometry;
    this.layout = layout;
    this.unpacker = unpacker;
    this.lock = lock;
    long perCell = (long) layout.bands() * unpacker.type().bytes();
    this.blockWidth = (int) Math.max(1, Math.min(layout.width(), blockBytes / perCell));
    this.blockHeight =
        (int) Math.max(1, Math.min(layout.height(), blockBytes / (perCell * blockWidth)));
    this.blocksAcross = (layout.width() + blockWidth - 1) / blockWidth;
  }

  /**
   * @return columns per block (fewer in the last block column)
   */
  int blockWidth() {
    return blockWidth;
  }

  /**
   * @return rows per block (fewer in the last block row)
   */
  int blockHeight() {
    return blockHeight;
  }

  /**
   * @return the number of blocks in one row of blocks
   */
  int blocksAcross() {
    return blocksAcross;
  }

  /**
   * @return the cells of a block, in our (north-up) pixel space
   */
  Window window(int block) {
    int col = (block % blocksAcross) * blockWidth;
    int row = (block / blocksAcross) * blockHeight;
    return new Window(
        col,
        row,
        Math.min(blockWidth, layout.width() - col),
        Math.min(blockHeight, layout.height() - row));
  }

  /**
   * @param block the block's index: row of blocks times {@link #blocksAcross()} plus column of
   *     blocks
   * @return a {@code float[]} or {@code double[]} (by the unpacker's type) laid out {@code
   *     [time][row][col]}
   * @throws DataStoreFailure if SIS cannot read the cells
   */
  Object read(int block) {
    Window w = window(block);
    int fileCol = layout.flipCols() ? layout.width() - w.endCol() : w.col();
    int fileRow = layout.flipRows() ? layout.height() - w.endRow() : w.row();
    int dims = layout.dimensions();
    long[] low = new long[dims];
    long[] high = new long[dims];
    low[0] = fileCol;
    high[0] = fileCol + w.width() - 1;
    low[1] = fileRow;
    high[1] = fileRow + w.height() - 1;
    int times = layout.bands();
    if (layout.timeDimension() >= 0) {
      high[layout.timeDimension()] = times - 1;
    }
    int cells = w.width() * w.height();
    boolean single = unpacker.type() == SampleType.FLOAT32;
    Object out = single ? new float[times * cells] : new double[times * cells];
    double[] raw = new double[cells];
    synchronized (lock) {
      try {
        GridExtent area = new GridExtent(null, low, high, true);
        GridCoverage coverage =
            resource
                .read(geometry.derive().subgrid(area).build(), sampleDimension)
                .forConvertedValues(false);
        for (int t = 0; t < times; t++) {
          if (layout.timeDimension() >= 0) {
            low[layout.timeDimension()] = t;
            high[layout.timeDimension()] = t;
          }
          RenderedImage image = coverage.render(new GridExtent(null, low, high, true));
          if (image.getWidth() != w.width() || image.getHeight() != w.height()) {
            throw new DataStoreFailure(
                "SIS returned "
                    + image.getWidth()
                    + " x "
                    + image.getHeight()
                    + " cells for a "
                    + w.width()
                    + " x "
                    + w.height()
                    + " request",
                null);
          }
          Raster data =
              image.getData(
                  new java.awt.Rectangle(image.getMinX(), image.getMinY(), w.width(), w.height()));
          data.getSamples(image.getMinX(), image.getMinY(), w.width(), w.height(), 0, raw);
          store(raw, w, out, t * cells, single);
        }
      } catch (DataStoreException e) {
        throw new DataStoreFailure(e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Reads the first cell, to learn how SIS stores the variable's raw samples.
   *
   * @return the {@link java.awt.image.DataBuffer} type of the samples
   * @throws DataStoreException if SIS cannot read the cell
   */
  static int rawDataType(
      GridCoverageResource resource, int sampleDimension, GridGeometry geometry, int dims)
      throws DataStoreException {
    GridExtent first = new GridExtent(null, new long[dims], new long[dims], true);
    GridCoverage coverage =
        resource
            .read(geometry.derive().subgrid(first).build(), sampleDimension)
            .forConvertedValues(false);
    return coverage.render(first).getSampleModel().getDataType();
  }

  /**
   * Unpacks one time step of a block into the output, turning the file's rows and columns north-up.
   */
  private void store(double[] raw, Window w, Object out, int base, boolean single) {
    int width = w.width();
    int height = w.height();
    for (int r = 0; r < height; r++) {
      int src = (layout.flipRows() ? height - 1 - r : r) * width;
      int dst = base + r * width;
      for (int c = 0; c < width; c++) {
        double v = unpacker.unpack(raw[src + (layout.flipCols() ? width - 1 - c : c)]);
        if (single) {
          ((float[]) out)[dst + c] = (float) v;
        } else {
          ((double[]) out)[dst + c] = v;
        }
      }
    }
  }

  /** A read SIS refused; the raster wraps it with the file's name. */
  static final class DataStoreFailure extends RuntimeException {
    DataStoreFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
