package dev.terrace.engine.internal.raster;

import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Where a raster's cells are: their number, their placement in the CRS, and the CRS. Holds no pixel
 * data.
 *
 * @param width number of columns
 * @param height number of rows
 * @param transform pixel space to CRS
 * @param crs the coordinate reference system of {@code transform}'s output
 */
public record Grid(
    int width, int height, AffineTransform transform, CoordinateReferenceSystem crs) {

  /** Metres per degree of latitude, and of longitude at the equator (WGS 84, mean). */
  private static final double METRES_PER_DEGREE = 111_320;

  /**
   * @throws IllegalArgumentException if a size is not positive
   */
  public Grid {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("grid size must be positive: " + width + " x " + height);
    }
  }

  /**
   * @return the window covering the whole grid
   */
  public Window extent() {
    return new Window(0, 0, width, height);
  }

  /**
   * @param window a window
   * @return whether the window lies entirely inside the grid
   */
  public boolean contains(Window window) {
    return window.endCol() <= width && window.endRow() <= height;
  }

  /**
   * The cell size along each axis in CRS units: the length of a column step and of a row step, so
   * rotated grids report their true spacing.
   *
   * @return {@code {columnSpacing, rowSpacing}}
   */
  public double[] resolution() {
    return new double[] {
      Math.hypot(transform.dxCol(), transform.dyCol()),
      Math.hypot(transform.dxRow(), transform.dyRow())
    };
  }

  /**
   * The cell size in metres, the mean of the column and row spacings: projected CRSs convert their
   * linear unit; on a longitude/latitude grid a degree of longitude shrinks with the cosine of the
   * latitude, taken at the given place.
   *
   * @param col fractional column where the size matters
   * @param row fractional row where the size matters
   * @return the cell size in metres
   */
  public double resolutionMetres(double col, double row) {
    double[] res = resolution();
    if (crs == null || crs.isGeographic()) {
      double lat = Math.max(-89.9, Math.min(89.9, transform.y(col, row)));
      return (res[0] * METRES_PER_DEGREE * Math.cos(Math.toRadians(lat))
              + res[1] * METRES_PER_DEGREE)
          / 2;
    }
    return (res[0] + res[1]) / 2 / crs.getProjection().getFromMetres();
  }

  /**
   * @return the CRS as {@code EPSG:code} when it has one, else its PROJ definition; EPSG:4326 when
   *     unknown
   */
  public String crsName() {
    if (crs == null) {
      return "EPSG:4326";
    }
    String name = crs.getName();
    return name != null && name.regionMatches(true, 0, "EPSG:", 0, 5)
        ? name
        : crs.getParameterString().trim();
  }

  /**
   * @param other another grid
   * @return whether both have the same cells: size, geotransform and CRS (by name), whichever
   *     objects hold them
   */
  public boolean sameCells(Grid other) {
    return this == other
        || width == other.width
            && height == other.height
            && transform.equals(other.transform)
            && crsName().equals(other.crsName());
  }
}
