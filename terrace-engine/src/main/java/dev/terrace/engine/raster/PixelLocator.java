package dev.terrace.engine.raster;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Finds the cell under a longitude/latitude (WGS 84, RFC 7946 order): the point is projected into the
 * grid's CRS, then mapped to pixel space by the inverse geotransform, as GDAL's {@code gdallocationinfo
 * -wgs84} does. A grid without a CRS is taken to be in WGS 84 degrees.
 *
 * <p>Not thread-safe (proj4j transforms keep scratch state): make one per thread; they are cheap.
 */
public final class PixelLocator {

  private static final CoordinateReferenceSystem WGS84 = new CRSFactory().createFromName("EPSG:4326");

  private final Grid grid;
  private final AffineTransform inverse;
  private final CoordinateTransform toGrid;
  private final ProjCoordinate in = new ProjCoordinate();
  private final ProjCoordinate out = new ProjCoordinate();

  /**
   * @param grid the grid to locate cells in
   * @throws IllegalStateException if the grid's transform is not invertible
   */
  public PixelLocator(Grid grid) {
    this.grid = grid;
    this.inverse = grid.transform().inverse();
    CoordinateReferenceSystem crs = grid.crs();
    this.toGrid = crs == null || isWgs84LonLat(crs) ? null : new CoordinateTransformFactory().createTransform(WGS84, crs);
  }

  private static boolean isWgs84LonLat(CoordinateReferenceSystem crs) {
    return crs.getProjection() != null && crs.isGeographic() && crs.getDatum().isEqual(WGS84.getDatum());
  }

  /**
   * @param lon longitude in degrees
   * @param lat latitude in degrees
   * @return {@code {col, row}} in fractional pixel coordinates; cell (c, r) covers [c, c+1) x [r, r+1)
   */
  public double[] pixel(double lon, double lat) {
    double x = lon;
    double y = lat;
    if (toGrid != null) {
      in.x = lon;
      in.y = lat;
      toGrid.transform(in, out);
      x = out.x;
      y = out.y;
    }
    return new double[] {inverse.x(x, y), inverse.y(x, y)};
  }

  /**
   * @param lon longitude in degrees
   * @param lat latitude in degrees
   * @return the cell containing the point, or null when it falls outside the grid
   */
  public Window cell(double lon, double lat) {
    double[] p = pixel(lon, lat);
    double col = Math.floor(p[0]);
    double row = Math.floor(p[1]);
    if (!(col >= 0 && row >= 0 && col < grid.width() && row < grid.height())) {
      return null;
    }
    return new Window((int) col, (int) row, 1, 1);
  }
}
