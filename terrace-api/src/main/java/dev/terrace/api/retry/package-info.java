/**
 * Retrying over HTTP, shared by the SDK ({@code terrace-client}) and the engine's reader of remote
 * rasters ({@code terrace-engine}) so that the two agree: {@link dev.terrace.api.retry.RetryPolicy}
 * decides which answers are worth another attempt and how long to wait before it, reading {@code
 * Retry-After}; {@link dev.terrace.api.retry.Sleeper} does the waiting. Not part of the wire
 * contract; dependency-free and compiled for Java 17 like the rest of this module.
 */
@NullMarked
package dev.terrace.api.retry;

import org.jspecify.annotations.NullMarked;
