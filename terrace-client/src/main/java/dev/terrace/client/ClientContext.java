package dev.terrace.client;

import dev.terrace.api.Operation;
import dev.terrace.api.retry.RetryPolicy;
import dev.terrace.api.retry.Sleeper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What a client and all its copies and views share: the base URL and key, the {@link HttpClient}
 * and its connection pool, the executor, the in-flight permits and the retry policy. Closed once,
 * by the client the builder made (the {@link Pipeline} that owns it); closing a copy or view leaves
 * it open.
 */
final class ClientContext implements AutoCloseable {

  final URI baseUrl;
  final HttpClient http;
  final Executor executor;

  /**
   * Whether the {@link HttpClient}'s threads are the executor's, so that responses need no
   * hand-off.
   */
  final boolean httpRunsOnExecutor;

  final Permits permits;
  final RetryPolicy retry;
  final Sleeper sleeper;
  private final @Nullable String authorization;

  /**
   * Parsing a URI is a measurable part of a small call's client time, so each operation's is made
   * once.
   */
  private final Map<Operation, URI> endpoints = new EnumMap<>(Operation.class);

  private final boolean ownsHttp;
  private final @Nullable ExecutorService ownedExecutor;
  private final AtomicBoolean closed = new AtomicBoolean();

  ClientContext(
      URI baseUrl,
      @Nullable String apiKey,
      HttpClient http,
      boolean ownsHttp,
      Executor executor,
      @Nullable ExecutorService ownedExecutor,
      int maxConcurrentRequests,
      RetryPolicy retry,
      Sleeper sleeper) {
    this.baseUrl = baseUrl;
    this.authorization = apiKey == null ? null : "Bearer " + apiKey;
    this.http = http;
    this.ownsHttp = ownsHttp;
    this.executor = executor;
    this.httpRunsOnExecutor = http.executor().filter(e -> e == executor).isPresent();
    this.ownedExecutor = ownedExecutor;
    this.permits = new Permits(maxConcurrentRequests);
    this.retry = retry;
    this.sleeper = sleeper;
    for (Operation op : Operation.values()) {
      endpoints.put(op, endpoint(op.operationName()));
    }
  }

  /**
   * The {@code Authorization} header value for a request to {@code target}: only within the base
   * origin.
   */
  @Nullable String authorizationFor(URI target) {
    return Origins.sameOrigin(baseUrl, target) ? authorization : null;
  }

  boolean hasApiKey() {
    return authorization != null;
  }

  /** The endpoint of an operation. */
  URI endpoint(String operation) {
    return URI.create(baseUrl + "/v1/op/" + operation);
  }

  /** The endpoint of a known operation. */
  URI endpoint(Operation operation) {
    return endpoints.get(operation);
  }

  void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("The Terrace client is closed");
    }
  }

  /**
   * The wait before the next attempt of {@code call}, or empty to stop and report this outcome:
   * after a connection failure or timeout, and after a status the shared {@link RetryPolicy}
   * retries, waiting what it says (the {@code Retry-After} asked, if no longer than the cap, else
   * backoff); never past the call's retries or its deadline.
   *
   * @param attempts the attempts made so far, this one included
   */
  Optional<Duration> nextDelay(int attempts, Outcome outcome, Call<?> call) {
    if (attempts > call.maxRetries) {
      return Optional.empty();
    }
    Optional<Duration> wait;
    if (outcome.failure() != null) {
      if (!(outcome.failure() instanceof IOException)) {
        return Optional.empty();
      }
      wait = Optional.of(retry.backoff(attempts));
    } else {
      if (!RetryPolicy.isRetryable(outcome.response().statusCode())) {
        return Optional.empty();
      }
      wait =
          retry.delay(
              attempts, outcome.response().headers().firstValue(Headers.RETRY_AFTER).orElse(null));
    }
    return wait.filter(w -> call.remaining().compareTo(w) > 0);
  }

  /**
   * Stops the executor and the {@link HttpClient} if the client made them; a caller's are left
   * alone. Calls in flight fail. Called by the owning handle only. On Java 21 and later the made
   * {@code HttpClient} is shut down at once; on Java 17, which cannot close one, its threads end
   * once it is unreachable.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (ownsHttp) {
      shutdownNow(http);
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
  }

  private static void shutdownNow(HttpClient http) {
    try {
      Method shutdownNow = HttpClient.class.getMethod("shutdownNow"); // Java 21+
      shutdownNow.invoke(http);
    } catch (NoSuchMethodException e) {
      // Java 17: nothing to call.
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Could not shut down the HTTP client", e);
    }
  }

  @Override
  public String toString() {
    return "baseUrl=" + baseUrl + ", apiKey=" + (authorization == null ? "(none)" : "(set)");
  }
}
