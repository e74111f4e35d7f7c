package dev.terrace.engine.internal.catalog;

import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.RasterSource;
import java.time.Instant;

/**
 * One readable slice of a dataset: the band of a raster that holds one timestamp, or the only slice
 * of a static dataset.
 *
 * @param time the timestamp, or null for a static dataset
 * @param raster the open raster
 * @param bandNumber the 1-based band to read
 * @param band what the band's values mean, with the catalog's nodata applied
 */
public record Layer(Instant time, RasterSource raster, int bandNumber, Band band) {}
