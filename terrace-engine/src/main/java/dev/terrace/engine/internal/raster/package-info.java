/**
 * Rasters in the abstract: where cells are ({@link dev.terrace.engine.internal.raster.Grid}), how
 * to read them ({@link dev.terrace.engine.internal.raster.RasterSource}) and what comes back
 * ({@link dev.terrace.engine.internal.raster.Raster}).
 *
 * <h2>Terms</h2>
 *
 * <dl>
 *   <dt>cell (pixel)
 *   <dd>one rectangle of the grid; cell (col, row) covers pixel space [col, col+1) x [row, row+1),
 *       with (0, 0) the top-left corner of the raster.
 *   <dt>sample
 *   <dd>one number stored for one cell in one band.
 *   <dt>band
 *   <dd>one layer of samples over the whole grid; numbered from 1, as GDAL does.
 *   <dt>nodata
 *   <dd>a declared sample value meaning "no data here"; NaN always means the same.
 *   <dt>window
 *   <dd>a rectangle of whole cells, the unit of reading.
 *   <dt>block
 *   <dd>the unit a file stores: a tile, or a strip of full rows.
 *   <dt>overview
 *   <dd>a reduced-resolution copy of the raster stored in the same file.
 *   <dt>coverage fraction
 *   <dd>the share of a cell's area that a polygon covers, from 0 to 1.
 * </dl>
 *
 * <p>Failures: {@link dev.terrace.engine.internal.raster.RasterFormatException} when bytes cannot
 * be decoded, {@link dev.terrace.engine.internal.raster.RasterIoException} when they cannot be
 * fetched.
 */
package dev.terrace.engine.internal.raster;
