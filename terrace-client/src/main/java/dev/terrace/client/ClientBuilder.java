package dev.terrace.client;

import dev.terrace.api.RateLimitException;
import dev.terrace.api.retry.RetryPolicy;
import dev.terrace.api.retry.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link TerraceClient} or {@link TerraceAsyncClient}, shared by their two
 * builders. Each setter checks its argument at once and returns the builder; {@link #build()} makes
 * the client and its connection pool.
 *
 * <pre>{@code
 * try (TerraceClient client = TerraceClient.builder()
 *         .baseUrl("https://terrace.example.com")
 *         .apiKey(System.getenv("TERRACE_API_KEY"))
 *         .timeout(Duration.ofSeconds(30))
 *         .build()) {
 *     ...
 * }
 * }</pre>
 *
 * @param <B> the concrete builder
 * @param <C> the client it builds
 */
public abstract class ClientBuilder<B extends ClientBuilder<B, C>, C> {

  /**
   * The base URL when none is set: a service on this machine at {@code terrace serve}'s default
   * port.
   */
  public static final String DEFAULT_BASE_URL = "http://localhost:8000";

  /** The per-attempt timeout when none is set. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** The timeout across all attempts of a call when none is set. */
  public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofMinutes(3);

  /** The number of retries when none is set. */
  public static final int DEFAULT_MAX_RETRIES = 2;

  /** The bound on requests in flight when none is set. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

  /** The longest {@code Retry-After} the client waits out when none is set. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private URI baseUrl = Origins.checkBaseUrl(DEFAULT_BASE_URL);
  private @Nullable String apiKey;
  private Duration timeout = DEFAULT_TIMEOUT;
  private Duration totalTimeout = DEFAULT_TOTAL_TIMEOUT;
  private int maxRetries = DEFAULT_MAX_RETRIES;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private @Nullable HttpClient httpClient;
  private @Nullable Executor executor;
  private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
  private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
  private Duration initialBackoff = Duration.ofMillis(500);
  private Duration maxBackoff = Duration.ofSeconds(8);
  private Sleeper sleeper = Sleeper.SYSTEM;

  /** For the two client builders only. */
  ClientBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Sets the service's base URL; operations are posted to {@code {baseUrl}/v1/op/{operation}}.
   *
   * @param value an {@code https://} URL, or {@code http://} to a loopback host; default {@value
   *     #DEFAULT_BASE_URL}
   * @return this builder
   * @throws IllegalArgumentException if the URL is not absolute, has a query, or is plain {@code
   *     http://} to a host other than this machine
   */
  public B baseUrl(String value) {
    baseUrl = Origins.checkBaseUrl(Objects.requireNonNull(value, "baseUrl"));
    return self();
  }

  /**
   * Sets the API key, sent as {@code Authorization: Bearer ...} to the base URL's origin only, and
   * never shown by {@code toString()} or in exception messages.
   *
   * @param value a key such as {@code trc_...}, or null for none
   * @return this builder
   * @throws IllegalArgumentException if the key is blank or contains a line break
   */
  public B apiKey(@Nullable String value) {
    apiKey = value == null ? null : RequestOptions.headerValue(value.strip());
    return self();
  }

  /**
   * Sets the time one attempt may take, from sending the request to receiving the response headers
   * (also the connect timeout of a client-made {@link HttpClient}).
   *
   * @param value a positive duration; default 60 s
   * @return this builder
   * @throws IllegalArgumentException if {@code value} is zero or negative
   */
  public B timeout(Duration value) {
    timeout = RequestOptions.positive(value, "timeout");
    return self();
  }

  /**
   * Sets the time a whole call may take, every attempt and every wait between attempts included, so
   * that retries never multiply the timeout.
   *
   * @param value a positive duration; default 3 min
   * @return this builder
   * @throws IllegalArgumentException if {@code value} is zero or negative
   */
  public B totalTimeout(Duration value) {
    totalTimeout = RequestOptions.positive(value, "totalTimeout");
    return self();
  }

  /**
   * Sets how many times a failed attempt is repeated: after a connection failure or timeout, and
   * after a 408, 429, 502, 503 or 504.
   *
   * @param value zero or more; default {@value #DEFAULT_MAX_RETRIES}
   * @return this builder
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public B maxRetries(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, got " + value);
    }
    maxRetries = value;
    return self();
  }

  /**
   * Adds a header sent with every request.
   *
   * @param name the header name
   * @param value the value
   * @return this builder
   * @throws IllegalArgumentException if the name or value is blank or contains a line break
   */
  public B header(String name, String value) {
    headers.put(RequestOptions.headerName(name), RequestOptions.headerValue(value));
    return self();
  }

  /**
   * Adds headers sent with every request.
   *
   * @param values names to values
   * @return this builder
   * @throws IllegalArgumentException as {@link #header(String, String)}
   */
  public B headers(Map<String, String> values) {
    values.forEach(this::header);
    return self();
  }

  /**
   * Uses the caller's {@link HttpClient} (its proxy, TLS or HTTP version settings) instead of
   * making one. The client does not close it.
   *
   * @param value a client that does not follow redirects ({@link HttpClient.Redirect#NEVER}): the
   *     Terrace client follows them itself, only within the base URL's origin, so that the key
   *     never leaves it
   * @return this builder
   * @throws IllegalArgumentException if {@code value} follows redirects
   */
  public B httpClient(HttpClient value) {
    Objects.requireNonNull(value, "httpClient");
    if (value.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException(
          "The HttpClient must not follow redirects (it follows "
              + value.followRedirects()
              + "): it would send the API key to wherever a redirect points");
    }
    httpClient = value;
    return self();
  }

  /**
   * Sets the executor that completes the asynchronous client's futures and runs their dependent
   * stages without an executor of their own, and that a client-made {@link HttpClient} uses. The
   * client does not shut it down. By default the client makes a work-stealing pool of its own
   * (daemon threads, twice as many as cores), never the common pool.
   *
   * @param value the executor
   * @return this builder
   */
  public B executor(Executor value) {
    executor = Objects.requireNonNull(value, "executor");
    return self();
  }

  /**
   * Bounds the requests in flight at once, across the client and all its copies and views; calls
   * beyond it wait their turn (the asynchronous client without blocking a thread).
   *
   * @param value one or more; default {@value #DEFAULT_MAX_CONCURRENT_REQUESTS}
   * @return this builder
   * @throws IllegalArgumentException if {@code value} is less than one
   */
  public B maxConcurrentRequests(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, got " + value);
    }
    maxConcurrentRequests = value;
    return self();
  }

  /**
   * Sets the longest {@code Retry-After} the client waits out before retrying; a longer one ends
   * the call with the response (a {@link RateLimitException} for a 429), so that the caller
   * decides. Retries follow the {@link RetryPolicy} the engine's reader of remote rasters shares.
   *
   * @param value zero or more; default 60 s
   * @return this builder
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public B maxRetryAfter(Duration value) {
    Objects.requireNonNull(value, "maxRetryAfter");
    if (value.isNegative()) {
      throw new IllegalArgumentException("maxRetryAfter must not be negative, got " + value);
    }
    maxRetryAfter = value;
    return self();
  }

  /**
   * Reads the base URL and API key from the environment, where set: the system properties {@code
   * terrace.baseUrl} and {@code terrace.apiKey} first, then the environment variables {@code
   * TERRACE_BASE_URL} and {@code TERRACE_API_KEY}.
   *
   * @return this builder
   * @throws IllegalArgumentException if the base URL found is invalid, as {@link #baseUrl(String)}
   */
  public B fromEnv() {
    return fromEnv(
        name -> {
          String property =
              System.getProperty(
                  name.equals("TERRACE_BASE_URL") ? "terrace.baseUrl" : "terrace.apiKey");
          return property != null ? property : System.getenv(name);
        });
  }

  /**
   * {@link #fromEnv()} over a given lookup of {@code TERRACE_BASE_URL} and {@code TERRACE_API_KEY}.
   */
  B fromEnv(UnaryOperator<String> env) {
    String url = env.apply("TERRACE_BASE_URL");
    if (url != null && !url.isBlank()) {
      baseUrl(url);
    }
    String key = env.apply("TERRACE_API_KEY");
    if (key != null && !key.isBlank()) {
      apiKey(key);
    }
    return self();
  }

  /** Replaces real waits between attempts, for tests. */
  B sleeper(Sleeper value) {
    sleeper = Objects.requireNonNull(value, "sleeper");
    return self();
  }

  /**
   * Builds the client, with its own connection pool unless an {@link HttpClient} was given.
   *
   * @return the client; close it to release the pool
   */
  public abstract C build();

  /** The shared pipeline the built client runs on. */
  final Pipeline pipeline() {
    Executor exec = executor;
    ExecutorService owned = null;
    if (exec == null) {
      owned = ownPool();
      exec = owned;
    }
    HttpClient http = httpClient;
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(timeout)
              .executor(exec)
              .build();
    }
    RetryPolicy retry = new RetryPolicy(initialBackoff, maxBackoff, maxRetryAfter);
    return new Pipeline(
        new ClientContext(
            baseUrl,
            apiKey,
            http,
            httpClient == null,
            exec,
            owned,
            maxConcurrentRequests,
            retry,
            sleeper));
  }

  /** The client-wide call settings, every one of them set. */
  final RequestOptions defaults() {
    return RequestOptions.builder()
        .timeout(timeout)
        .totalTimeout(totalTimeout)
        .maxRetries(maxRetries)
        .headers(headers)
        .build();
  }

  /**
   * The client's own pool: a work-stealing pool of twice as many daemon threads as cores. Its idle
   * threads take queued tasks without being woken one by one, which java.net.http's many small
   * hand-offs need: a cached thread pool wakes a parked thread for each and cost 10-15 % of a small
   * call's throughput. A thread that waits on a future (say, a blocking Terrace call within a
   * stage) is compensated by a spare one.
   */
  private static ExecutorService ownPool() {
    AtomicInteger n = new AtomicInteger();
    ForkJoinPool.ForkJoinWorkerThreadFactory threads =
        pool -> {
          ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
          t.setName("terrace-client-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    return new ForkJoinPool(2 * Runtime.getRuntime().availableProcessors(), threads, null, true);
  }
}
