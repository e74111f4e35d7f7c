/**
 * The Terrace engine: raster I/O, coverage, statistics and extraction. {@link
 * dev.terrace.engine.TerraceEngineException} is the root of everything it throws.
 */
package dev.terrace.engine;
