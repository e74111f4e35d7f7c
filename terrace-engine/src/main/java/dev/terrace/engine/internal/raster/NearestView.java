package dev.terrace.engine.internal.raster;

import java.util.Arrays;
import java.util.List;

/**
 * A raster seen on another grid: each cell of the target grid holds the source cell under its
 * centre, in whatever CRS each grid is. Cells whose centre falls outside the source are masked, so
 * that they read as holding no data even when the source declares no nodata value.
 *
 * <p>On a target grid that refines the source (each source cell split into whole numbers of target
 * cells, on the same lines) this replicates the source exactly; on any other grid it is a
 * nearest-neighbour resampling. The view owns nothing: closing it leaves the source open.
 */
public final class NearestView implements RasterSource {

  private final RasterSource source;
  private final Grid grid;

  /**
   * The last window's gather: a read asks for a window's values and then its mask, which need the
   * same one.
   */
  private volatile Gather last;

  /**
   * @param source the raster to read
   * @param grid the grid to present it on
   */
  public NearestView(RasterSource source, Grid grid) {
    this.source = source;
    this.grid = grid;
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public Grid grid() {
    return grid;
  }

  @Override
  public int bandCount() {
    return source.bandCount();
  }

  @Override
  public Band band(int band) {
    return source.band(band);
  }

  @Override
  public void readInto(Window window, int band, Object destination) {
    Gather g = gather(window);
    if (g.from == null) {
      return;
    }
    Object cells = Samples.allocate(source.band(band).type(), Math.toIntExact(g.from.cells()));
    source.readInto(g.from, band, cells);
    for (int i = 0; i < g.index.length; i++) {
      if (g.index[i] >= 0) {
        System.arraycopy(cells, g.index[i], destination, i, 1);
      }
    }
  }

  /** Every view masks: the cells beyond the source's edge, and what the source itself masks. */
  @Override
  public boolean hasMask(int band) {
    return true;
  }

  @Override
  public void readMask(Window window, int band, byte[] valid) {
    Gather g = gather(window);
    byte[] sourceMask = null;
    if (g.from != null && source.hasMask(band)) {
      sourceMask = new byte[Math.toIntExact(g.from.cells())];
      source.readMask(g.from, band, sourceMask);
    }
    for (int i = 0; i < g.index.length; i++) {
      int at = g.index[i];
      valid[i] = (byte) (at < 0 || sourceMask != null && sourceMask[at] == 0 ? 0 : 1);
    }
  }

  @Override
  public List<? extends RasterSource> overviews() {
    return List.of();
  }

  @Override
  public void close() {
    // The source belongs to whoever opened it.
  }

  /**
   * Which source cells a target window needs.
   *
   * @param window the target window
   * @param from the source window holding them all, or null when every centre falls outside the
   *     source
   * @param index for each target cell, row-major, its index in {@code from}, or -1 when outside the
   *     source
   */
  private record Gather(Window window, Window from, int[] index) {}

  private Gather gather(Window window) {
    Gather g = last;
    if (g == null || !g.window().equals(window)) {
      g = locate(window);
      last = g;
    }
    return g;
  }

  private Gather locate(Window window) {
    // One locator per call: proj4j transforms are not thread-safe, and a call covers a whole
    // window.
    PixelLocator locator =
        new PixelLocator(source.grid(), grid.crs() == null ? PixelLocator.wgs84() : grid.crs());
    AffineTransform t = grid.transform();
    int n = Math.toIntExact(window.cells());
    int[] cols = new int[n];
    int[] rows = new int[n];
    int minCol = Integer.MAX_VALUE;
    int minRow = Integer.MAX_VALUE;
    int maxCol = -1;
    int maxRow = -1;
    Grid s = source.grid();
    for (int r = 0, i = 0; r < window.height(); r++) {
      for (int c = 0; c < window.width(); c++, i++) {
        double col = window.col() + c + 0.5;
        double row = window.row() + r + 0.5;
        double[] p = locator.pixel(t.x(col, row), t.y(col, row));
        int sc = (int) Math.floor(p[0]);
        int sr = (int) Math.floor(p[1]);
        if (sc < 0
            || sr < 0
            || sc >= s.width()
            || sr >= s.height()
            || Double.isNaN(p[0])
            || Double.isNaN(p[1])) {
          cols[i] = -1;
          continue;
        }
        cols[i] = sc;
        rows[i] = sr;
        minCol = Math.min(minCol, sc);
        maxCol = Math.max(maxCol, sc);
        minRow = Math.min(minRow, sr);
        maxRow = Math.max(maxRow, sr);
      }
    }
    if (maxCol < 0) {
      int[] none = new int[n];
      Arrays.fill(none, -1);
      return new Gather(window, null, none);
    }
    Window from = Window.of(minCol, minRow, maxCol - minCol + 1, maxRow - minRow + 1);
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      index[i] = cols[i] < 0 ? -1 : (rows[i] - minRow) * from.width() + cols[i] - minCol;
    }
    return new Gather(window, from, index);
  }
}
