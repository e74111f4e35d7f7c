package dev.terrace.engine.internal.geotiff;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Decoded blocks (tiles or strips) of every open GeoTIFF, bounded in bytes. Readers that want the
 * same block at the same time share one fetch and one decode: the first caller's load is visible to
 * the others as a pending entry.
 *
 * <p>One cache is {@link #shared() shared} by default so that many sources, and reopenings of the
 * same file, stay within one memory budget; entries are keyed by the source's identity, which
 * changes with the file's version.
 */
public final class TileCache {

  private static final long ENTRY_OVERHEAD = 64;

  /**
   * The shared cache's budget unless set: enough for the working set of zonal statistics over a
   * thousand polygons and of a hundred thousand points in input order (BENCHMARKS.md), whatever the
   * heap, so that a large heap does not turn into gigabytes of resident tiles.
   */
  private static final long DEFAULT_MAX_BYTES = 256L << 20;

  private static final ExecutorService FETCHERS = Executors.newVirtualThreadPerTaskExecutor();

  private static volatile TileCache shared;

  private final AsyncCache<BlockKey, Object> cache;
  private volatile long maxBytes;
  private final LongAdder decoded = new LongAdder();
  private final LongAdder requested = new LongAdder();
  private final Object claims = new Object();

  private TileCache(long maxBytes) {
    this.maxBytes = maxBytes;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((BlockKey k, Object v) -> (int) Math.min(Integer.MAX_VALUE, weight(v)))
            .executor(Runnable::run)
            .buildAsync();
  }

  /**
   * @param maxBytes the most decoded bytes to keep
   * @return a new, empty cache
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   */
  public static TileCache ofMaxBytes(long maxBytes) {
    return new TileCache(budget(maxBytes));
  }

  /**
   * The process-wide cache used when a source is opened without one: {@link #defaultMaxBytes()}
   * unless {@link #resize resized}.
   *
   * @return the shared cache
   */
  public static TileCache shared() {
    TileCache c = shared;
    if (c == null) {
      synchronized (TileCache.class) {
        c = shared;
        if (c == null) {
          c = new TileCache(defaultMaxBytes());
          shared = c;
        }
      }
    }
    return c;
  }

  /**
   * The shared cache's budget unless set: 256 MiB, or a quarter of the maximum heap if that is
   * less, so that the tiles leave room for the requests that read them.
   *
   * @return the budget in bytes
   */
  public static long defaultMaxBytes() {
    return Math.min(DEFAULT_MAX_BYTES, Runtime.getRuntime().maxMemory() / 4);
  }

  /**
   * @return the budget in bytes
   */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Changes the budget; a smaller one evicts the least useful blocks until the cache fits in it.
   *
   * @param maxBytes the most decoded bytes to keep
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   */
  public void resize(long maxBytes) {
    this.maxBytes = budget(maxBytes);
    cache.synchronous().policy().eviction().ifPresent(e -> e.setMaximum(maxBytes));
  }

  private static long budget(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maximum bytes must not be negative: " + maxBytes);
    }
    return maxBytes;
  }

  /**
   * @return how many blocks have been decoded through this cache since it was made
   */
  public long decodedBlocks() {
    return decoded.sum();
  }

  /**
   * The cache's counters now, for a service's health and metrics.
   *
   * @return blocks requested and decoded, and the bytes held against the budget
   */
  public CacheStats stats() {
    long bytes =
        cache.synchronous().policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    return new CacheStats(requested.sum(), decoded.sum(), bytes, maxBytes);
  }

  /** Drops every entry, for benchmarks that measure cold reads. */
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

  /**
   * Returns the blocks for {@code keys}, loading the missing ones together with {@code loader},
   * which gets the keys no one else is already loading and returns their decoded blocks.
   *
   * <p>Claiming keys takes a short lock so that readers arriving together do not split one window's
   * tiles between them (which would fetch the gaps between tiles twice); the fetch itself runs on a
   * virtual thread outside the lock, so reads of different windows still proceed in parallel.
   */
  Map<BlockKey, Object> getAll(
      Collection<BlockKey> keys,
      Function<Set<? extends BlockKey>, CompletableFuture<Map<BlockKey, Object>>> loader) {
    CompletableFuture<Map<BlockKey, Object>> pending;
    requested.add(keys.size());
    synchronized (claims) {
      pending =
          cache.getAll(
              keys, (Set<? extends BlockKey> missing, Executor executor) -> load(missing, loader));
    }
    try {
      return pending.join();
    } catch (CompletionException | CancellationException e) {
      Throwable cause = e;
      while ((cause instanceof CompletionException || cause instanceof LoadFailure)
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw cause instanceof RuntimeException r ? r : e;
    }
  }

  private CompletableFuture<Map<BlockKey, Object>> load(
      Set<? extends BlockKey> missing,
      Function<Set<? extends BlockKey>, CompletableFuture<Map<BlockKey, Object>>> loader) {
    CompletableFuture<Map<BlockKey, Object>> result = new CompletableFuture<>();
    CompletableFuture.supplyAsync(() -> loader.apply(missing), FETCHERS)
        .thenCompose(loaded -> loaded)
        .whenComplete(
            (blocks, error) -> {
              if (error == null) {
                decoded.add(blocks.size());
                result.complete(blocks);
              } else {
                Throwable cause =
                    error instanceof CompletionException c && c.getCause() != null
                        ? c.getCause()
                        : error;
                result.completeExceptionally(new LoadFailure(cause));
              }
            });
    return result;
  }

  /**
   * Carries a failed load's cause through the cache. Caffeine logs every failed asynchronous load
   * as a warning with its stack trace, except cancellations; a corrupt tile or an unreachable
   * server is an expected outcome that the caller reports itself, so failures travel as a
   * cancellation and are unwrapped in {@link #getAll}.
   */
  private static final class LoadFailure extends CancellationException {
    LoadFailure(Throwable cause) {
      super(cause.getMessage());
      initCause(cause);
    }
  }

  private static long weight(Object block) {
    int n = Array.getLength(block);
    long bytes =
        switch (block) {
          case byte[] a -> n;
          case short[] a -> 2L * n;
          case int[] a -> 4L * n;
          case float[] a -> 4L * n;
          default -> 8L * n;
        };
    return bytes + ENTRY_OVERHEAD;
  }
}
