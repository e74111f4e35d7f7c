/**
 * STAC items read as datasets ({@code protocol: stac} in a catalog). An {@link
 * dev.terrace.engine.internal.stacread.ItemSource} finds the items: {@link
 * dev.terrace.engine.internal.stacread.StacIndex} follows a static catalog's links once, on first
 * use, and {@link dev.terrace.engine.internal.stacread.StacSearch} asks a STAC API's Item Search
 * for each area and time range. Items ({@link dev.terrace.engine.internal.stacread.StacItem}) are
 * parsed by {@link dev.terrace.engine.internal.stacread.ItemParser} from documents {@link
 * dev.terrace.engine.internal.stacread.StacDocuments} fetches, their links checked by {@link
 * dev.terrace.engine.internal.stacread.LinkGuard}, and grouped by time in an {@link
 * dev.terrace.engine.internal.stacread.ItemIndex}, whose items of each timestamp are a {@link
 * dev.terrace.engine.internal.tiles.Mosaic} ({@link
 * dev.terrace.engine.internal.stacread.StacMosaic}).
 */
package dev.terrace.engine.internal.stacread;
