/**
 * Zonal statistics as mergeable accumulators, exactextract's {@code RasterStats} in Java.
 *
 * <p>A {@link dev.terrace.engine.internal.stats.CellAccumulator} is built for the {@link
 * dev.terrace.engine.internal.stats.StatisticRequest}s of one extraction and is fed one cell at a
 * time: the cell's value and its weight (the coverage fraction under the {@code exact} rule, 1
 * under {@code center} and {@code all_touched}). Partial accumulators, one per tile or block,
 * {@linkplain dev.terrace.engine.internal.stats.CellAccumulator#merge merge} into the same answers
 * as one accumulator fed every cell. Each {@link dev.terrace.engine.internal.stats.Statistic}
 * declares what it needs (a variance, stored values, a value histogram) so that an accumulator
 * keeps only that.
 *
 * <p>Semantics follow the conventions of GDAL, rasterstats and exactextract that the reference
 * answers use: nodata and NaN never enter a statistic; {@code min} and {@code max} are unweighted
 * over cells with positive weight; {@code std} is the weighted population standard deviation; with
 * unit weights {@code median} and {@code percentile} are numpy's; {@code majority} and {@code
 * minority} break ties towards the smallest value.
 */
package dev.terrace.engine.internal.stats;
