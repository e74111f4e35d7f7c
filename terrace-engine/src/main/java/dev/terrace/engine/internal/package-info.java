/**
 * The engine's workings, not a public API: {@link dev.terrace.engine.internal.Engine} answers every
 * door (the embedded {@code Terrace}, the service, the CLI); its sub-packages read catalogs and
 * rasters, cover geometries and compute statistics. Other Terrace modules use them; users call
 * {@code dev.terrace.engine.Terrace}.
 */
package dev.terrace.engine.internal;
