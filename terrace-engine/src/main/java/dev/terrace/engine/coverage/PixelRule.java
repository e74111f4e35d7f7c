package dev.terrace.engine.coverage;

/**
 * Which cells a polygon or a line counts, and with what weight. The engine's own rule; the wire enum that
 * requests carry is mapped onto this one. The constants describe polygons; for lines see {@link
 * LineCoverage}: the length of line in the cell (EXACT), the cells GDAL's rasterizer burns (CENTER), every
 * cell the line passes through (ALL_TOUCHED).
 */
public enum PixelRule {
  /**
   * The fraction of the cell's area inside the polygon, in [0, 1] (exactextract's semantics): holes
   * subtract, and a polygon smaller than a cell still covers it partly.
   */
  EXACT,
  /**
   * 1 if the cell centre {@code (col + 0.5, row + 0.5)} is inside the polygon, else 0 (GDAL rasterize's
   * default, rasterio.mask, rasterstats). A centre exactly on an edge follows GDAL's scanline convention:
   * a scanline counts an edge on {@code [ymin, ymax)}, and a run between crossings {@code x1 < x2} takes
   * the centres in {@code (x1, x2]}. Overlapping parts of a MultiPolygon count their union (GDAL burns them
   * part by part), while a hole still cuts its own polygon.
   */
  CENTER,
  /**
   * 1 if the polygon's interior intersects the cell, else 0 (GDAL {@code ALL_TOUCHED=TRUE}). Where an edge
   * runs exactly along a pixel edge GDAL's answer depends on its rounding; there this rule returns exactly
   * the cells with positive {@link #EXACT} coverage.
   */
  ALL_TOUCHED
}
