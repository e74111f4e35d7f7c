package dev.terrace.engine.internal.extract;

import dev.terrace.api.Cell;
import dev.terrace.engine.internal.crs.SameCrs;
import dev.terrace.engine.internal.raster.AffineTransform;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.UnreadableException;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Places cells back in the world, the way {@link PixelLocator} placed the geometry in the grid: a
 * cell's centre through the geotransform into the raster's CRS, then into the request's CRS. A grid
 * without a CRS is in WGS 84 degrees, as {@link PixelLocator} takes it; when both CRSs are the same
 * no transform runs, so centres stay exact.
 *
 * <p>Not thread-safe (proj4j transforms keep scratch state): one per read.
 */
final class CellCentres {

  private final AffineTransform transform;
  private final CoordinateTransform toRequest;
  private final ProjCoordinate in = new ProjCoordinate();
  private final ProjCoordinate out = new ProjCoordinate();

  /**
   * @param grid the grid the cells are in
   * @param requestCrs the CRS the request's coordinates are in
   */
  CellCentres(Grid grid, CoordinateReferenceSystem requestCrs) {
    this.transform = grid.transform();
    CoordinateReferenceSystem gridCrs = grid.crs() == null ? PixelLocator.wgs84() : grid.crs();
    this.toRequest =
        SameCrs.same(gridCrs, requestCrs)
            ? null
            : new CoordinateTransformFactory().createTransform(gridCrs, requestCrs);
  }

  /**
   * @param row the cell's row in the grid
   * @param col the cell's column
   * @param value the value it is read as
   * @param coverage its weight under the pixel rule
   * @return the cell with its centre in both CRSs
   * @throws UnreadableException if the centre lies outside the request CRS's domain, which fails
   *     the dataset's result as any unreadable geometry does
   */
  Cell cell(int row, int col, double value, double coverage) {
    double x = transform.x(col + 0.5, row + 0.5);
    double y = transform.y(col + 0.5, row + 0.5);
    if (toRequest == null) {
      return new Cell(row, col, value, coverage, x, y, x, y);
    }
    in.x = x;
    in.y = y;
    try {
      toRequest.transform(in, out);
    } catch (Proj4jException e) {
      throw outside(row, col, e);
    }
    if (!Double.isFinite(out.x) || !Double.isFinite(out.y)) {
      throw outside(row, col, null);
    }
    return new Cell(row, col, value, coverage, out.x, out.y, x, y);
  }

  private static UnreadableException outside(int row, int col, Proj4jException cause) {
    return new UnreadableException(
        "the centre of cell ("
            + row
            + ", "
            + col
            + ") has no coordinates in the"
            + " request's CRS",
        cause);
  }
}
