package dev.terrace.client;

import dev.terrace.api.Operation;
import dev.terrace.api.TerraceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one path every call takes, blocking ({@link HttpClient#send}) or not ({@link
 * HttpClient#sendAsync}): write the body once, then attempt, follow same-origin redirects, retry by
 * the shared {@link dev.terrace.api.retry.RetryPolicy} within the deadline, each attempt holding
 * one of the shared {@link Permits}; and turn what came back into a {@link RawResponse} or a {@link
 * TerraceException}.
 *
 * <p>Each client handle has its own pipeline over the shared {@link ClientContext}: the one the
 * builder made owns the context, and closing it closes the context for every handle; a copy or view
 * ({@link #borrow()}) closes only itself, as a client given an {@code HttpClient} leaves it open.
 */
final class Pipeline implements AutoCloseable {

  private static final Pattern OPERATION_NAME =
      Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
  private static final int MAX_REDIRECTS = 5;

  final ClientContext context;

  /** Whether this handle made the context, and so closes it. */
  private final boolean owner;

  private final AtomicBoolean closed = new AtomicBoolean();

  /** The pipeline of a client the builder made, which owns the context. */
  Pipeline(ClientContext context) {
    this(context, true);
  }

  private Pipeline(ClientContext context, boolean owner) {
    this.context = context;
    this.owner = owner;
  }

  /** The pipeline of a copy or view of this handle: the same context, which it does not close. */
  Pipeline borrow() {
    return new Pipeline(context, false);
  }

  /**
   * Closes this handle; the owner also closes the shared context, and with it every other handle.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && owner) {
      context.close();
    }
  }

  private void checkOpen() {
    context.checkOpen();
    if (closed.get()) {
      throw new IllegalStateException(
          "This copy of the Terrace client is closed; the connection pool it"
              + " shares stays open until the client the builder made is closed");
    }
  }

  <T> T call(String operation, Object body, Class<T> type, RequestOptions options) {
    return send(prepare(operation, body, type, options)).parse();
  }

  <T> CompletableFuture<T> callAsync(
      String operation, Object body, Class<T> type, RequestOptions options) {
    return sendAsync(prepare(operation, body, type, options), RawResponse::parse);
  }

  <T> RawResponse<T> raw(String operation, Object body, Class<T> type, RequestOptions options) {
    return send(prepare(operation, body, type, options));
  }

  <T> CompletableFuture<RawResponse<T>> rawAsync(
      String operation, Object body, Class<T> type, RequestOptions options) {
    return sendAsync(prepare(operation, body, type, options), Function.identity());
  }

  /**
   * A call ready to attempt; argument errors and a closed client are thrown here, before anything
   * is sent.
   */
  <T> Call<T> prepare(String operation, Object body, Class<T> type, RequestOptions options) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(type, "type");
    Optional<Operation> known = Operation.find(operation);
    if (known.isEmpty() && !OPERATION_NAME.matcher(operation).matches()) {
      throw new IllegalArgumentException(
          "Invalid operation name '"
              + operation
              + "': expected dotted names such as catalog.datasets.list");
    }
    checkOpen();
    String key =
        known.isPresent() && known.get().takesIdempotencyKey()
            ? options.idempotencyKey().orElseGet(Pipeline::newIdempotencyKey)
            : null;
    URI uri = known.isPresent() ? context.endpoint(known.get()) : context.endpoint(operation);
    return new Call<>(operation, uri, Json.write(body), type, Call.Settings.of(options), key);
  }

  /** Runs a call on the calling thread. */
  <T> RawResponse<T> send(Call<T> call) {
    for (int attempt = 1; ; attempt++) {
      Duration timeout = attemptTimeout(call, attempt - 1);
      try {
        Outcome outcome;
        context.permits.acquireBlocking();
        try {
          outcome = new Outcome(exchange(call, timeout), null);
        } catch (IOException e) {
          outcome = new Outcome(null, e);
        } finally {
          context.permits.release();
        }
        Optional<Duration> wait = context.nextDelay(attempt, outcome, call);
        if (wait.isEmpty()) {
          return finish(call, outcome, attempt);
        }
        context.sleeper.sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiConnectionException("Interrupted during " + call.operation, attempt, e);
      }
    }
  }

  private HttpResponse<byte[]> exchange(Call<?> call, Duration timeout)
      throws IOException, InterruptedException {
    URI target = call.uri;
    for (int hops = 0; ; hops++) {
      HttpResponse<byte[]> response =
          context.http.send(
              call.request(target, context.authorizationFor(target), timeout),
              HttpResponse.BodyHandlers.ofByteArray());
      Optional<URI> next = redirect(response, hops);
      if (next.isEmpty()) {
        return response;
      }
      target = next.get();
    }
  }

  /**
   * Runs a call without blocking. The future completes with {@code finish} applied to the response,
   * or exceptionally with the {@link TerraceException} itself (not wrapped); cancelling it aborts
   * the exchange in flight and stops the retries.
   */
  <T, R> CompletableFuture<R> sendAsync(Call<T> call, Function<RawResponse<T>, R> finish) {
    ClientFuture<R> result = new ClientFuture<>(context.executor);
    AtomicReference<Future<?>> current = new AtomicReference<>();
    result.whenComplete(
        (r, e) -> {
          Future<?> inFlight = current.get();
          if (result.isCancelled() && inFlight != null) {
            inFlight.cancel(true);
          }
        });
    attemptAsync(new Attempt<>(call, result, current, finish), 1);
    return result;
  }

  /** The state an asynchronous call carries from attempt to attempt. */
  private record Attempt<T, R>(
      Call<T> call,
      CompletableFuture<R> result,
      AtomicReference<Future<?>> current,
      Function<RawResponse<T>, R> finish) {

    /** Makes {@code f} the step that cancelling the result cancels. */
    <F extends Future<?>> F track(F f) {
      current.set(f);
      if (result.isCancelled()) {
        f.cancel(true);
      }
      return f;
    }
  }

  private <T, R> void attemptAsync(Attempt<T, R> a, int attempt) {
    Duration timeout;
    try {
      timeout = attemptTimeout(a.call, attempt - 1);
    } catch (TerraceException e) {
      a.result.completeExceptionally(e);
      return;
    }
    a.track(context.permits.acquire())
        .thenRun(
            () -> {
              if (a.result.isDone()) {
                context.permits.release();
                return;
              }
              CompletableFuture<HttpResponse<byte[]>> exchange;
              try {
                exchange = exchangeAsync(a, a.call.uri, 0, timeout);
              } catch (RuntimeException e) {
                context.permits.release();
                a.result.completeExceptionally(e);
                return;
              }
              exchange.whenComplete(
                  (response, error) -> {
                    context.permits.release();
                    if (a.result.isDone()) {
                      return;
                    }
                    Outcome outcome = new Outcome(response, Futures.unwrap(error));
                    Optional<Duration> wait = context.nextDelay(attempt, outcome, a.call);
                    if (wait.isEmpty()) {
                      try {
                        a.result.complete(a.finish.apply(finish(a.call, outcome, attempt)));
                      } catch (RuntimeException e) {
                        a.result.completeExceptionally(e);
                      }
                      return;
                    }
                    a.track(context.sleeper.delay(wait.get(), context.executor))
                        .thenRun(() -> attemptAsync(a, attempt + 1));
                  });
            });
  }

  private CompletableFuture<HttpResponse<byte[]>> exchangeAsync(
      Attempt<?, ?> a, URI target, int hops, Duration timeout) {
    AsyncExchange exchange =
        new AsyncExchange(
            a.call.request(target, context.authorizationFor(target), null),
            context.executor,
            context.httpRunsOnExecutor);
    return exchange
        .send(context.http, timeout, a::track)
        .thenCompose(
            response ->
                redirect(response, hops)
                    .map(next -> exchangeAsync(a, next, hops + 1, timeout))
                    .orElseGet(() -> CompletableFuture.completedFuture(response)));
  }

  /**
   * The target of a redirect to follow: 307 or 308 (method and body kept) within the base URL's
   * origin.
   */
  private Optional<URI> redirect(HttpResponse<?> response, int hops) {
    int status = response.statusCode();
    if (status != 307 && status != 308 || hops >= MAX_REDIRECTS) {
      return Optional.empty();
    }
    return response
        .headers()
        .firstValue("Location")
        .map(location -> response.uri().resolve(location))
        .filter(target -> Origins.sameOrigin(context.baseUrl, target));
  }

  /** The timeout of the next attempt; the deadline's exception once it has passed. */
  private static Duration attemptTimeout(Call<?> call, int attemptsMade) {
    Duration timeout = call.attemptTimeout();
    if (timeout.isZero() || timeout.isNegative()) {
      throw new ApiTimeoutException(deadlineMessage(call, attemptsMade), attemptsMade, null);
    }
    return timeout;
  }

  /** The response, or the exception standing for a failure that left the call without one. */
  private <T> RawResponse<T> finish(Call<T> call, Outcome outcome, int attempts) {
    Throwable failure = outcome.failure();
    if (failure == null) {
      HttpResponse<byte[]> r = outcome.response();
      return new RawResponse<>(r.statusCode(), r.headers(), r.body(), call.type);
    }
    if (failure instanceof HttpTimeoutException) {
      String message =
          call.remaining().isNegative() || call.remaining().isZero()
              ? deadlineMessage(call, attempts)
              : "No response to "
                  + call.operation
                  + " within the timeout of "
                  + call.timeout()
                  + " ("
                  + attempts
                  + (attempts == 1 ? " attempt)" : " attempts)");
      throw new ApiTimeoutException(message, attempts, failure);
    }
    if (failure instanceof IOException) {
      throw new ApiConnectionException(
          "Connection to "
              + context.baseUrl
              + " failed for "
              + call.operation
              + " ("
              + attempts
              + (attempts == 1 ? " attempt): " : " attempts): ")
              + failure,
          attempts,
          failure);
    }
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    throw new IllegalStateException(failure);
  }

  private static String deadlineMessage(Call<?> call, int attempts) {
    return "No response to "
        + call.operation
        + " within the total timeout of "
        + call.totalTimeout()
        + " ("
        + attempts
        + (attempts == 1 ? " attempt)" : " attempts)");
  }

  /**
   * A fresh key: unique, not secret, so it comes from the thread's own generator rather than {@code
   * UUID.randomUUID}, whose shared entropy source serialises concurrent calls.
   */
  private static String newIdempotencyKey() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "trc-idem-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
  }
}
