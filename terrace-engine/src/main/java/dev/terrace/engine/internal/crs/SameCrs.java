package dev.terrace.engine.internal.crs;

import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Whether coordinates in one CRS are already coordinates in another, so that no transform is
 * applied between them. proj4j transforms even between equal CRSs, through longitude/latitude and
 * back; the round trip moves points by an ulp or more (much more with the old transverse Mercator
 * series), enough to put a point on a cell edge in the cell above it, or to shave area off a
 * polygon that covers whole cells.
 */
public final class SameCrs {

  private SameCrs() {}

  /**
   * @param a a CRS
   * @param b another
   * @return true if they are the same EPSG code, or the same definition (projection, its
   *     parameters, ellipsoid, datum shift, axes and unit), or two longitude/latitude CRSs on one
   *     datum and meridian
   */
  public static boolean same(CoordinateReferenceSystem a, CoordinateReferenceSystem b) {
    if (a == b) {
      return true;
    }
    if (sameCode(a.getName(), b.getName())) {
      return true;
    }
    if (a.equals(b)) {
      // proj4j's Datum.isEqual skips the ellipsoid; a projected CRS's projection compares it, this
      // covers both.
      return a.getDatum().getEllipsoid().isEqual(b.getDatum().getEllipsoid());
    }
    // Kept from before: two geographic CRSs on one datum are read as they come, so lon/lat rasters
    // stay exact.
    return a.isGeographic()
        && b.isGeographic()
        && a.getDatum().isEqual(b.getDatum())
        && a.getProjection().getPrimeMeridian().equals(b.getProjection().getPrimeMeridian());
  }

  private static boolean sameCode(String a, String b) {
    return a != null
        && b != null
        && a.regionMatches(true, 0, "EPSG:", 0, 5)
        && a.equalsIgnoreCase(b);
  }
}
