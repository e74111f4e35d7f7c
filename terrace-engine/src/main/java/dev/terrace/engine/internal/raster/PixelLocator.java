package dev.terrace.engine.internal.raster;

import dev.terrace.engine.internal.crs.ProjCrs;
import dev.terrace.engine.internal.crs.SameCrs;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Maps coordinates into a grid's pixel space: each point is projected from its CRS (WGS 84
 * longitude/latitude in RFC 7946 order unless told otherwise) into the grid's CRS, then through the
 * inverse geotransform, as GDAL's {@code gdallocationinfo -wgs84} does. Geometries are mapped
 * vertex by vertex, so their edges are straight lines in the grid's CRS, as GDAL, rasterio and
 * exactextract treat them. A grid without a CRS is taken to be in WGS 84 degrees. Coordinates
 * already in the grid's CRS (the same EPSG code or the same definition, see {@link SameCrs}) are
 * not transformed at all, so a point on a cell edge stays on it.
 *
 * <p>Not thread-safe (proj4j transforms keep scratch state): make one per thread; they are cheap.
 */
public final class PixelLocator {

  private static final CoordinateReferenceSystem WGS84 = ProjCrs.wgs84();

  private final Grid grid;
  private final AffineTransform inverse;
  private final CoordinateTransform toGrid;
  private final ProjCoordinate in = new ProjCoordinate();
  private final ProjCoordinate out = new ProjCoordinate();

  /**
   * @param grid the grid to locate cells in, for WGS 84 longitude/latitude input
   * @throws RasterFormatException if the grid's transform is not invertible
   */
  public PixelLocator(Grid grid) {
    this(grid, WGS84);
  }

  /**
   * @param grid the grid to locate cells in
   * @param from the CRS of the coordinates that will be given
   * @throws RasterFormatException if the grid's transform is not invertible
   * @throws UnreadableException if there is no transform from {@code from} to the grid's CRS
   */
  public PixelLocator(Grid grid, CoordinateReferenceSystem from) {
    this.grid = grid;
    this.inverse = grid.transform().inverse();
    CoordinateReferenceSystem to = grid.crs() == null ? WGS84 : grid.crs();
    try {
      this.toGrid =
          SameCrs.same(from, to)
              ? null
              : new CoordinateTransformFactory().createTransform(from, to);
    } catch (Proj4jException e) {
      throw new UnreadableException(e.getMessage(), e);
    }
  }

  /**
   * @return WGS 84 longitude/latitude, the default input CRS
   */
  public static CoordinateReferenceSystem wgs84() {
    return WGS84;
  }

  /**
   * @param lon x in the input CRS (longitude in degrees by default)
   * @param lat y in the input CRS (latitude in degrees by default)
   * @return {@code {col, row}} in fractional pixel coordinates; cell (c, r) covers [c, c+1) x [r,
   *     r+1)
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
   * @param geometry a geometry in the input CRS
   * @return a copy with every vertex in pixel space (x = fractional column, y = fractional row)
   * @throws UnreadableException if a vertex lies outside the domain of the grid's projection, or is
   *     mapped to infinity
   */
  public Geometry toPixels(Geometry geometry) {
    Geometry copy = geometry.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            double[] p;
            try {
              p = pixel(seq.getX(i), seq.getY(i));
            } catch (Proj4jException e) {
              throw new UnreadableException(e.getMessage(), e);
            }
            if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) {
              // Some projections answer infinity rather than fail outside their domain; no cell
              // holds it.
              throw new UnreadableException(
                  "("
                      + seq.getX(i)
                      + ", "
                      + seq.getY(i)
                      + ") has no finite coordinates in "
                      + grid.crsName());
            }
            seq.setOrdinate(i, 0, p[0]);
            seq.setOrdinate(i, 1, p[1]);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    copy.geometryChanged();
    return copy;
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
