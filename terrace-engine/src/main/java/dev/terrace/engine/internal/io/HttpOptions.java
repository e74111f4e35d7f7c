package dev.terrace.engine.internal.io;

import dev.terrace.api.retry.RetryPolicy;
import dev.terrace.api.retry.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * How an {@link HttpByteSource} talks to its server: the client, timeouts, retries, read-ahead and
 * range merging. Immutable and thread-safe; build with {@link #builder()} or take {@link
 * #defaults()}.
 *
 * <p>Every builder setter checks its argument at once and names the offending value, so a bad
 * configuration fails where it is written rather than at the first read.
 */
public final class HttpOptions {

  /** Largest array the JVM reliably allocates; every in-memory buffer we size must fit one. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * Headers the source sets itself. A caller's {@code Range} or conditional header would break the
   * length/ETag bookkeeping, so they are refused rather than silently overridden.
   */
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "range",
          "if-match",
          "if-none-match",
          "if-range",
          "if-modified-since",
          "if-unmodified-since");

  private static final HttpOptions DEFAULTS = builder().build();

  private final HttpClient httpClient;
  private final Duration requestTimeout;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int prefetchBytes;
  private final int mergeGapBytes;
  private final int maxMergedBytes;
  private final int maxConcurrentRequests;
  private final long maxWholeBodyBytes;
  private final boolean hedging;
  private final Map<String, String> headers;
  private final RequestSigner signer;
  private final Sleeper sleeper;

  private HttpOptions(Builder b) {
    this.httpClient = b.httpClient;
    this.requestTimeout = b.requestTimeout;
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.prefetchBytes = b.prefetchBytes;
    this.mergeGapBytes = b.mergeGapBytes;
    this.maxMergedBytes = b.maxMergedBytes;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.maxWholeBodyBytes = b.maxWholeBodyBytes;
    this.hedging = b.hedging;
    this.headers = b.headers;
    this.signer = b.signer;
    this.sleeper = b.sleeper;
  }

  /**
   * The defaults: the shared client, 30 s per request, 3 retries backing off from 100 ms to 2 s, a
   * 16 KiB header prefetch, ranges less than 16 KiB apart merged into requests of at most 8 MiB, 8
   * requests in flight per {@code readAll}, whole bodies of up to 64 MiB kept when a server ignores
   * {@code Range}, and slow requests hedged.
   *
   * @return the default options
   */
  public static HttpOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts from the defaults listed at {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts from these options, to change a few.
   *
   * @return a new builder holding every option of this one
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.httpClient = httpClient;
    b.requestTimeout = requestTimeout;
    b.maxRetries = maxRetries;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.prefetchBytes = prefetchBytes;
    b.mergeGapBytes = mergeGapBytes;
    b.maxMergedBytes = maxMergedBytes;
    b.maxConcurrentRequests = maxConcurrentRequests;
    b.maxWholeBodyBytes = maxWholeBodyBytes;
    b.hedging = hedging;
    b.headers = headers;
    b.signer = signer;
    b.sleeper = sleeper;
    return b;
  }

  /**
   * Returns the client requests are sent with: the caller's, or else one client shared by every
   * source in the JVM (HTTP/2 where the server offers it, HTTP/1.1 otherwise; 10 s connect timeout;
   * follows redirects except from https to http). The shared client is created on first use and
   * never closed; its threads are daemons.
   *
   * @return the client, never null
   */
  public HttpClient httpClient() {
    return httpClient != null ? httpClient : SharedClient.INSTANCE;
  }

  /**
   * Tells whether {@link #httpClient()} is the caller's.
   *
   * @return true if the caller supplied the client, false if the shared default is used
   */
  public boolean hasCustomHttpClient() {
    return httpClient != null;
  }

  /**
   * The request timeout.
   *
   * @return the limit on one whole exchange, from sending the request to the last body byte; a
   *     server that stalls mid-body is abandoned after it and the request retried
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * The retry limit.
   *
   * @return how many times a failed request is repeated; a request is attempted at most this plus
   *     one times
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * The first backoff.
   *
   * @return the pause before the first retry; it doubles with each further one, up to {@link
   *     #maxBackoff()}
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The backoff cap.
   *
   * @return the longest pause between two attempts, also the longest {@code Retry-After} waited
   *     out: a server asking for more is not asked again
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The header prefetch.
   *
   * @return how many bytes from the start of the file are fetched when the source is opened and
   *     kept in memory; a TIFF's headers and tile directories usually lie within them
   */
  public int prefetchBytes() {
    return prefetchBytes;
  }

  /**
   * The merge gap.
   *
   * @return the largest gap between two ranges of one {@code readAll} that still puts them in one
   *     request
   */
  public int mergeGapBytes() {
    return mergeGapBytes;
  }

  /**
   * The merge cap.
   *
   * @return the largest span merging may build; a single range longer than this is still fetched
   *     whole
   */
  public int maxMergedBytes() {
    return maxMergedBytes;
  }

  /**
   * The concurrency limit.
   *
   * @return how many requests one {@code readAll} keeps in flight at once
   */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /**
   * The whole-body limit.
   *
   * @return the largest body kept whole when a server ignores {@code Range} and sends the entire
   *     file; larger bodies are streamed and only the requested bytes kept
   */
  public long maxWholeBodyBytes() {
    return maxWholeBodyBytes;
  }

  /**
   * Whether slow requests are hedged.
   *
   * @return true if a request still unanswered after the source's usual time (its 95th percentile,
   *     at least 50 ms) is sent once more and the first to bring the bytes used
   */
  public boolean hedging() {
    return hedging;
  }

  /**
   * The extra headers.
   *
   * @return the extra headers sent with every request, unmodifiable, names in their given case
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * @return what signs each attempt, or null to send requests unsigned
   */
  RequestSigner signer() {
    return signer;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  /**
   * @return the retry policy these options describe, shared with the SDK: its statuses, jitter and
   *     cap
   */
  RetryPolicy retryPolicy() {
    return new RetryPolicy(initialBackoff, maxBackoff, maxBackoff);
  }

  /**
   * Describes the options. Header values are left out because they often carry credentials.
   *
   * @return a description for logs
   */
  @Override
  public String toString() {
    return "HttpOptions[httpClient="
        + (httpClient == null ? "shared" : "custom")
        + ", requestTimeout="
        + requestTimeout
        + ", maxRetries="
        + maxRetries
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", prefetchBytes="
        + prefetchBytes
        + ", mergeGapBytes="
        + mergeGapBytes
        + ", maxMergedBytes="
        + maxMergedBytes
        + ", maxConcurrentRequests="
        + maxConcurrentRequests
        + ", maxWholeBodyBytes="
        + maxWholeBodyBytes
        + ", hedging="
        + hedging
        + ", headers="
        + headers.keySet()
        + ", signed="
        + (signer != null)
        + "]";
  }

  /** Holder idiom: the shared client is built only if some source uses the defaults. */
  private static final class SharedClient {
    static final HttpClient INSTANCE =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Collects options; not thread-safe. Each setter validates its argument and throws at once. */
  public static final class Builder {
    private HttpClient httpClient;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private int prefetchBytes = 16 * 1024;
    private int mergeGapBytes = 16 * 1024;
    private int maxMergedBytes = 8 * 1024 * 1024;
    private int maxConcurrentRequests = 8;
    private long maxWholeBodyBytes = 64L * 1024 * 1024;
    private boolean hedging = true;
    private Map<String, String> headers = Map.of();
    private RequestSigner signer;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    /**
     * Sends requests with this client, so that sources share its connection pool, proxy and TLS
     * settings. The source never closes it.
     *
     * @param client the client
     * @return this builder
     * @throws NullPointerException if {@code client} is null
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "httpClient must not be null");
      return this;
    }

    /**
     * Limits one whole exchange including its body. {@link HttpRequest.Builder#timeout} would only
     * cover the wait for the headers; this one also catches a server that stalls mid-body.
     *
     * @param timeout positive, at most one day
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero, negative or longer than a day
     */
    public Builder requestTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "requestTimeout must not be null");
      requireArgument(timeout.isPositive(), "requestTimeout must be positive: %s", timeout);
      requireArgument(
          timeout.compareTo(Duration.ofDays(1)) <= 0,
          "requestTimeout must be at most a day: %s",
          timeout);
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * Sets how often a failed request is repeated. Only transient failures are retried: the
     * statuses {@link RetryPolicy#isRetryable(int)} names (408, 429, 500, 502, 503, 504), timeouts,
     * connection errors and truncated bodies.
     *
     * @param retries from 0 (one attempt only) to 100
     * @return this builder
     * @throws IllegalArgumentException if {@code retries} is negative or above 100
     */
    public Builder maxRetries(int retries) {
      requireArgument(retries >= 0, "maxRetries must not be negative: %s", retries);
      requireArgument(retries <= 100, "maxRetries must be at most 100: %s", retries);
      this.maxRetries = retries;
      return this;
    }

    /**
     * Sets the pause before the first retry; it doubles with each further retry, with jitter, as
     * the shared {@link RetryPolicy} does.
     *
     * @param backoff zero or positive, at most a day
     * @return this builder
     * @throws NullPointerException if {@code backoff} is null
     * @throws IllegalArgumentException if {@code backoff} is negative or longer than a day
     */
    public Builder initialBackoff(Duration backoff) {
      Objects.requireNonNull(backoff, "initialBackoff must not be null");
      requireArgument(!backoff.isNegative(), "initialBackoff must not be negative: %s", backoff);
      requireArgument(
          backoff.compareTo(Duration.ofDays(1)) <= 0,
          "initialBackoff must be at most a day: %s",
          backoff);
      this.initialBackoff = backoff;
      return this;
    }

    /**
     * Caps the pause between attempts, and the {@code Retry-After} a server may ask for: a longer
     * one ends the retries rather than hold up the extraction (see {@link RetryPolicy} for why the
     * SDK waits longer).
     *
     * @param backoff zero or positive, at most a day, and not below the initial backoff (checked by
     *     {@link #build()})
     * @return this builder
     * @throws NullPointerException if {@code backoff} is null
     * @throws IllegalArgumentException if {@code backoff} is negative or longer than a day
     */
    public Builder maxBackoff(Duration backoff) {
      Objects.requireNonNull(backoff, "maxBackoff must not be null");
      requireArgument(!backoff.isNegative(), "maxBackoff must not be negative: %s", backoff);
      requireArgument(
          backoff.compareTo(Duration.ofDays(1)) <= 0,
          "maxBackoff must be at most a day: %s",
          backoff);
      this.maxBackoff = backoff;
      return this;
    }

    /**
     * Sets how many leading bytes are fetched at open and kept; reads inside them need no request.
     *
     * @param bytes at least 1 (the open request must return a byte to learn the length), at most
     *     256 MiB
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is out of range
     */
    public Builder prefetchBytes(int bytes) {
      requireArgument(bytes >= 1, "prefetchBytes must be at least 1: %s", bytes);
      requireArgument(
          bytes <= 256 * 1024 * 1024, "prefetchBytes must be at most 256 MiB: %s", bytes);
      this.prefetchBytes = bytes;
      return this;
    }

    /**
     * Sets the largest gap between ranges that are still fetched in one request: downloading a
     * small gap is cheaper than a round trip. GDAL separates COG tiles by 8 bytes.
     *
     * @param bytes zero (merge only adjacent or overlapping ranges) or more
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public Builder mergeGapBytes(int bytes) {
      requireArgument(bytes >= 0, "mergeGapBytes must not be negative: %s", bytes);
      this.mergeGapBytes = bytes;
      return this;
    }

    /**
     * Caps a merged request so that one slow response does not hold up many tiles.
     *
     * @param bytes at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is below 1
     */
    public Builder maxMergedBytes(int bytes) {
      requireArgument(bytes >= 1, "maxMergedBytes must be at least 1: %s", bytes);
      this.maxMergedBytes = bytes;
      return this;
    }

    /**
     * Limits the requests one {@code readAll} keeps in flight.
     *
     * @param requests from 1 to 1024
     * @return this builder
     * @throws IllegalArgumentException if {@code requests} is out of range
     */
    public Builder maxConcurrentRequests(int requests) {
      requireArgument(requests >= 1, "maxConcurrentRequests must be at least 1: %s", requests);
      requireArgument(requests <= 1024, "maxConcurrentRequests must be at most 1024: %s", requests);
      this.maxConcurrentRequests = requests;
      return this;
    }

    /**
     * Sets the largest body kept in memory when a server ignores {@code Range} and answers 200 with
     * the entire file. Smaller files are then served from memory without further requests; larger
     * ones are streamed for each read and only the requested bytes kept.
     *
     * @param bytes zero (never keep a whole body) up to the largest Java array
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is negative or does not fit an array
     */
    public Builder maxWholeBodyBytes(long bytes) {
      requireArgument(bytes >= 0, "maxWholeBodyBytes must not be negative: %s", bytes);
      requireArgument(
          bytes <= MAX_ARRAY, "maxWholeBodyBytes must fit a Java array (%s): %s", MAX_ARRAY, bytes);
      this.maxWholeBodyBytes = bytes;
      return this;
    }

    /**
     * Turns hedging on or off. With it on, a request still unanswered after the 95th percentile of
     * the source's last answer times (at least 50 ms; nothing is hedged before 20 answers are
     * known) is sent once more to the same URL, with the same checks, and the first to bring the
     * bytes wins; the other is aborted. At most one hedge is in flight per request, and it is not a
     * retry. This trades a few percent more requests for a much shorter tail when a source
     * sometimes answers late.
     *
     * @param on true (the default) to hedge, false to send each attempt once
     * @return this builder
     */
    public Builder hedging(boolean on) {
      this.hedging = on;
      return this;
    }

    /**
     * Adds headers to every request, for example {@code Authorization}. Replaces earlier ones.
     *
     * @param headers names to values; copied
     * @return this builder
     * @throws NullPointerException if {@code headers}, a name or a value is null
     * @throws IllegalArgumentException if a name or value is not valid HTTP, is one the client sets
     *     itself ({@code Host}, {@code Content-Length}...), is one this source sets ({@code Range},
     *     {@code If-*}), or appears twice in different case
     */
    public Builder headers(Map<String, String> headers) {
      Objects.requireNonNull(headers, "headers must not be null");
      Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Map.Entry<String, String> e : headers.entrySet()) {
        String name = Objects.requireNonNull(e.getKey(), "header name must not be null");
        String value =
            Objects.requireNonNull(
                e.getValue(), () -> "value of header " + name + " must not be null");
        requireArgument(
            !RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT)),
            "header %s is set by HttpByteSource itself and must not be given",
            name);
        try {
          // The request builder knows the token grammar and the client's restricted names; reuse
          // it.
          HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, value);
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(
              "header " + name + " is not allowed: " + ex.getMessage(), ex);
        }
        requireArgument(
            copy.put(name, value) == null, "header %s is given twice (names ignore case)", name);
      }
      this.headers = Collections.unmodifiableMap(copy);
      return this;
    }

    /**
     * Signs every attempt, retries and hedges included, after the other headers are set; a URL that
     * carries its own signature ({@link RequestSigner#signedByUrl}) is sent as given, unsigned.
     *
     * @param signer what adds the authentication headers, or null to sign nothing (the default)
     * @return this builder
     */
    public Builder signer(RequestSigner signer) {
      this.signer = signer;
      return this;
    }

    /**
     * Replaces the pause between retries, so tests need not wait.
     *
     * @param sleeper the pause
     * @return this builder
     */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
      return this;
    }

    /**
     * Checks the combination and creates the options.
     *
     * @return the options
     * @throws IllegalArgumentException if the initial backoff exceeds the maximum backoff
     */
    public HttpOptions build() {
      requireArgument(
          initialBackoff.compareTo(maxBackoff) <= 0,
          "initialBackoff (%s) must not exceed maxBackoff (%s)",
          initialBackoff,
          maxBackoff);
      return new HttpOptions(this);
    }

    private static void requireArgument(boolean ok, String template, Object... args) {
      if (!ok) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, template, args));
      }
    }
  }
}
