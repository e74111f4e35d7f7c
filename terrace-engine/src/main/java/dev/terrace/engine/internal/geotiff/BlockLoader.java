package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.io.ByteRange;
import dev.terrace.engine.internal.io.ByteSource;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Loads the blocks of one image that a read found missing from the cache: fetches their bytes in
 * one {@link ByteSource#readAll} call (so a remote source can merge neighbours into one request),
 * then decodes them in parallel. Decoding is CPU work, so it runs on a pool sized to the cores
 * rather than on the caller's (possibly virtual) thread; a single block is decoded in place to save
 * the hand-off.
 */
final class BlockLoader {

  private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
  private static final ExecutorService DECODERS =
      new ForkJoinPool(PARALLELISM, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);

  private final ByteSource source;
  private final ImageLayout layout;
  private final ByteOrder order;
  private final SparseFill fill;

  BlockLoader(ByteSource source, ImageLayout layout, ByteOrder order, SparseFill fill) {
    this.source = source;
    this.layout = layout;
    this.order = order;
    this.fill = fill;
  }

  CompletableFuture<Map<BlockKey, Object>> load(Set<? extends BlockKey> missing) {
    List<BlockKey> keys = List.copyOf(missing);
    List<ByteRange> ranges = new ArrayList<>(keys.size());
    for (BlockKey key : keys) {
      // A lost block (past the end of a cut file) is not fetched: it decodes as a sparse one, and
      // its mask says
      // its cells are missing.
      int block = key.block();
      ranges.add(
          layout.lost(block)
              ? new ByteRange(0, 0)
              : new ByteRange(layout.offsets()[block], (int) layout.byteCounts()[block]));
    }
    List<byte[]> raw = readDistinct(ranges);
    if (keys.size() == 1) {
      return CompletableFuture.completedFuture(
          Map.of(keys.get(0), decode(keys.get(0), raw.get(0))));
    }
    if (layout.streamed()) {
      // Bands of a huge strip are large and each inflates the strip from its start: one at a time
      // bounds the
      // memory a read holds to one band, whatever the heap.
      Map<BlockKey, Object> out = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        out.put(keys.get(i), decode(keys.get(i), raw.get(i)));
      }
      return CompletableFuture.completedFuture(out);
    }
    List<CompletableFuture<Object>> decoded = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      BlockKey key = keys.get(i);
      byte[] bytes = raw.get(i);
      decoded.add(CompletableFuture.supplyAsync(() -> decode(key, bytes), DECODERS));
    }
    return CompletableFuture.allOf(decoded.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              Map<BlockKey, Object> out = new HashMap<>();
              for (int i = 0; i < keys.size(); i++) {
                out.put(keys.get(i), decoded.get(i).join());
              }
              return out;
            });
  }

  /**
   * Fetches each distinct range once: the bands of a streamed strip all decode from the same bytes.
   */
  private List<byte[]> readDistinct(List<ByteRange> ranges) {
    if (!layout.streamed()) {
      return source.readAll(ranges);
    }
    List<ByteRange> distinct = List.copyOf(new java.util.LinkedHashSet<>(ranges));
    List<byte[]> fetched = source.readAll(distinct);
    List<byte[]> out = new ArrayList<>(ranges.size());
    for (ByteRange r : ranges) {
      out.add(fetched.get(distinct.indexOf(r)));
    }
    return out;
  }

  /**
   * Runs {@code task} for 0 to {@code n - 1} on the calling thread and the decoding pool together,
   * and returns when all are done.
   */
  static void inParallel(int n, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    Runnable drain =
        () -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            task.accept(i);
          }
        };
    List<Future<?>> helpers = new ArrayList<>();
    for (int w = 1; w < Math.min(n, PARALLELISM); w++) {
      helpers.add(DECODERS.submit(drain));
    }
    drain.run();
    for (Future<?> helper : helpers) {
      try {
        helper.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while copying blocks");
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      }
    }
  }

  private Object decode(BlockKey key, byte[] bytes) {
    return BlockDecoder.decode(layout, key.block(), bytes, order, fill);
  }
}
