/**
 * Global grids of Cloud-Optimized GeoTIFFs ({@code cog_tiles} in a catalog), such as Copernicus DEM
 * GLO-30 or ESA WorldCover: a {@link dev.terrace.engine.internal.tiles.TileGrid} of square tiles
 * aligned on whole degrees from (−180°, −90°), a {@link
 * dev.terrace.engine.internal.tiles.UrlTemplate} naming each tile after its south-west corner, and
 * a {@link dev.terrace.engine.internal.tiles.TileSet} that opens tiles on demand and remembers
 * which do not exist.
 */
package dev.terrace.engine.internal.tiles;
