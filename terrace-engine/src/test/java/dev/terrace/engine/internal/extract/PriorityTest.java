package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.Job;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobStatus;
import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Work done for jobs runs below interactive requests: with every background permit taken, an
 * interactive extraction is answered at once while a job's extraction waits at the gate; while an
 * interactive request is in flight background items drop to all cores but one. What is asserted is
 * who runs and who waits, never how long anything takes; the waits on the gate's counts are bounded
 * only so that a broken gate fails the test rather than hangs it.
 */
class PriorityTest {

  /** gdallocationinfo -wgs84 elev_lux.tif 6.13 49.61 reads 300. */
  private static final Point POINT = Point.of(6.13, 49.61);

  private static final BackgroundGate GATE = Priority.GATE;

  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseTheGate() {
    release.countDown();
  }

  @Test
  void interactiveExtractionIsNotQueuedBehindAJobHoldingTheGate() throws Exception {
    try (Terrace terrace = Terrace.embedded()) {
      terrace.extract(ExtractRequest.of(POINT, "lux:elevation"));
      int idle = GATE.idleLimit();
      AtomicInteger started = new AtomicInteger();
      CompletableFuture<List<Integer>> holding = holdInBackground(idle + 1, started);
      await(() -> GATE.held() == idle && GATE.waiting() == 1);

      Job job =
          terrace
              .jobs()
              .create(
                  CreateJobRequest.of(
                      BatchExtractRequest.of(List.of(), "lux:elevation"),
                      List.of(new Feature(POINT, null))));
      // The job's worker reached its extraction and waits for a permit like the item queued above.
      await(() -> GATE.waiting() == 2);

      ExtractResponse answer = terrace.extract(ExtractRequest.of(POINT, "lux:elevation"));

      assertThat(answer.results().get(0).number()).hasValue(300.0);
      assertThat(started).hasValue(idle);
      assertThat(GATE.waiting()).isEqualTo(2);
      assertThat(terrace.jobs().get(job.id()).status()).isEqualTo(JobStatus.RUNNING);

      release.countDown();
      assertThat(holding.get(1, TimeUnit.MINUTES)).hasSize(idle + 1);
      await(() -> terrace.jobs().get(job.id()).status().isFinal());
      assertThat(terrace.jobs().get(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
      try (Stream<JobRow> rows = terrace.jobs().results(job.id())) {
        assertThat(rows.toList().get(0).results().get(0).number()).hasValue(300.0);
      }
    }
  }

  @Test
  void backgroundLeavesACoreWhileInteractiveWorkIsInFlight() throws Exception {
    int idle = GATE.idleLimit();
    int busy = GATE.busyLimit();
    assertThat(busy).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    AtomicInteger started = new AtomicInteger();
    CompletableFuture<List<Integer>> holding;
    try (Priority.Interactive inFlight = Priority.interactive()) {
      assertThat(inFlight).isEqualTo(Priority.Interactive.STARTED);
      holding = holdInBackground(idle + 1, started);
      // A task counts itself started just after it takes its permit: wait for both.
      await(
          () -> GATE.held() == busy && GATE.waiting() == idle + 1 - busy && started.get() == busy);
      assertThat(started).hasValue(busy);
    }
    // The interactive request ended: jobs have every core again.
    await(() -> GATE.held() == idle && started.get() >= idle);
    assertThat(started).hasValue(idle);
    release.countDown();
    assertThat(holding.get(1, TimeUnit.MINUTES)).hasSize(idle + 1);
    assertThat(GATE.held()).isZero();
  }

  @Test
  void nestedBackgroundMapsShareThePermitsWithoutHoldingThemWhileWaiting() throws Exception {
    int idle = GATE.idleLimit();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> outer = IntStream.range(0, 3 * idle + 1).boxed().toList();
    CompletableFuture<List<Integer>> sums =
        CompletableFuture.supplyAsync(
            () -> {
              List<List<Integer>> out = new java.util.ArrayList<>();
              Priority.background(
                  () ->
                      out.add(
                          Parallel.map(
                              outer,
                              outer.size(),
                              o ->
                                  Parallel.map(List.of(1, 2, 3), 3, i -> leaf(running, most) * i)
                                      .stream()
                                      .mapToInt(Integer::intValue)
                                      .sum())));
              return out.get(0);
            });
    assertThat(sums.get(1, TimeUnit.MINUTES)).hasSize(outer.size()).containsOnly(6);
    assertThat(most.get()).isBetween(1, idle);
    assertThat(GATE.held()).isZero();
  }

  @Test
  void interactiveWorkIsNeitherGatedNorMarkedInsideAJob() {
    assertThat(Priority.isBackground()).isFalse();
    Priority.background(
        () -> {
          assertThat(Priority.isBackground()).isTrue();
          try (Priority.Interactive none = Priority.interactive()) {
            assertThat(none).isEqualTo(Priority.Interactive.NONE);
            assertThat(GATE.interactive()).isZero();
          }
          // Threads the job's maps start carry the mark.
          assertThat(Parallel.map(List.of(1, 2), 2, i -> Priority.isBackground()))
              .containsOnly(true);
        });
    assertThat(Priority.isBackground()).isFalse();
    assertThat(Parallel.map(List.of(1, 2), 2, i -> Priority.isBackground())).containsOnly(false);
  }

  private static int leaf(AtomicInteger running, AtomicInteger most) {
    int now = running.incrementAndGet();
    most.accumulateAndGet(now, Math::max);
    Thread.onSpinWait();
    running.decrementAndGet();
    return 1;
  }

  /**
   * Background items, each of which counts itself started and blocks until {@link #release}: the
   * first ones take the gate's permits, the rest wait for one.
   */
  private CompletableFuture<List<Integer>> holdInBackground(int items, AtomicInteger started) {
    List<Integer> numbers = IntStream.range(0, items).boxed().toList();
    CompletableFuture<List<Integer>> done = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .start(
            () ->
                Priority.background(
                    () -> {
                      try {
                        done.complete(
                            Parallel.map(
                                numbers,
                                items,
                                i -> {
                                  started.incrementAndGet();
                                  try {
                                    release.await();
                                  } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                  }
                                  return i;
                                }));
                      } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                      }
                    }));
    return done;
  }

  /** Waits for a state of the gate the test has set up, failing after a minute. */
  private static void await(BooleanSupplier state) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!state.getAsBoolean()) {
      assertThat(System.nanoTime() - until)
          .as("the gate never reached the state awaited")
          .isNegative();
      Thread.sleep(5);
    }
  }
}
