package dev.terrace.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * An engine shuts down the executor it made for itself when it closes, and leaves a caller's alone.
 */
class LifecycleTest {

  private static final ExtractRequest POINT =
      ExtractRequest.of(Point.of(6.13, 49.61), "lux:elevation");

  @Test
  void closingShutsTheEnginesOwnExecutorDown() throws Exception {
    Terrace terrace = Terrace.embedded();
    assertThat(terrace.async().extract(POINT).get().results().get(0).number()).hasValue(300.0);
    terrace.close();
    assertThatThrownBy(() -> terrace.async().extract(POINT))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void closingLeavesTheCallersExecutorRunning() throws Exception {
    try (ExecutorService mine = Executors.newVirtualThreadPerTaskExecutor()) {
      Engine terrace = Engine.open(Catalog.builtin(), Limits.defaults(), mine);
      terrace.close();
      assertThat(mine.isShutdown()).isFalse();
      assertThat(mine.submit(() -> 1).get()).isEqualTo(1);
    }
  }
}
