package dev.terrace.engine.internal.tiles;

import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.raster.RasterNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;

/**
 * The tiles of one tiled dataset, opened on first use ({@link OpenRasters}): over HTTP, or from
 * files for a local grid. A tile that does not exist (open ocean) holds no data, silently; the
 * memories of absent tiles are bounded by the grid itself (64 800 one-degree tiles).
 *
 * <p>As a {@link Mosaic}, tiles never overlap and cover the globe; a point goes first to the tile
 * {@link TileGrid#containing} names, then to the {@link TileGrid#neighbour} that owns its cell.
 *
 * <p>Thread-safe.
 */
public final class TileSet implements Mosaic<Tile>, AutoCloseable {

  private final UrlTemplate template;
  private final TileGrid grid;
  private final OpenRasters<Tile> tiles;

  /**
   * @param template names each tile
   * @param grid how the tiles cut the world
   * @param opener opens a tile's bytes from the name the template gives it; throws {@link
   *     RasterNotFoundException} for a tile that does not exist
   */
  public TileSet(UrlTemplate template, TileGrid grid, Function<String, ByteSource> opener) {
    this.template = template;
    this.grid = grid;
    this.tiles = new OpenRasters<>(tile -> opener.apply(template.format(tile)));
  }

  /**
   * @return how the tiles cut the world
   */
  public TileGrid grid() {
    return grid;
  }

  /**
   * @return the template naming the tiles
   */
  public UrlTemplate template() {
    return template;
  }

  /**
   * @param tile a tile of the grid
   * @return the tile's raster, or empty if the tile does not exist
   * @throws dev.terrace.engine.internal.raster.RasterIoException if it exists but cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it cannot be decoded
   */
  public Optional<GeoTiff> open(Tile tile) {
    return tiles.open(tile);
  }

  @Override
  public Optional<GeoTiff> open(Tile tile, Consumer<String> warnings) {
    return open(tile);
  }

  @Override
  public List<Tile> touching(Envelope lonLat) {
    return grid.touching(lonLat);
  }

  @Override
  public Optional<Tile> containing(double lon, double lat) {
    return Optional.of(grid.containing(lon, lat));
  }

  @Override
  public Optional<Tile> beside(Tile tile, double lon, double lat, int east, int north) {
    return grid.neighbour(tile, east, north);
  }

  @Override
  public List<Tile> overlapping(Tile tile) {
    return List.of();
  }

  @Override
  public boolean gapless() {
    return true;
  }

  /** Closes the tiles kept open; tiles asked for later are opened again. */
  @Override
  public void close() {
    tiles.close();
  }

  @Override
  public String toString() {
    return "TileSet[" + template + ", " + grid.size() + "°]";
  }
}
