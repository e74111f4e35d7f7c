package dev.terrace.engine.internal.netcdf;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

/**
 * Unpacked blocks of every open netCDF variable, bounded in bytes: an eighth of the maximum heap,
 * at most 256 MiB. Readers that want the same block at the same time share one read: the first one
 * loads it on its own thread while the others wait for its result.
 */
final class BlockCache {

  private static final long MAX_BYTES = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);

  private static final AsyncCache<Key, Object> CACHE =
      Caffeine.newBuilder()
          .maximumWeight(MAX_BYTES)
          .weigher((Key k, Object v) -> weight(v))
          .executor(Runnable::run)
          .buildAsync();

  private BlockCache() {}

  /** A block of one open variable. */
  record Key(long source, int block) {}

  /**
   * @param source the identity of the open variable
   * @param block the block's index
   * @param loader reads the block when it is not cached; its exceptions reach every waiting caller
   * @return the block: a {@code float[]} or {@code double[]}
   */
  static Object get(long source, int block, IntFunction<Object> loader) {
    Key key = new Key(source, block);
    CompletableFuture<Object> prior = CACHE.getIfPresent(key);
    CompletableFuture<Object> mine = null;
    if (prior == null) {
      mine = new CompletableFuture<>();
      prior = CACHE.asMap().putIfAbsent(key, mine);
    }
    if (prior == null) {
      try {
        mine.complete(loader.apply(block));
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
      }
    }
    try {
      return (prior == null ? mine : prior).join();
    } catch (CompletionException e) {
      // Caffeine drops the failed entry, so a later call tries again.
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Drops the blocks of a closed variable. */
  static void invalidate(long source) {
    CACHE.asMap().keySet().removeIf(k -> k.source() == source);
  }

  private static int weight(Object block) {
    long bytes =
        switch (block) {
          case float[] f -> 4L * f.length;
          case double[] d -> 8L * d.length;
          default -> 0;
        };
    return (int) Math.min(Integer.MAX_VALUE, bytes + 64);
  }
}
