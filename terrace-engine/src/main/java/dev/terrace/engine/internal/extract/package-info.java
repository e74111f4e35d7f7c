/**
 * Extraction: the {@code extract} and {@code extract.batch} operations ({@link
 * dev.terrace.engine.internal.extract.Extractor}) and one-call zonal statistics ({@link
 * dev.terrace.engine.internal.extract.Zonal}). A geometry is projected vertex by vertex into each
 * raster's pixel space, its cells found by the coverage sweep, and their values folded into
 * mergeable accumulators, block by block in bounded memory.
 */
package dev.terrace.engine.internal.extract;
