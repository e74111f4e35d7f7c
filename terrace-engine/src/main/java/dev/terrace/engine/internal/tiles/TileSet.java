package dev.terrace.engine.internal.tiles;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.raster.RasterNotFoundException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The tiles of one tiled dataset, opened on first use: over HTTP, or from files for a local grid.
 * Opened tiles are kept (the most recently used {@value #KEPT} of them) so that their headers are
 * read once, and a tile that does not exist (HTTP 404 or 410, no such file) is remembered as absent
 * and never asked for again: those memories cost a few bytes each and are bounded by the grid
 * itself (64 800 one-degree tiles). Any other failure (a server error, a timeout, bytes that are
 * not a GeoTIFF) is thrown and not remembered, so the next request tries again.
 *
 * <p>A tile dropped from the kept ones is not closed, since a reader may still be using it: an HTTP
 * source holds no connection between reads, and a file's channel is closed once it is unreachable.
 * {@link #close()} closes the tiles kept at the time.
 *
 * <p>Thread-safe: concurrent requests for a tile that is being opened wait for that one opening.
 */
public final class TileSet implements AutoCloseable {

  /**
   * Tiles kept open; each holds its header (16 KiB for a remote COG), so this bounds memory to a
   * few MiB.
   */
  static final int KEPT = 512;

  private final UrlTemplate template;
  private final TileGrid grid;
  private final Function<String, ByteSource> opener;
  private final AsyncCache<Tile, Optional<GeoTiff>> tiles =
      Caffeine.newBuilder()
          .maximumWeight(KEPT)
          .<Tile, Optional<GeoTiff>>weigher((tile, opened) -> opened.isPresent() ? 1 : 0)
          .executor(Runnable::run)
          .buildAsync();

  /**
   * @param template names each tile
   * @param grid how the tiles cut the world
   * @param opener opens a tile's bytes from the name the template gives it; throws {@link
   *     RasterNotFoundException} for a tile that does not exist
   */
  public TileSet(UrlTemplate template, TileGrid grid, Function<String, ByteSource> opener) {
    this.template = template;
    this.grid = grid;
    this.opener = opener;
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
    CompletableFuture<Optional<GeoTiff>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<GeoTiff>> known = tiles.asMap().putIfAbsent(tile, mine);
    if (known != null) {
      try {
        return known.join();
      } catch (CompletionException e) {
        // The opening this request waited for failed: the same failure, from the thread that tried.
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw (RuntimeException) e.getCause();
      }
    }
    try {
      Optional<GeoTiff> opened = load(tile);
      mine.complete(opened);
      return opened;
    } catch (RuntimeException | Error e) {
      tiles.asMap().remove(tile, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private Optional<GeoTiff> load(Tile tile) {
    ByteSource bytes;
    try {
      bytes = opener.apply(template.format(tile));
    } catch (RasterNotFoundException e) {
      return Optional.empty();
    }
    return Optional.of(GeoTiff.open(bytes, TileCache.shared()));
  }

  /** Closes the tiles kept open; tiles asked for later are opened again. */
  @Override
  public void close() {
    for (CompletableFuture<Optional<GeoTiff>> f : tiles.asMap().values()) {
      Optional<GeoTiff> opened =
          f.isDone() && !f.isCompletedExceptionally() ? f.join() : Optional.empty();
      opened.ifPresent(GeoTiff::close);
    }
    tiles.synchronous().invalidateAll();
  }

  @Override
  public String toString() {
    return "TileSet[" + template + ", " + grid.size() + "°]";
  }
}
