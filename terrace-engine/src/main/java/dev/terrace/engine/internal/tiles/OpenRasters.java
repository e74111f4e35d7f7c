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
 * The rasters of a mosaic, opened on first use. Opened rasters are kept (the most recently used
 * {@value #KEPT} of them) so that their headers are read once, and one that does not exist (HTTP
 * 404 or 410, no such file) is remembered as absent and never asked for again: those memories cost
 * a few bytes each and are bounded by the mosaic itself. Any other failure (a server error, a
 * timeout, bytes that are not a GeoTIFF) is thrown and not remembered, so the next request tries
 * again.
 *
 * <p>A raster dropped from the kept ones is not closed, since a reader may still be using it: an
 * HTTP source holds no connection between reads, and a file's channel is closed once it is
 * unreachable. {@link #close()} closes the rasters kept at the time.
 *
 * <p>Thread-safe: concurrent requests for a raster that is being opened wait for that one opening.
 *
 * @param <K> what names a raster
 */
public final class OpenRasters<K> implements AutoCloseable {

  /**
   * Rasters kept open; each holds its header (16 KiB for a remote COG), so this bounds memory to a
   * few MiB.
   */
  static final int KEPT = 512;

  private final Function<K, ByteSource> opener;
  private final AsyncCache<K, Optional<GeoTiff>> rasters =
      Caffeine.newBuilder()
          .maximumWeight(KEPT)
          .<K, Optional<GeoTiff>>weigher((key, opened) -> opened.isPresent() ? 1 : 0)
          .executor(Runnable::run)
          .buildAsync();

  /**
   * @param opener opens a raster's bytes; throws {@link RasterNotFoundException} for one that does
   *     not exist
   */
  public OpenRasters(Function<K, ByteSource> opener) {
    this.opener = opener;
  }

  /**
   * @param key names the raster
   * @return the raster, or empty if it does not exist
   * @throws dev.terrace.engine.internal.raster.RasterIoException if it exists but cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it cannot be decoded
   */
  public Optional<GeoTiff> open(K key) {
    CompletableFuture<Optional<GeoTiff>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<GeoTiff>> known = rasters.asMap().putIfAbsent(key, mine);
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
      Optional<GeoTiff> opened = load(key);
      mine.complete(opened);
      return opened;
    } catch (RuntimeException | Error e) {
      rasters.asMap().remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private Optional<GeoTiff> load(K key) {
    ByteSource bytes;
    try {
      bytes = opener.apply(key);
    } catch (RasterNotFoundException e) {
      return Optional.empty();
    }
    return Optional.of(GeoTiff.open(bytes, TileCache.shared()));
  }

  /** Closes the rasters kept open; rasters asked for later are opened again. */
  @Override
  public void close() {
    for (CompletableFuture<Optional<GeoTiff>> f : rasters.asMap().values()) {
      Optional<GeoTiff> opened =
          f.isDone() && !f.isCompletedExceptionally() ? f.join() : Optional.empty();
      opened.ifPresent(GeoTiff::close);
    }
    rasters.synchronous().invalidateAll();
  }
}
