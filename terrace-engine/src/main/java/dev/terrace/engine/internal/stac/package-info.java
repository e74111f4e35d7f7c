/**
 * The catalog as STAC sees it: each dataset a collection, each raster behind it an item ({@link
 * dev.terrace.engine.internal.stac.StacItems}), searched with STAC API Item Search's filters,
 * order, fields and pages ({@link dev.terrace.engine.internal.stac.CatalogSearch}).
 */
package dev.terrace.engine.internal.stac;
