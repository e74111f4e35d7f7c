package dev.terrace.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Closing never waits on an open under way, as on a stalled source, and what that open yields is
 * closed.
 */
class OpenOnceTest {

  @Test
  void closeDoesNotWaitForAnOpenUnderWayWhichClosesWhatItOpens() throws Exception {
    CountDownLatch opening = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean resourceClosed = new AtomicBoolean();
    OpenOnce<AutoCloseable> once =
        new OpenOnce<>(
            () -> {
              opening.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return () -> resourceClosed.set(true);
            });
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<AutoCloseable> user = threads.submit(once::get);
      assertThat(opening.await(10, TimeUnit.SECONDS)).isTrue();

      threads.submit(once::close).get(5, TimeUnit.SECONDS);
      release.countDown();
      user.get(10, TimeUnit.SECONDS);
      assertThat(resourceClosed).isTrue();
    }
  }
}
