package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.engine.Terrace;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TileCacheTest {

  /** A 256 × 256 tile of 16-bit cells plus the cache's 64 bytes of bookkeeping per entry. */
  private static final long TILE_WEIGHT = 2 * 256 * 256 + 64;

  private static void read(TileCache cache, int from, int to) {
    for (int block = from; block < to; block++) {
      cache.getAll(
          List.of(new BlockKey("dem.tif", 0, block)),
          missing ->
              CompletableFuture.completedFuture(
                  missing.stream()
                      .collect(
                          Collectors.toMap(
                              Function.identity(), k -> (Object) new short[256 * 256]))));
    }
  }

  @Test
  void neverHoldsMoreThanItsBudget() {
    TileCache cache = TileCache.ofMaxBytes(10 * TILE_WEIGHT);

    read(cache, 0, 100);

    CacheStats stats = cache.stats();
    assertThat(stats.maxBytes()).isEqualTo(1_311_360L);
    assertThat(stats.decodes()).isEqualTo(100);
    assertThat(stats.bytes()).isPositive().isLessThanOrEqualTo(1_311_360L);
  }

  @Test
  void resizingDownEvictsUntilTheCacheFits() {
    TileCache cache = TileCache.ofMaxBytes(20 * TILE_WEIGHT);
    read(cache, 0, 20);
    assertThat(cache.stats().bytes()).isEqualTo(2_622_720L);

    cache.resize(4 * TILE_WEIGHT);

    assertThat(cache.maxBytes()).isEqualTo(524_544L);
    assertThat(cache.stats().bytes()).isLessThanOrEqualTo(524_544L);
    read(cache, 20, 40);
    assertThat(cache.stats().bytes()).isLessThanOrEqualTo(524_544L);
  }

  @Test
  void aNegativeBudgetIsRefused() {
    TileCache cache = TileCache.ofMaxBytes(1 << 20);

    assertThatThrownBy(() -> cache.resize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximum bytes must not be negative: -1");
    assertThat(cache.maxBytes()).isEqualTo(1 << 20);
  }

  @Test
  void theSharedBudgetIs256MiBOrAQuarterOfTheHeap() {
    long quarter = Runtime.getRuntime().maxMemory() / 4;

    assertThat(TileCache.defaultMaxBytes()).isEqualTo(Math.min(268_435_456L, quarter));
  }

  @Test
  void theEngineSetsTheSharedBudget() {
    long before = Terrace.tileCacheBytes();
    try {
      Terrace.setTileCacheBytes(64L << 20);

      assertThat(TileCache.shared().maxBytes()).isEqualTo(67_108_864L);
      assertThat(TileCache.shared().stats().maxBytes()).isEqualTo(67_108_864L);
    } finally {
      Terrace.setTileCacheBytes(before);
    }
  }
}
