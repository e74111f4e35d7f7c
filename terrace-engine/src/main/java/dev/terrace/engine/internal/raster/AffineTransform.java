package dev.terrace.engine.internal.raster;

/**
 * Maps pixel space (column, row; the top-left corner of the raster at 0, 0) to the raster's CRS:
 * {@code x = x0 + col * dxCol + row * dxRow}, {@code y = y0 + col * dyCol + row * dyRow}. The six
 * numbers are GDAL's geotransform in its order, so a north-up raster has {@code dxRow = dyCol = 0}
 * and {@code dyRow < 0}.
 *
 * @param x0 x of the top-left corner of cell (0, 0)
 * @param dxCol x step per column (the pixel width of a north-up raster)
 * @param dxRow x step per row (rotation; 0 when north-up)
 * @param y0 y of the top-left corner of cell (0, 0)
 * @param dyCol y step per column (rotation; 0 when north-up)
 * @param dyRow y step per row (negative for north-up rasters)
 */
public record AffineTransform(
    double x0, double dxCol, double dxRow, double y0, double dyCol, double dyRow) {

  /**
   * @param gt GDAL's six-element geotransform
   * @return the transform
   */
  public static AffineTransform ofGdal(double... gt) {
    if (gt.length != 6) {
      throw new IllegalArgumentException("a geotransform has 6 elements, got " + gt.length);
    }
    return new AffineTransform(gt[0], gt[1], gt[2], gt[3], gt[4], gt[5]);
  }

  /**
   * @return GDAL's six-element geotransform
   */
  public double[] toGdal() {
    return new double[] {x0, dxCol, dxRow, y0, dyCol, dyRow};
  }

  /**
   * @param col fractional column
   * @param row fractional row
   * @return x in the raster's CRS
   */
  public double x(double col, double row) {
    return x0 + col * dxCol + row * dxRow;
  }

  /**
   * @param col fractional column
   * @param row fractional row
   * @return y in the raster's CRS
   */
  public double y(double col, double row) {
    return y0 + col * dyCol + row * dyRow;
  }

  /**
   * @return the transform from the raster's CRS back to pixel space
   * @throws RasterFormatException if the transform is degenerate (determinant 0), as a file's may
   *     be
   */
  public AffineTransform inverse() {
    double det = dxCol * dyRow - dxRow * dyCol;
    if (det == 0 || !Double.isFinite(det)) {
      throw new RasterFormatException("geotransform is not invertible: " + this);
    }
    double ia = dyRow / det;
    double ib = -dxRow / det;
    double id = -dyCol / det;
    double ie = dxCol / det;
    return new AffineTransform(-x0 * ia - y0 * ib, ia, ib, -x0 * id - y0 * ie, id, ie);
  }

  /**
   * The same georeferencing for a grid whose cells are {@code factorCol} by {@code factorRow} times
   * larger, as an overview is.
   *
   * @param factorCol how many full-resolution columns one column spans
   * @param factorRow how many full-resolution rows one row spans
   * @return the scaled transform
   */
  public AffineTransform scaled(double factorCol, double factorRow) {
    return new AffineTransform(
        x0, dxCol * factorCol, dxRow * factorRow, y0, dyCol * factorCol, dyRow * factorRow);
  }

  /**
   * @return whether the grid is aligned with the CRS axes (no rotation or shear)
   */
  public boolean northUp() {
    return dxRow == 0 && dyCol == 0;
  }
}
