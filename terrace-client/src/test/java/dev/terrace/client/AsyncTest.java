package dev.terrace.client;

import static dev.terrace.client.Fixtures.EXTRACT_RESPONSE;
import static dev.terrace.client.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.ErrorType;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.geojson.Point;
import dev.terrace.client.ScriptedServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AsyncTest {

  private static final ExtractRequest REQUEST =
      ExtractRequest.of(Point.of(6.13, 49.61), "lux:elevation");

  @Test
  void aFailedCallCompletesWithTheSameExceptionUnwrapped() throws Exception {
    try (ScriptedServer server = new ScriptedServer();
        TerraceAsyncClient client = Fixtures.asyncClient(server, new RecordingSleeper()).build()) {
      server.enqueue(
          Reply.problem(404, problem(ErrorType.NOT_FOUND, "No dataset 'x:y'", "req_n")),
          Reply.problem(404, problem(ErrorType.NOT_FOUND, "No dataset 'x:y'", "req_n")));
      AtomicReference<Throwable> seen = new AtomicReference<>();

      CompletableFuture<?> handled =
          client
              .dataset("x:y")
              .handle(
                  (d, e) -> {
                    seen.set(e);
                    return null;
                  });
      handled.get();

      assertThat(seen.get())
          .isInstanceOf(NotFoundException.class)
          .hasMessage("HTTP 404 Not found: No dataset 'x:y' (request id req_n)");
      assertThatThrownBy(() -> client.dataset("x:y").join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void retriesWaitWithoutBlockingAndShareTheBlockingClientsPool() throws Exception {
    RecordingSleeper sleeper = new RecordingSleeper();
    try (ScriptedServer server = new ScriptedServer();
        TerraceClient blocking = Fixtures.client(server, sleeper).build()) {
      server.enqueue(
          Reply.text(503, "busy").header("Retry-After", "3"), Reply.json(200, EXTRACT_RESPONSE));

      ExtractResponse r = blocking.async().extract(REQUEST).get();

      assertThat(r.geometryHash()).isEqualTo("g1");
      assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
      assertThat(server.requests())
          .extracting(q -> q.header("Idempotency-Key"))
          .hasSize(2)
          .containsOnly(server.requests().get(0).header("Idempotency-Key"));
    }
  }

  @Test
  void cancellingAFutureAbortsItsExchangeAndFreesItsPermit() throws Exception {
    try (ScriptedServer server = new ScriptedServer();
        TerraceAsyncClient client =
            Fixtures.asyncClient(server, new RecordingSleeper()).maxConcurrentRequests(1).build()) {
      server.enqueue(Reply.stall(), Reply.json(200, EXTRACT_RESPONSE));
      CompletableFuture<ExtractResponse> stalled = client.extract(REQUEST);
      assertThat(server.awaitRequest()).isTrue();

      assertThat(stalled.cancel(true)).isTrue();

      assertThat(server.awaitDisconnect()).as("the client closed the stalled connection").isTrue();
      assertThat(client.extract(REQUEST).get(10, TimeUnit.SECONDS).geometryHash()).isEqualTo("g1");
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void aStalledServerTimesOutEveryAttemptAndEachStalledExchangeIsClosed() throws Exception {
    try (ScriptedServer server = new ScriptedServer();
        TerraceAsyncClient client =
            Fixtures.asyncClient(server, new RecordingSleeper())
                .timeout(Duration.ofMillis(200))
                .build()) {
      server.enqueue(Reply.stall(), Reply.stall(), Reply.stall());

      CompletableFuture<ExtractResponse> call = client.extract(REQUEST);

      assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ApiTimeoutException.class)
          .cause()
          .hasMessage("No response to extract within the timeout of PT0.2S (3 attempts)")
          .hasCauseInstanceOf(java.net.http.HttpTimeoutException.class);
      assertThat(server.requests()).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(server.awaitDisconnect()).as("stalled connection %d closed", i).isTrue();
      }
    }
  }

  @Test
  void anAnswerWithinTheAttemptTimeoutIsReturnedAndALaterOneTimesOut() throws Exception {
    try (ScriptedServer server =
            new ScriptedServer(
                request -> {
                  try {
                    Thread.sleep(
                        300); // longer than the timeout, but spent before the answer is sent
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return Reply.json(200, EXTRACT_RESPONSE);
                });
        TerraceAsyncClient client =
            Fixtures.asyncClient(server, new RecordingSleeper())
                .timeout(Duration.ofSeconds(5))
                .build()) {

      ExtractResponse slow =
          client
              .extract(REQUEST, RequestOptions.builder().timeout(Duration.ofSeconds(2)).build())
              .get(10, TimeUnit.SECONDS);
      CompletableFuture<ExtractResponse> tooSlow =
          client.extract(
              REQUEST,
              RequestOptions.builder().timeout(Duration.ofMillis(100)).maxRetries(0).build());

      assertThat(slow.geometryHash()).isEqualTo("g1");
      assertThatThrownBy(() -> tooSlow.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ApiTimeoutException.class);
    }
  }

  @Test
  void maxConcurrentRequestsBoundsTheCallsInFlight() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch firstTwo = new CountDownLatch(2);
    try (ScriptedServer server =
            new ScriptedServer(
                request -> {
                  most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  firstTwo.countDown();
                  try {
                    firstTwo.await(10, TimeUnit.SECONDS); // the first two are in flight together
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  inFlight.decrementAndGet();
                  return Reply.json(200, EXTRACT_RESPONSE);
                });
        TerraceAsyncClient client =
            Fixtures.asyncClient(server, new RecordingSleeper()).maxConcurrentRequests(2).build()) {

      List<CompletableFuture<ExtractResponse>> calls =
          IntStream.range(0, 6).mapToObj(i -> client.extract(REQUEST)).collect(Collectors.toList());
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);

      assertThat(server.requests()).hasSize(6);
      assertThat(most.get()).isEqualTo(2);
    }
  }

  @Test
  void dependentStagesWithoutAnExecutorRunOnTheClientsExecutor() throws Exception {
    ExecutorService mine = Executors.newFixedThreadPool(2, r -> new Thread(r, "callers-pool"));
    try (ScriptedServer server = new ScriptedServer();
        TerraceAsyncClient client =
            Fixtures.asyncClient(server, new RecordingSleeper()).executor(mine).build()) {
      server.enqueue(Reply.json(200, EXTRACT_RESPONSE));

      String thread =
          client.extract(REQUEST).thenApplyAsync(r -> Thread.currentThread().getName()).get();

      assertThat(thread).isEqualTo("callers-pool");
    } finally {
      mine.shutdownNow();
    }
  }

  @Test
  void everyStageRunsOnTheClientsExecutorNeverTheCommonPool() throws Exception {
    ExecutorService mine = Executors.newCachedThreadPool(r -> new Thread(r, "callers-pool"));
    CountDownLatch attached = new CountDownLatch(1);
    try (ScriptedServer server =
            new ScriptedServer(
                request -> {
                  await(attached); // the stages below are attached before the answer comes
                  if (request.body().contains("x:missing")) {
                    return Reply.problem(
                        404, problem(ErrorType.NOT_FOUND, "No dataset 'x:missing'", "req_n"));
                  }
                  return request.body().contains("x:reset")
                      ? Reply.reset()
                      : Reply.json(200, EXTRACT_RESPONSE);
                });
        TerraceAsyncClient client =
            Fixtures.asyncClient(server, new RecordingSleeper())
                .executor(mine)
                .maxRetries(0)
                .build()) {

      CompletableFuture<String> success =
          client.extract(REQUEST).thenApply(r -> Thread.currentThread().getName());
      CompletableFuture<String> problem =
          client
              .extract(ExtractRequest.of(Point.of(6.13, 49.61), "x:missing"))
              .handle(
                  (r, e) ->
                      e.getClass().getSimpleName() + " on " + Thread.currentThread().getName());
      CompletableFuture<String> reset =
          client
              .extract(ExtractRequest.of(Point.of(6.13, 49.61), "x:reset"))
              .handle(
                  (r, e) ->
                      e.getClass().getSimpleName() + " on " + Thread.currentThread().getName());
      attached.countDown();

      assertThat(success.get(10, TimeUnit.SECONDS)).isEqualTo("callers-pool");
      assertThat(problem.get(10, TimeUnit.SECONDS)).isEqualTo("NotFoundException on callers-pool");
      assertThat(reset.get(10, TimeUnit.SECONDS))
          .isEqualTo("ApiConnectionException on callers-pool");
    } finally {
      mine.shutdownNow();
    }
  }

  @Test
  void byDefaultStagesRunOnTheClientsOwnDaemonThreadsAndMayWaitOnOtherCalls() throws Exception {
    CountDownLatch attached = new CountDownLatch(1);
    try (ScriptedServer server =
            new ScriptedServer(
                request -> {
                  await(attached); // the stages below are attached before the answers come
                  return Reply.json(200, EXTRACT_RESPONSE);
                });
        TerraceAsyncClient client = Fixtures.asyncClient(server, new RecordingSleeper()).build()) {
      int calls = 8 * Runtime.getRuntime().availableProcessors(); // more than the pool has threads

      List<CompletableFuture<Thread>> nested =
          IntStream.range(0, calls)
              .mapToObj(
                  i ->
                      client
                          .extract(REQUEST)
                          .thenApply(
                              r -> {
                                client
                                    .sync()
                                    .extract(REQUEST); // blocks this thread on another call
                                return Thread.currentThread();
                              }))
              .collect(Collectors.toList());
      attached.countDown();

      for (CompletableFuture<Thread> call : nested) {
        Thread thread = call.get(20, TimeUnit.SECONDS);
        assertThat(thread.getName()).startsWith("terrace-client-");
        assertThat(thread.isDaemon()).isTrue();
      }
      assertThat(server.requests()).hasSize(2 * calls);
    }
  }

  @Test
  void callsAfterCloseAreRefused() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      TerraceAsyncClient client = Fixtures.asyncClient(server, new RecordingSleeper()).build();
      TerraceClient view = client.sync();
      client.close();

      assertThatThrownBy(() -> client.extract(REQUEST))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("The Terrace client is closed");
      assertThatThrownBy(() -> view.extract(REQUEST)).isInstanceOf(IllegalStateException.class);
    }
  }

  /** Holds a scripted answer until the test has attached its stages. */
  private static void await(CountDownLatch attached) {
    try {
      attached.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
