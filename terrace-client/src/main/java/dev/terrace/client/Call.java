package dev.terrace.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One logical call: the operation, its body written once, and the settings every attempt shares,
 * including the deadline across attempts and the idempotency key.
 */
final class Call<T> {

  private static final String USER_AGENT = "terrace-java/" + version();

  final String operation;
  final URI uri;
  final Class<T> type;
  final int maxRetries;
  private final byte[] body;
  private final Duration timeout;
  private final Duration totalTimeout;
  private final Map<String, String> headers;
  private final @Nullable String idempotencyKey;
  private final long startNanos = System.nanoTime();

  Call(
      String operation,
      URI uri,
      byte[] body,
      Class<T> type,
      Settings settings,
      @Nullable String idempotencyKey) {
    this.operation = operation;
    this.uri = uri;
    this.body = body;
    this.type = type;
    this.timeout = settings.timeout();
    this.totalTimeout = settings.totalTimeout();
    this.maxRetries = settings.maxRetries();
    this.headers = settings.headers();
    this.idempotencyKey = idempotencyKey;
  }

  /** The time left before the deadline across attempts; zero or negative once it has passed. */
  Duration remaining() {
    return totalTimeout.minusNanos(System.nanoTime() - startNanos);
  }

  /** The time the call may take in all. */
  Duration totalTimeout() {
    return totalTimeout;
  }

  /** The timeout of an attempt starting now: the per-attempt timeout, cut short by the deadline. */
  Duration attemptTimeout() {
    Duration left = remaining();
    return left.compareTo(timeout) < 0 ? left : timeout;
  }

  /** The per-attempt timeout. */
  Duration timeout() {
    return timeout;
  }

  /**
   * The request of one attempt to {@code target} (the endpoint, or a same-origin redirect's
   * target).
   *
   * @param attemptTimeout the request's timeout, or null when the caller keeps the time itself
   */
  HttpRequest request(
      URI target, @Nullable String authorization, @Nullable Duration attemptTimeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(target);
    if (attemptTimeout != null) {
      b.timeout(attemptTimeout);
    }
    b.header("Content-Type", "application/json")
        .header("Accept", "application/json, application/problem+json")
        .header("User-Agent", USER_AGENT);
    headers.forEach(b::setHeader);
    if (authorization != null) {
      b.setHeader(Headers.AUTHORIZATION, authorization);
    }
    if (idempotencyKey != null) {
      b.setHeader(Headers.IDEMPOTENCY_KEY, idempotencyKey);
    }
    return b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private static String version() {
    String v = Call.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * The resolved settings of a call: the client's, overridden by the call's {@link RequestOptions}.
   */
  record Settings(
      Duration timeout, Duration totalTimeout, int maxRetries, Map<String, String> headers) {

    static Settings of(RequestOptions options) {
      return new Settings(
          options.timeout().orElseThrow(),
          options.totalTimeout().orElseThrow(),
          options.maxRetries().orElseThrow(),
          options.headers());
    }
  }
}
