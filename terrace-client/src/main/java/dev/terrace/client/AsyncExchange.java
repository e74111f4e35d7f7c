package dev.terrace.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLSession;

/**
 * One asynchronous exchange: its response delivered on the client's executor, and its timeout.
 *
 * <p>{@link HttpClient#sendAsync} completes its future on the common pool (java.net.http hands
 * every dependent stage to {@link CompletableFuture}'s default executor), which the asynchronous
 * client promises its callers never to use, and which costs each response a thread switch. So the
 * response is taken from its body subscriber instead, which java.net.http completes on the {@code
 * HttpClient}'s own executor once the body is in and the connection is back in the pool; {@code
 * sendAsync}'s future only reports failures that left no response, and those are moved to the
 * client's executor. When the {@code HttpClient} runs on another executor (a caller's), responses
 * are moved too.
 *
 * <p>The timeout runs from sending the request to receiving the response headers (what {@link
 * java.net.http.HttpRequest.Builder#timeout} covers), on one timer thread that every client shares:
 * java.net.http wakes its selector thread for every request that carries a timeout of its own, a
 * system call and a thread switch per call, where a delay queue wakes no one until a timeout falls
 * due. When it does, the exchange is cancelled and fails with {@link HttpTimeoutException}, as a
 * request's own timeout would.
 */
final class AsyncExchange implements HttpResponse.BodyHandler<byte[]> {

  private static final ScheduledThreadPoolExecutor TIMER = timer();

  /** Marks the clock stopped: the headers came, or the exchange ended. */
  private static final Future<?> STOPPED = CompletableFuture.completedFuture(null);

  private final HttpRequest request;
  private final Executor executor;
  private final boolean deliverInline;
  private final CompletableFuture<HttpResponse<byte[]>> response = new CompletableFuture<>();

  /** Null until the clock starts, then its scheduled expiry, then {@link #STOPPED}. */
  private final AtomicReference<Future<?>> clock = new AtomicReference<>();

  private volatile boolean expired;

  /**
   * @param request the request to send
   * @param executor the client's executor
   * @param deliverInline whether the {@code HttpClient} runs on {@code executor}, so that what its
   *     threads complete is already where it belongs
   */
  AsyncExchange(HttpRequest request, Executor executor, boolean deliverInline) {
    this.request = request;
    this.executor = executor;
    this.deliverInline = deliverInline;
  }

  /**
   * Sends the request and starts the clock.
   *
   * @param http the client to send it with
   * @param timeout the time the response headers may take
   * @param track called with {@code sendAsync}'s future, whose cancellation aborts the exchange
   * @return the response, or the failure (an {@link HttpTimeoutException} once the timeout has
   *     cancelled the exchange), completed on the client's executor
   */
  CompletableFuture<HttpResponse<byte[]>> send(
      HttpClient http, Duration timeout, Consumer<Future<?>> track) {
    CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request, this);
    track.accept(sent);
    Future<?> expiry =
        TIMER.schedule(
            () -> {
              expired = true;
              sent.cancel(true);
            },
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    if (!clock.compareAndSet(null, expiry)) {
      expiry.cancel(false); // the headers came first
    }
    sent.whenComplete(
        (r, error) -> {
          stop();
          if (error != null && !response.isDone()) {
            Throwable failure = expired ? new HttpTimeoutException("request timed out") : error;
            deliver(() -> response.completeExceptionally(failure), false);
          }
        });
    return response;
  }

  /**
   * Called by java.net.http when the headers arrive: stops the clock and reads the body as bytes.
   */
  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    stop();
    HttpResponse.BodySubscriber<byte[]> body = HttpResponse.BodySubscribers.ofByteArray();
    body.getBody()
        .whenComplete(
            (bytes, error) ->
                deliver(
                    () -> {
                      if (error != null) {
                        response.completeExceptionally(error);
                      } else {
                        response.complete(new Received(request, info, bytes));
                      }
                    },
                    deliverInline));
    return body;
  }

  private void deliver(Runnable completion, boolean inline) {
    if (inline) {
      completion.run();
      return;
    }
    try {
      executor.execute(completion);
    } catch (RejectedExecutionException e) {
      completion.run(); // the client is closing: fail the call rather than lose it
    }
  }

  private void stop() {
    Future<?> expiry = clock.getAndSet(STOPPED);
    if (expiry != null) {
      expiry.cancel(false);
    }
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "terrace-client-timeouts");
              t.setDaemon(true);
              return t;
            });
    // Nearly every timeout is cancelled: drop it from the queue then rather than when it would have
    // expired.
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /**
   * A response read in full; its URI is the request's, as the {@code HttpClient} follows no
   * redirects.
   */
  private record Received(HttpRequest request, HttpResponse.ResponseInfo info, byte[] body)
      implements HttpResponse<byte[]> {

    @Override
    public int statusCode() {
      return info.statusCode();
    }

    @Override
    public HttpHeaders headers() {
      return info.headers();
    }

    @Override
    public Optional<HttpResponse<byte[]>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return info.version();
    }
  }
}
