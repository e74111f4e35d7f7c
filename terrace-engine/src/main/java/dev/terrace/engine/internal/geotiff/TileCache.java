package dev.terrace.engine.internal.geotiff;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

  private volatile long maxBytes;
  private final LongAdder decoded = new LongAdder();
  private final LongAdder requested = new LongAdder();

  // Guarded by itself: the blocks held, least recently used first, their bytes, and the blocks
  // being loaded. Least recently used, not Caffeine's frequency-based admission: a tile-ordered
  // sweep reads each block in a short burst and never again, and Caffeine refused most blocks it
  // had
  // just decoded (the 1000 reference polygons decoded 1.7 times per block in 64 MiB, where this
  // decodes each once).
  private final LinkedHashMap<BlockKey, Object> held = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<BlockKey, CompletableFuture<Object>> loading = new HashMap<>();
  private long heldBytes;

  private TileCache(long maxBytes) {
    this.maxBytes = maxBytes;
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
    synchronized (held) {
      this.maxBytes = budget(maxBytes);
      evict();
    }
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
    long bytes;
    synchronized (held) {
      bytes = heldBytes;
    }
    return new CacheStats(requested.sum(), decoded.sum(), bytes, maxBytes);
  }

  /** Drops every entry, for benchmarks that measure cold reads. */
  public void invalidateAll() {
    synchronized (held) {
      held.clear();
      heldBytes = 0;
    }
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
    requested.add(keys.size());
    Map<BlockKey, Object> found = new HashMap<>();
    Map<BlockKey, CompletableFuture<Object>> pending = new HashMap<>();
    Set<BlockKey> mine = new LinkedHashSet<>();
    synchronized (held) {
      for (BlockKey k : keys) {
        Object block = held.get(k);
        if (block != null) {
          found.put(k, block);
        } else {
          pending.put(
              k,
              loading.computeIfAbsent(
                  k,
                  key -> {
                    mine.add(key);
                    return new CompletableFuture<>();
                  }));
        }
      }
    }
    if (!mine.isEmpty()) {
      load(mine, loader);
    }
    try {
      pending.forEach((k, block) -> found.put(k, block.join()));
    } catch (CompletionException | CancellationException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    return found;
  }

  /** Loads the keys this caller claimed, keeps what it decoded, and tells everyone waiting. */
  private void load(
      Set<BlockKey> mine,
      Function<Set<? extends BlockKey>, CompletableFuture<Map<BlockKey, Object>>> loader) {
    CompletableFuture.supplyAsync(() -> loader.apply(mine), FETCHERS)
        .thenCompose(loaded -> loaded)
        .whenComplete(
            (blocks, error) -> {
              Throwable cause =
                  error instanceof CompletionException c && c.getCause() != null
                      ? c.getCause()
                      : error;
              Map<BlockKey, CompletableFuture<Object>> told = new HashMap<>();
              synchronized (held) {
                for (BlockKey k : mine) {
                  told.put(k, loading.remove(k));
                  Object block = blocks == null ? null : blocks.get(k);
                  if (block != null) {
                    Object before = held.put(k, block);
                    heldBytes += weight(block) - (before == null ? 0 : weight(before));
                  }
                }
                evict();
              }
              if (blocks != null) {
                decoded.add(blocks.size());
              }
              told.forEach(
                  (k, waiting) -> {
                    Object block = blocks == null ? null : blocks.get(k);
                    if (block != null) {
                      waiting.complete(block);
                    } else {
                      waiting.completeExceptionally(
                          cause != null
                              ? cause
                              : new IllegalStateException("block " + k + " was not loaded"));
                    }
                  });
            });
  }

  /** Drops the least recently used blocks until what is held fits the budget; holds the lock. */
  private void evict() {
    for (var eldest = held.entrySet().iterator(); heldBytes > maxBytes && eldest.hasNext(); ) {
      heldBytes -= weight(eldest.next().getValue());
      eldest.remove();
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
