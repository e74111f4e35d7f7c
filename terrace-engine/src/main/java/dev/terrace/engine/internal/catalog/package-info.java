/**
 * The catalog: providers and datasets from a catalog file or the built-in samples ({@link
 * dev.terrace.engine.internal.catalog.Catalog}). Everything a file does not say is read from the
 * raster itself.
 */
package dev.terrace.engine.internal.catalog;
