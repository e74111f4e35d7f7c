package dev.terrace.server;

import dev.terrace.engine.config.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link TerraceServer} runs. Start from {@link #defaults()} and change what differs:
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.defaults().toBuilder().port(8080).auth(true)
 *     .databaseUrl("jdbc:postgresql://db/terrace?user=terrace").build();
 * }</pre>
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param catalog the catalog file, or null for the built-in sample catalog
 * @param auth whether API keys are required
 * @param databaseUrl the JDBC URL of the API-key store (SQLite or PostgreSQL)
 * @param limits the engine's per-request limits
 * @param maxBodyBytes the largest request body accepted
 * @param requestTimeout how long one request may run before it is answered 504
 * @param maxActiveRequests requests computed at once
 * @param maxQueuedRequests requests waiting for a slot; beyond this the service answers 503
 * @param rateLimit requests per second each key (or address, without auth) may sustain; 0 turns
 *     limiting off
 * @param rateBurst requests a key may send at once before the rate applies
 * @param shutdownGrace how long a stopping server waits for requests in flight
 * @param deadlineGrace how long past its deadline a request is waited for before it is answered
 *     504: the engine answers by the deadline with what it read, and this is the time it has to
 *     hand that answer over
 * @param jobs where and how jobs run
 * @param webhooks how webhooks are delivered: the internal addresses they may reach, retries and
 *     the attempt timeout
 */
public record ServerConfig(
    String host,
    int port,
    Path catalog,
    boolean auth,
    String databaseUrl,
    Limits limits,
    long maxBodyBytes,
    Duration requestTimeout,
    int maxActiveRequests,
    int maxQueuedRequests,
    double rateLimit,
    int rateBurst,
    Duration shutdownGrace,
    Duration deadlineGrace,
    JobSettings jobs,
    WebhookOptions webhooks) {

  /** The default port. */
  public static final int DEFAULT_PORT = 8000;

  /**
   * @throws IllegalArgumentException if a value is out of range
   */
  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(databaseUrl, "databaseUrl");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(deadlineGrace, "deadlineGrace");
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(webhooks, "webhooks");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (maxBodyBytes < 1024
        || maxActiveRequests < 1
        || maxQueuedRequests < 0
        || rateLimit < 0
        || rateBurst < 1) {
      throw new IllegalArgumentException(
          "maxBodyBytes must be at least 1024, maxActiveRequests and rateBurst at"
              + " least 1, maxQueuedRequests and rateLimit not negative");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
    }
  }

  /**
   * Port 8000 on loopback only, the built-in catalog, auth off, SQLite in {@code terrace.db}, the
   * engine's default limits, a 16 MiB body cap, a 30 s deadline, 8 active requests per core with
   * 512 queued, 100 requests per second per key with bursts of 200, and {@link
   * WebhookOptions#defaults()}.
   *
   * @return the defaults
   */
  public static ServerConfig defaults() {
    return new ServerConfig(
        "127.0.0.1",
        DEFAULT_PORT,
        null,
        false,
        "jdbc:sqlite:terrace.db",
        Limits.defaults(),
        16L << 20,
        Duration.ofSeconds(30),
        8 * Runtime.getRuntime().availableProcessors(),
        512,
        100,
        200,
        Duration.ofSeconds(10),
        Duration.ofMillis(250),
        JobSettings.defaults(),
        WebhookOptions.defaults());
  }

  /**
   * A builder starting from this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link ServerConfig}; every setter returns the builder. */
  public static final class Builder {
    private String host;
    private int port;
    private Path catalog;
    private boolean auth;
    private String databaseUrl;
    private Limits limits;
    private long maxBodyBytes;
    private Duration requestTimeout;
    private int maxActiveRequests;
    private int maxQueuedRequests;
    private double rateLimit;
    private int rateBurst;
    private Duration shutdownGrace;
    private Duration deadlineGrace;
    private JobSettings jobs;
    private WebhookOptions webhooks;

    private Builder(ServerConfig c) {
      host = c.host;
      port = c.port;
      catalog = c.catalog;
      auth = c.auth;
      databaseUrl = c.databaseUrl;
      limits = c.limits;
      maxBodyBytes = c.maxBodyBytes;
      requestTimeout = c.requestTimeout;
      maxActiveRequests = c.maxActiveRequests;
      maxQueuedRequests = c.maxQueuedRequests;
      rateLimit = c.rateLimit;
      rateBurst = c.rateBurst;
      shutdownGrace = c.shutdownGrace;
      deadlineGrace = c.deadlineGrace;
      jobs = c.jobs;
      webhooks = c.webhooks;
    }

    /**
     * @param v the address to listen on @return this
     */
    public Builder host(String v) {
      host = v;
      return this;
    }

    /**
     * @param v the port, 0 for any free one @return this
     */
    public Builder port(int v) {
      port = v;
      return this;
    }

    /**
     * @param v the catalog file, null for the built-in one @return this
     */
    public Builder catalog(Path v) {
      catalog = v;
      return this;
    }

    /**
     * @param v whether API keys are required @return this
     */
    public Builder auth(boolean v) {
      auth = v;
      return this;
    }

    /**
     * @param v a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL @return this
     */
    public Builder databaseUrl(String v) {
      databaseUrl = v;
      return this;
    }

    /**
     * @param v the engine's limits @return this
     */
    public Builder limits(Limits v) {
      limits = v;
      return this;
    }

    /**
     * @param v the largest body accepted, in bytes @return this
     */
    public Builder maxBodyBytes(long v) {
      maxBodyBytes = v;
      return this;
    }

    /**
     * @param v the per-request deadline @return this
     */
    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    /**
     * @param v requests computed at once @return this
     */
    public Builder maxActiveRequests(int v) {
      maxActiveRequests = v;
      return this;
    }

    /**
     * @param v requests allowed to wait for a slot @return this
     */
    public Builder maxQueuedRequests(int v) {
      maxQueuedRequests = v;
      return this;
    }

    /**
     * @param perSecond sustained requests per second per key, 0 for no limit @param burst requests
     *     at once @return this
     */
    public Builder rateLimit(double perSecond, int burst) {
      rateLimit = perSecond;
      rateBurst = burst;
      return this;
    }

    /**
     * @param v how long stopping waits for requests in flight @return this
     */
    public Builder shutdownGrace(Duration v) {
      shutdownGrace = v;
      return this;
    }

    /**
     * @param v how long past its deadline a request is waited for before a 504
     * @return this
     */
    public Builder deadlineGrace(Duration v) {
      deadlineGrace = v;
      return this;
    }

    /**
     * @param v where and how jobs run
     * @return this
     */
    public Builder jobs(JobSettings v) {
      jobs = v;
      return this;
    }

    /**
     * @param v how webhooks are delivered
     * @return this
     */
    public Builder webhooks(WebhookOptions v) {
      webhooks = v;
      return this;
    }

    /**
     * @return the configuration @throws IllegalArgumentException if a value is out of range
     */
    public ServerConfig build() {
      return new ServerConfig(
          host,
          port,
          catalog,
          auth,
          databaseUrl,
          limits,
          maxBodyBytes,
          requestTimeout,
          maxActiveRequests,
          maxQueuedRequests,
          rateLimit,
          rateBurst,
          shutdownGrace,
          deadlineGrace,
          jobs,
          webhooks);
    }
  }
}
