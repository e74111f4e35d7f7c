package dev.terrace.engine.raster;

import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Where a raster's cells are: their number, their placement in the CRS, and the CRS. Holds no pixel data.
 *
 * @param width number of columns
 * @param height number of rows
 * @param transform pixel space to CRS
 * @param crs the coordinate reference system of {@code transform}'s output
 */
public record Grid(int width, int height, AffineTransform transform, CoordinateReferenceSystem crs) {

  /**
   * @throws IllegalArgumentException if a size is not positive
   */
  public Grid {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("grid size must be positive: " + width + " x " + height);
    }
  }

  /** @return the window covering the whole grid */
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
   * The cell size along each axis in CRS units: the length of a column step and of a row step, so rotated
   * grids report their true spacing.
   *
   * @return {@code {columnSpacing, rowSpacing}}
   */
  public double[] resolution() {
    return new double[] {
      Math.hypot(transform.dxCol(), transform.dyCol()), Math.hypot(transform.dxRow(), transform.dyRow())
    };
  }
}
