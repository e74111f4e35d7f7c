/**
 * Static STAC catalogs read as datasets ({@code protocol: stac} in a catalog): {@link
 * dev.terrace.engine.internal.stacread.StacIndex} follows a catalog's links once, on first use, to
 * its items ({@link dev.terrace.engine.internal.stacread.StacItem}, parsed by {@link
 * dev.terrace.engine.internal.stacread.ItemParser} from documents {@link
 * dev.terrace.engine.internal.stacread.StacDocuments} fetches), and offers the items of each
 * timestamp as a {@link dev.terrace.engine.internal.tiles.Mosaic} ({@link
 * dev.terrace.engine.internal.stacread.StacMosaic}).
 */
package dev.terrace.engine.internal.stacread;
