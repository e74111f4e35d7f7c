package dev.terrace.engine.internal.extract;

import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.geometry.RequestGeometry;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.UnreadableException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Counts, before any cell is read, the cells a request's geometries cover in the grids of its
 * datasets, so that work over the pixel budget is refused in milliseconds rather than after seconds
 * of reading. The count is the one reading spends, for the datasets whose grid is known without
 * waiting on a source; the others, and the timestamps of a series, are counted as they are read.
 */
final class UpFrontBudget {

  private UpFrontBudget() {}

  /**
   * @param crs the geometries' CRS
   * @return the cells counted, over every dataset whose grid is known
   * @throws dev.terrace.api.InvalidRequestException if the count is over the budget
   */
  static long check(
      List<RequestGeometry> geometries,
      List<CatalogDataset> datasets,
      CoordinateReferenceSystem crs,
      PixelBudget budget) {
    List<Grid> grids = new ArrayList<>();
    List<Integer> datasetsOnGrid = new ArrayList<>();
    List<String> firstOnGrid = new ArrayList<>();
    for (CatalogDataset d : datasets) {
      d.gridWithoutWaiting()
          .ifPresent(
              grid -> {
                int at = indexOf(grids, grid);
                if (at < 0) {
                  grids.add(grid);
                  datasetsOnGrid.add(1);
                  firstOnGrid.add(d.id());
                } else {
                  datasetsOnGrid.set(at, datasetsOnGrid.get(at) + 1);
                }
              });
    }
    long total = 0;
    long largest = -1;
    String largestId = null;
    for (int i = 0; i < grids.size(); i++) {
      PixelLocator locator;
      try {
        locator = new PixelLocator(grids.get(i), crs);
      } catch (RasterFormatException e) {
        continue;
      }
      long cells = 0;
      for (RequestGeometry g : geometries) {
        // A point reads a cell or four: not what a budget is for, and not worth projecting twice.
        if (g.kind() != RequestGeometry.Kind.POINTS) {
          cells += cells(locator, grids.get(i), g.geometry());
        }
      }
      total += cells * datasetsOnGrid.get(i);
      if (cells > largest) {
        largest = cells;
        largestId = firstOnGrid.get(i);
      }
    }
    budget.refuseOver(total, largestId, largest);
    return total;
  }

  private static int indexOf(List<Grid> grids, Grid grid) {
    for (int i = 0; i < grids.size(); i++) {
      if (grids.get(i).sameCells(grid)) {
        return i;
      }
    }
    return -1;
  }

  /** What reading spends for one geometry on one grid: see {@link DatasetExtraction}. */
  private static long cells(PixelLocator locator, Grid grid, Geometry geometry) {
    Geometry pixels = pixels(locator, geometry);
    return pixels == null ? 0 : PixelBudget.cells(pixels.getEnvelopeInternal(), grid);
  }

  /**
   * @return the geometry in the grid's pixel space, or null when it cannot be projected there
   *     (reading then fails that dataset, and counts nothing)
   */
  static Geometry pixels(PixelLocator locator, Geometry geometry) {
    try {
      return locator.toPixels(geometry);
    } catch (UnreadableException e) {
      return null;
    }
  }
}
