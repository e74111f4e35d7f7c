package dev.terrace.engine.internal.geotiff;

/**
 * Names one decoded block in the shared cache.
 *
 * @param source the byte source's identity (path or URL plus its version), so a changed file never
 *     hits stale blocks
 * @param ifd the image
 * @param block the block's index in the image's offsets arrays
 */
record BlockKey(String source, int ifd, int block) {}
