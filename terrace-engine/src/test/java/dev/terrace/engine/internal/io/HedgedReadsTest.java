package dev.terrace.engine.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.testkit.http.RangeServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hedged range reads against a loopback server that stalls the requests it is told to. */
@Timeout(20)
class HedgedReadsTest {

  private static final String PATH = "/hedged.bin";
  private static final int PREFETCH = 16_384;
  private static final int OFFSET = 400_000;
  private static final int LENGTH = 300_000;

  private RangeServer server;
  private byte[] data;

  @BeforeEach
  void start() {
    server = RangeServer.start();
    data = new byte[1 << 20];
    new Random(7).nextBytes(data);
    server.serve(PATH, data);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpByteSource open(boolean hedging) {
    return HttpByteSource.open(server.uri(PATH), HttpOptions.builder().hedging(hedging).build());
  }

  /**
   * Reads small ranges until the source has seen {@code answers} answers, the open one included.
   */
  private static void answer(HttpByteSource src, int answers) {
    for (int i = 1; i < answers; i++) {
      src.read(PREFETCH + i * 1000L, 1000);
    }
  }

  private byte[] expected() {
    return Arrays.copyOfRange(data, OFFSET, OFFSET + LENGTH);
  }

  @Test
  void aStalledRequestIsAnsweredByItsHedgeAndAborted() {
    long hedgesBefore = ReadTotals.now().httpHedges();
    try (HttpByteSource src = open(true)) {
      answer(src, LatencyWindow.MIN_SAMPLES);
      // Held until released: only the hedge can answer the read.
      server.holdUntilReleased(PATH, -1, 1);
      byte[] got = src.read(OFFSET, LENGTH);

      assertThat(got).isEqualTo(expected());
      HttpStats stats = src.stats();
      // One hedge answers; on a loaded machine that hedge may itself be late and replaced by a
      // second (aHedgeAsLateAsThePrimaryIsReplacedByAnother), never more, and never a retry.
      assertThat(stats.hedges()).isBetween(1L, 2L);
      assertThat((long) server.requests(PATH))
          .isEqualTo(LatencyWindow.MIN_SAMPLES + 1 + stats.hedges());
      assertThat(stats.retries()).isZero();
      assertThat(stats.requests()).isEqualTo(LatencyWindow.MIN_SAMPLES + 1 + stats.hedges());
      assertThat(ReadTotals.now().httpHedges() - hedgesBefore).isGreaterThanOrEqualTo(1);
      // The loser's first half came over the wire before the stall and is counted, since it was
      // received.
      assertThat(stats.bytesReceived())
          .isGreaterThanOrEqualTo(
              PREFETCH + (LatencyWindow.MIN_SAMPLES - 1) * 1000L + LENGTH + LENGTH / 2);
      assertLoserAborted(src, stats.bytesReceived());
    }
  }

  @Test
  void aHedgeAsLateAsThePrimaryIsReplacedByAnother() {
    try (HttpByteSource src = open(true)) {
      answer(src, LatencyWindow.MIN_SAMPLES);
      // The primary and the first hedge are held until the server closes; only the second hedge can
      // answer.
      server.holdUntilReleased(PATH, -1, 2);
      assertThat(src.read(OFFSET, LENGTH)).isEqualTo(expected());

      assertThat(server.requests(PATH)).isEqualTo(LatencyWindow.MIN_SAMPLES + 3);
      assertThat(src.stats().hedges()).isEqualTo(2);
      assertThat(src.stats().retries()).isZero();
    }
  }

  @Test
  void withHedgingOffAStalledRequestIsWaitedFor() throws Exception {
    try (HttpByteSource src = open(false)) {
      answer(src, LatencyWindow.MIN_SAMPLES);
      server.holdUntilReleased(PATH, -1, 1);
      CompletableFuture<byte[]> read =
          CompletableFuture.supplyAsync(() -> src.read(OFFSET, LENGTH));
      awaitEquals(
          LatencyWindow.MIN_SAMPLES + 1, () -> server.requests(PATH), Duration.ofSeconds(2));
      assertThat(read).as("read while its request is held").isNotDone();
      server.release(PATH);
      assertThat(read.get()).isEqualTo(expected());

      assertThat(server.requests(PATH)).isEqualTo(LatencyWindow.MIN_SAMPLES + 1);
      assertThat(src.stats().hedges()).isZero();
    }
  }

  @Test
  void nothingIsHedgedBeforeEnoughAnswersAreKnown() {
    try (HttpByteSource src = open(true)) {
      answer(src, LatencyWindow.MIN_SAMPLES - 1);
      server.stallFor(PATH, Duration.ofMillis(300), 1);
      assertThat(src.read(OFFSET, LENGTH)).isEqualTo(expected());

      assertThat(server.requests(PATH)).isEqualTo(LatencyWindow.MIN_SAMPLES);
      assertThat(src.stats().hedges()).isZero();
    }
  }

  @Test
  void aHedgeThatFindsTheFileChangedDoesNotWin() throws Exception {
    try (HttpByteSource src = open(true)) {
      answer(src, LatencyWindow.MIN_SAMPLES);
      server.stallFor(PATH, Duration.ofMillis(500), 1);
      // Replaced once the first request has been answered with the old headers and stalls mid-body:
      // the
      // hedge, sent with If-Match, is refused, and the old version's bytes arrive when the stall
      // ends.
      CompletableFuture<byte[]> read =
          CompletableFuture.supplyAsync(() -> src.read(OFFSET, LENGTH));
      awaitEquals(
          LatencyWindow.MIN_SAMPLES + 1, () -> server.requests(PATH), Duration.ofSeconds(2));
      byte[] next = data.clone();
      next[OFFSET] ^= 1;
      server.replace(PATH, next);

      assertThat(read.get()).isEqualTo(expected());
      assertThat(server.requests(PATH)).isEqualTo(LatencyWindow.MIN_SAMPLES + 2);
      assertThat(src.stats().hedges()).isEqualTo(1);
    }
  }

  @Test
  void anInterruptedReadAbortsTheRequestAndItsHedge() throws Exception {
    try (HttpByteSource src = open(true)) {
      answer(src, LatencyWindow.MIN_SAMPLES);
      // The primary and every hedge are held.
      server.holdUntilReleased(PATH, -1, 4);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread reader =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      src.read(OFFSET, LENGTH);
                    } catch (RasterIoException e) {
                      failure.set(e);
                    }
                  });
      awaitEquals(
          LatencyWindow.MIN_SAMPLES + 2, () -> server.requests(PATH), Duration.ofSeconds(2));
      reader.interrupt();
      reader.join(1000);

      assertThat(reader.isAlive()).isFalse();
      assertThat(failure.get())
          .isInstanceOf(RasterIoException.class)
          .hasMessageContaining("interrupted");
      assertThat(src.stats().hedges()).isBetween(1L, 3L);
      assertLoserAborted(src, src.stats().bytesReceived());
    }
  }

  @Test
  void latencyWindowHedgesAfterItsNinetyFifthPercentileAndNeverSooner() {
    LatencyWindow w = new LatencyWindow();
    for (int i = 1; i < LatencyWindow.MIN_SAMPLES; i++) {
      w.record(Duration.ofMillis(500).toNanos());
    }
    assertThat(w.hedgeAfterNanos()).isEqualTo(-1);
    for (int ms = 1; ms <= LatencyWindow.SIZE; ms++) {
      w.record(Duration.ofMillis(ms).toNanos());
    }
    // The window holds 1..128 ms; its 95th percentile is the 122nd value.
    assertThat(w.hedgeAfterNanos()).isEqualTo(Duration.ofMillis(122).toNanos());
    for (int i = 0; i < LatencyWindow.SIZE; i++) {
      w.record(Duration.ofMillis(2).toNanos());
    }
    assertThat(w.hedgeAfterNanos()).isEqualTo(LatencyWindow.FLOOR.toNanos());
  }

  /**
   * Releases the held responses and waits until the server is done with them: had an abandoned
   * exchange been left running, the rest of its body would have arrived and been counted.
   */
  private void assertLoserAborted(HttpByteSource src, long bytesReceived) {
    server.release(PATH);
    awaitEquals(server.requests(PATH), () -> server.responsesEnded(PATH), Duration.ofSeconds(5));
    assertThat(src.stats().bytesReceived()).isEqualTo(bytesReceived);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void awaitEquals(int expected, IntSupplier actual, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (actual.getAsInt() != expected && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(10));
    }
    assertThat(actual.getAsInt()).isEqualTo(expected);
  }
}
