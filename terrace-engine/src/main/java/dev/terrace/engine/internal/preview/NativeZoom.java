package dev.terrace.engine.internal.preview;

import dev.terrace.api.BoundingBox;
import dev.terrace.api.Dataset;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.raster.Grid;

/** The zoom at which Web Mercator pixels become as small as a dataset's cells. */
final class NativeZoom {

  /** Ground metres of a zoom-0 pixel at the equator: 2π × 6378137 / 256. */
  private static final double ZOOM_0_METRES = 2 * TileAddress.HALF_WORLD / TileAddress.SIZE;

  /** Where a dataset's resolution is unknown (a global grid of tiles without one). */
  private static final int UNKNOWN = 18;

  private NativeZoom() {}

  static int of(CatalogDataset dataset, Dataset view) {
    BoundingBox box = view.bbox();
    double lat = box == null ? 0 : (box.minLat() + box.maxLat()) / 2;
    double metres;
    if (dataset.isMosaic()) {
      if (view.resolutionM() == null) {
        return UNKNOWN;
      }
      metres = view.resolutionM() * Math.cos(Math.toRadians(lat));
    } else {
      Grid grid = dataset.raster().grid();
      metres = grid.resolutionMetres(grid.width() / 2.0, grid.height() / 2.0);
    }
    double pixelsPerCell = ZOOM_0_METRES * Math.cos(Math.toRadians(lat)) / metres;
    int z = (int) Math.ceil(Math.log(pixelsPerCell) / Math.log(2) - 1e-9);
    return Math.clamp(z, 0, TileAddress.MAX_ZOOM);
  }
}
