package dev.terrace.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Settings for one call, or for a copy of a client ({@link
 * TerraceClient#withOptions(RequestOptions)}): each setting given here overrides the client's,
 * headers are added to (and override) the client's.
 *
 * <pre>{@code
 * client.extract(request, RequestOptions.builder().timeout(Duration.ofMinutes(5)).maxRetries(0).build());
 * }</pre>
 *
 * <p>Immutable; {@link #toString()} lists header names but not their values.
 */
public final class RequestOptions {

  private static final RequestOptions NONE = new Builder().build();

  private final @Nullable Duration timeout;
  private final @Nullable Duration totalTimeout;
  private final @Nullable Integer maxRetries;
  private final Map<String, String> headers;
  private final @Nullable String idempotencyKey;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.totalTimeout = b.totalTimeout;
    this.maxRetries = b.maxRetries;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.idempotencyKey = b.idempotencyKey;
  }

  /**
   * Options that change nothing.
   *
   * @return the empty options
   */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * A builder with nothing set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The time one attempt may take, from sending the request to receiving the response headers.
   *
   * @return the timeout, or empty to keep the client's
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The time the whole call may take, every attempt and every wait between attempts included.
   *
   * @return the overall timeout, or empty to keep the client's
   */
  public Optional<Duration> totalTimeout() {
    return Optional.ofNullable(totalTimeout);
  }

  /**
   * How many times a failed attempt may be repeated.
   *
   * @return the number of retries, or empty to keep the client's
   */
  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /**
   * Headers sent in addition to (or instead of) the client's.
   *
   * @return the headers, unmodifiable, in the order they were set
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * The {@code Idempotency-Key} for a mutating call ({@code extract}, {@code extract.batch}), when
   * the caller chooses it; otherwise the client makes one per call. Either way the same key goes
   * with every attempt.
   *
   * @return the key, or empty to let the client make one
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /**
   * These options overridden by others: each setting of {@code other} wins, headers are merged.
   *
   * @param other the overriding options
   * @return the combination
   */
  RequestOptions overriddenBy(RequestOptions other) {
    Objects.requireNonNull(other, "options");
    if (other == NONE) {
      return this;
    }
    Builder b = new Builder();
    b.timeout = other.timeout != null ? other.timeout : timeout;
    b.totalTimeout = other.totalTimeout != null ? other.totalTimeout : totalTimeout;
    b.maxRetries = other.maxRetries != null ? other.maxRetries : maxRetries;
    b.headers.putAll(headers);
    b.headers.putAll(other.headers);
    b.idempotencyKey = other.idempotencyKey != null ? other.idempotencyKey : idempotencyKey;
    return b.build();
  }

  /**
   * The settings, header values left out (they may be credentials).
   *
   * @return for example {@code RequestOptions[timeout=PT30S, headers=[X-Job]]}
   */
  @Override
  public String toString() {
    return "RequestOptions[timeout="
        + timeout
        + ", totalTimeout="
        + totalTimeout
        + ", maxRetries="
        + maxRetries
        + ", headers="
        + headers.keySet()
        + ", idempotencyKey="
        + (idempotencyKey == null ? null : "(set)")
        + "]";
  }

  /** Builds {@link RequestOptions}; each setter checks its argument and returns the builder. */
  public static final class Builder {
    private @Nullable Duration timeout;
    private @Nullable Duration totalTimeout;
    private @Nullable Integer maxRetries;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable String idempotencyKey;

    private Builder() {}

    /**
     * Sets the time one attempt may take.
     *
     * @param value a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is zero or negative
     */
    public Builder timeout(Duration value) {
      timeout = positive(value, "timeout");
      return this;
    }

    /**
     * Sets the time the whole call may take, retries and waits included.
     *
     * @param value a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is zero or negative
     */
    public Builder totalTimeout(Duration value) {
      totalTimeout = positive(value, "totalTimeout");
      return this;
    }

    /**
     * Sets how many times a failed attempt may be repeated.
     *
     * @param value zero or more
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Builder maxRetries(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative, got " + value);
      }
      maxRetries = value;
      return this;
    }

    /**
     * Adds a header.
     *
     * @param name the header name
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the name or value is blank or contains a line break
     */
    public Builder header(String name, String value) {
      headers.put(headerName(name), headerValue(value));
      return this;
    }

    /**
     * Adds headers.
     *
     * @param values names to values
     * @return this builder
     * @throws IllegalArgumentException as {@link #header(String, String)}
     */
    public Builder headers(Map<String, String> values) {
      values.forEach(this::header);
      return this;
    }

    /**
     * Sets the {@code Idempotency-Key} of a mutating call, for example to make a retry by the
     * caller's own job system replay the first response.
     *
     * @param value the key
     * @return this builder
     * @throws IllegalArgumentException if the key is blank or contains a line break
     */
    public Builder idempotencyKey(String value) {
      idempotencyKey = headerValue(value);
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }

  static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  static String headerName(String name) {
    Objects.requireNonNull(name, "header name");
    if (name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
      throw new IllegalArgumentException("Invalid header name '" + name + "'");
    }
    return name;
  }

  static String headerValue(String value) {
    Objects.requireNonNull(value, "header value");
    if (value.isBlank() || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(
          "A header value must not be blank or contain a line break");
    }
    return value;
  }
}
