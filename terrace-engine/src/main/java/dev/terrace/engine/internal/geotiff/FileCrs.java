package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.AffineTransform;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * A file's CRS as proj4j can compute it, and how the file's coordinates map onto it. Mostly they
 * are the same; they differ where proj4j needs help: its longitude/latitude CRSs are always in
 * degrees (a geotransform in grads or radians is rescaled), and its equidistant cylindrical ignores
 * the latitude of true scale and of origin (those become a scale and shift of the coordinates).
 *
 * @param crs the CRS
 * @param fromFile the file's CRS coordinates to {@code crs}'s, as x' = x0 + dxCol x + dxRow y and
 *     y' = y0 + dyCol x + dyRow y
 */
record FileCrs(CoordinateReferenceSystem crs, AffineTransform fromFile) {

  private static final AffineTransform IDENTITY = new AffineTransform(0, 1, 0, 0, 0, 1);

  /**
   * @return a CRS whose coordinates are the file's
   */
  static FileCrs of(CoordinateReferenceSystem crs) {
    return new FileCrs(crs, IDENTITY);
  }

  /**
   * @param degreesPerUnit degrees per unit of the file's longitudes and latitudes (0.9 for grads)
   * @return a geographic CRS whose file coordinates are in that unit
   */
  static FileCrs inAngularUnit(CoordinateReferenceSystem crs, double degreesPerUnit) {
    return new FileCrs(crs, new AffineTransform(0, degreesPerUnit, 0, 0, 0, degreesPerUnit));
  }

  /**
   * @return a geotransform that maps pixels straight into {@link #crs()}
   */
  AffineTransform apply(AffineTransform geotransform) {
    if (fromFile.equals(IDENTITY)) {
      return geotransform;
    }
    AffineTransform a = fromFile;
    AffineTransform g = geotransform;
    return new AffineTransform(
        a.x0() + a.dxCol() * g.x0() + a.dxRow() * g.y0(),
        a.dxCol() * g.dxCol() + a.dxRow() * g.dyCol(),
        a.dxCol() * g.dxRow() + a.dxRow() * g.dyRow(),
        a.y0() + a.dyCol() * g.x0() + a.dyRow() * g.y0(),
        a.dyCol() * g.dxCol() + a.dyRow() * g.dyCol(),
        a.dyCol() * g.dxRow() + a.dyRow() * g.dyRow());
  }

  /**
   * Snaps a unit computed from radians (0.0174532925199433 rad) to the exact value it stands for.
   */
  static double snap(double degreesPerUnit) {
    for (double exact : new double[] {1, 0.9, 180 / Math.PI, 1.0 / 60, 1.0 / 3600}) {
      if (Math.abs(degreesPerUnit - exact) <= 1e-12 * exact) {
        return exact;
      }
    }
    return degreesPerUnit;
  }
}
