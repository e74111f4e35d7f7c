package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.ErrorType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  @Test
  void quickWorkRunsOnTheCallersThread() throws Exception {
    try (WorkQueue queue = new WorkQueue(2, 2, Duration.ofSeconds(5), Duration.ofMillis(250))) {
      Thread caller = Thread.currentThread();
      assertThat(queue.run(() -> Thread.currentThread() == caller, true)).isTrue();
      assertThat(queue.run(() -> Thread.currentThread() == caller, false)).isFalse();
    }
  }

  @Test
  void quickWorkPastTheDeadlineIsInterruptedAndAnswered504WithTheCallerLeftClean()
      throws Exception {
    try (WorkQueue queue = new WorkQueue(2, 2, Duration.ofMillis(50), Duration.ofMillis(250))) {
      assertThatThrownBy(
              () ->
                  queue.run(
                      () -> {
                        Thread.sleep(30_000);
                        return "never";
                      },
                      true))
          .isInstanceOfSatisfying(
              ProblemException.class, p -> assertThat(p.type()).isEqualTo(ErrorType.TIMEOUT));
      assertThat(Thread.currentThread().isInterrupted())
          .as("the watchdog's interrupt is cleared")
          .isFalse();
      assertThat(queue.run(() -> "next", true)).isEqualTo("next");
      assertThat(queue.inFlight()).isZero();
    }
  }
}
