/**
 * The Terrace engine: raster I/O, coverage, statistics and extraction. A request it refuses raises the API's
 * {@link dev.terrace.api.InvalidRequestException} or {@link dev.terrace.api.NotFoundException}, as the SDK does for
 * the same refusal; a failure of its own is a {@link dev.terrace.engine.TerraceEngineException}, a
 * {@link dev.terrace.api.ServiceException}. Every one is a {@link dev.terrace.api.TerraceException}.
 */
package dev.terrace.engine;
