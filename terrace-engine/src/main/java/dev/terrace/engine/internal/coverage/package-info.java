/**
 * Cell coverage of a polygon in pixel space under the three pixel rules ({@link
 * dev.terrace.api.PixelRule}), streamed in blocks of rows so that memory stays bounded by the
 * raster width times the block height plus the vertex count, however large the polygon.
 *
 * <p>Entry points: {@link dev.terrace.engine.internal.coverage.Coverage} for polygons, {@link
 * dev.terrace.engine.internal.coverage.LineCoverage} for lines (the cells a line passes through,
 * weighted by the length inside each under EXACT). Pixel space: x is the fractional column, y the
 * fractional row (growing downward); cell (row, col) is the square [col, col+1] x [row, row+1].
 */
package dev.terrace.engine.internal.coverage;
