package dev.terrace.client;

import dev.terrace.api.retry.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * Records each wait between attempts and returns at once, so that retry tests run fast and see the
 * waits.
 */
final class RecordingSleeper implements Sleeper {

  final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration wait) {
    waits.add(wait);
  }

  @Override
  public CompletableFuture<Void> delay(Duration wait, Executor executor) {
    waits.add(wait);
    return CompletableFuture.runAsync(() -> {}, executor);
  }
}
