/**
 * Terrace in-process: {@link dev.terrace.engine.Terrace}, the entry point users call. A request it
 * refuses raises the API's {@link dev.terrace.api.InvalidRequestException} or {@link
 * dev.terrace.api.NotFoundException}, as the SDK does for the same refusal; a failure of its own (a
 * catalog, raster or source that cannot be read) is a {@link dev.terrace.api.ServiceException}, as
 * the service's 5xx is. Every one is a {@link dev.terrace.api.TerraceException}. The engine's
 * workings live under {@code dev.terrace.engine.internal}.
 */
@NullMarked
package dev.terrace.engine;

import org.jspecify.annotations.NullMarked;
