/**
 * The root of the engine's own failures, {@link
 * dev.terrace.engine.internal.failure.TerraceEngineException}: a leaf, so that every package can
 * raise one without depending on another.
 */
package dev.terrace.engine.internal.failure;
