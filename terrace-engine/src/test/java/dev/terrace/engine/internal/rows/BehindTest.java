package dev.terrace.engine.internal.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BehindTest {

  @Test
  void oneStepAtATimeRunsThemInOrder() throws IOException {
    List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
    try (Behind behind = new Behind("test")) {
      for (int i = 0; i < 50; i++) {
        int step = i;
        behind.submit(() -> ran.add(step));
      }
      behind.await();
    }
    assertThat(ran).hasSize(50).isSorted();
  }

  @Test
  void neverMoreStepsAtOnceThanAllowedAndEveryStepRuns() throws IOException {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    try (Behind behind = new Behind("test", 2)) {
      for (int i = 0; i < 40; i++) {
        behind.submit(
            () -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              try {
                Thread.sleep(2);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              running.decrementAndGet();
              done.incrementAndGet();
            });
      }
      behind.await();
    }
    assertThat(done).hasValue(40);
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void noStepsRunsEachOnTheCallersThreadAsSubmitted() throws IOException {
    List<Thread> ran = new ArrayList<>();
    try (Behind behind = new Behind("test", 0)) {
      behind.submit(() -> ran.add(Thread.currentThread()));
      assertThat(ran).containsExactly(Thread.currentThread());
      assertThatThrownBy(
              () ->
                  behind.submit(
                      () -> {
                        throw new IOException("disk full");
                      }))
          .isInstanceOf(IOException.class)
          .hasMessage("disk full");
      behind.await();
    }
  }

  @Test
  void whatAStepThrowsReachesTheCaller() throws IOException {
    try (Behind behind = new Behind("test", 2)) {
      behind.submit(
          () -> {
            throw new IOException("disk full");
          });
      assertThatThrownBy(behind::await).isInstanceOf(IOException.class).hasMessage("disk full");
      behind.submit(() -> {});
      behind.await();
    }
  }
}
