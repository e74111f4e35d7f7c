package dev.terrace.server;

import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.jobs.JobFolder;
import dev.terrace.engine.internal.jobs.JobListener;
import dev.terrace.engine.internal.jobs.JobQuota;
import dev.terrace.engine.internal.jobs.JobService;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The HTTP service: the engine behind both route styles, with auth, rate limits, problem+json
 * errors, health and metrics.
 *
 * <pre>{@code
 * try (TerraceServer server = TerraceServer.start(ServerConfig.defaults().toBuilder().port(0).build())) {
 *   URI base = server.uri();   // POST base + "/v1/op/extract"
 * }
 * }</pre>
 */
public final class TerraceServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TerraceServer.class.getName());

  /** Every route the server answers, for 405 answers and the OpenAPI document. */
  static final List<ApiRoutes.Route> ROUTES =
      Stream.of(
              ApiRoutes.ROUTES,
              StacRoutes.ROUTES,
              TileRoutes.ROUTES,
              ServiceRoutes.ROUTES,
              DocsRoutes.ROUTES,
              ExploreRoutes.ROUTES)
          .flatMap(List::stream)
          .toList();

  /**
   * Memory for idempotent replays: a point answer is under a kilobyte, so this keeps tens of
   * thousands.
   */
  private static final long IDEMPOTENT_RESPONSE_BYTES = 64L << 20;

  private final ServerConfig config;
  private final Engine engine;
  private final Database database;
  private final WorkQueue queue;
  private final WebhookDispatcher webhooks;
  private final WebServer web;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final JobService jobs;
  private volatile boolean closed;

  private TerraceServer(ServerConfig config) {
    this.config = config;
    Catalog catalog = config.catalog() == null ? Catalog.builtin() : Catalog.load(config.catalog());
    this.database = Database.open(config.databaseUrl());
    DescriptionStore descriptions = new DescriptionStore(database);
    catalog.restore(descriptions.load());
    catalog.onDescribed(descriptions::save);
    this.engine =
        Engine.open(catalog, config.limits(), Executors.newVirtualThreadPerTaskExecutor());
    this.queue =
        new WorkQueue(
            config.maxActiveRequests(),
            config.maxQueuedRequests(),
            config.requestTimeout(),
            config.deadlineGrace());
    ApiKeyStore keys = new ApiKeyStore(database);
    WebhookStore webhookStore = new WebhookStore(database);
    this.webhooks = new WebhookDispatcher(webhookStore, config.webhooks());
    Metrics metrics = new Metrics(queue::inFlight);
    Gatekeeper gatekeeper =
        new Gatekeeper(
            config.auth(),
            keys::verify,
            new RateLimiter(config.rateLimit(), config.rateBurst(), System::nanoTime),
            metrics);
    this.jobs = jobService(config, engine, database, new JobEvents(webhooks));
    JobRoutes jobRoutes = new JobRoutes(jobs, config.maxBodyBytes(), config.jobs().maxInputBytes());
    OperationHandler handler =
        new OperationHandler(
            engine,
            new WebhookOperations(webhookStore, config.webhooks()),
            queue,
            new MemoryIdempotencyStore(IDEMPOTENT_RESPONSE_BYTES),
            config.maxBodyBytes(),
            jobRoutes);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("version", version());
    facts.put(
        "catalog",
        Map.of("providers", catalog.providers().size(), "datasets", catalog.datasets().size()));
    facts.put("auth", config.auth());
    facts.put("database", database.kind());

    HttpRouting.Builder routing = HttpRouting.builder().addFilter(gatekeeper);
    new ApiRoutes(handler, jobRoutes).register(routing);
    new StacRoutes(engine, queue, config.maxBodyBytes()).register(routing);
    new TileRoutes(engine.previews(), queue, config.auth()).register(routing);
    new ServiceRoutes(metrics, queue::inFlight, queue::draining, facts).register(routing);
    new DocsRoutes(ROUTES).register(routing);
    new ExploreRoutes().register(routing);
    routing
        .any(new Fallback(ROUTES))
        .error(
            Throwable.class,
            (req, res, t) ->
                ProblemWriter.send(
                    res,
                    t,
                    req.context().get(Exchange.class).map(Exchange::requestId).orElse("unknown"),
                    req.path().path()));
    DirectProblems problems = new DirectProblems(metrics);
    DirectHandlers.Builder direct = DirectHandlers.builder();
    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
      direct.addHandler(type, problems);
    }
    try {
      this.web =
          WebServer.builder()
              .host(config.host())
              .port(config.port())
              // The body cap is enforced while reading, so that an oversized body gets a problem,
              // not a closed socket.
              .maxPayloadSize(-1)
              .addConnectionSelector(new Http1Wire())
              .directHandlers(direct.build())
              // Hands Helidon's messages to the direct handlers, which repeat those it marks safe
              // in their problems.
              .errorHandling(e -> e.includeEntity(true))
              .shutdownGracePeriod(config.shutdownGrace())
              .routing(routing)
              .build()
              .start();
      // Helidon logs a port it cannot bind and starts without a listener rather than failing.
      if (!web.isRunning() || web.port() < 0) {
        web.stop();
        throw new IllegalStateException(
            "cannot listen on "
                + config.host()
                + ":"
                + config.port()
                + "; is another process using that port? Choose another with --port");
      }
    } catch (RuntimeException e) {
      // The port is taken, say: what was opened for the server that will not run is closed, not
      // left behind.
      jobs.close();
      queue.close();
      engine.close();
      database.close();
      throw e;
    }
    webhooks.start();
    LOG.info(
        () ->
            "Terrace "
                + version()
                + " serving "
                + catalog.providers().size()
                + " providers on "
                + uri()
                + (config.auth() ? " with API keys required" : " without auth")
                + ", database "
                + Database.redact(config.databaseUrl()));
    // Jobs a killed process left running resume from their last committed chunk.
    jobs.start();
  }

  /**
   * Starts a server; it runs until {@link #close()}.
   *
   * @param config how to run
   * @return the running server
   * @throws IllegalStateException if the database cannot be opened or the port is taken
   * @throws dev.terrace.engine.internal.catalog.CatalogException if the catalog file is invalid
   */
  public static TerraceServer start(ServerConfig config) {
    return new TerraceServer(config);
  }

  /**
   * @return the port listened on, the chosen one when the configuration said 0
   */
  public int port() {
    return web.port();
  }

  /**
   * @return the address listened on, the configured host resolved, with {@link #port()}
   */
  public InetSocketAddress address() {
    return new InetSocketAddress(config.host(), port());
  }

  /**
   * @return the base URI to call, on loopback when listening on all interfaces
   */
  public URI uri() {
    String host =
        "0.0.0.0".equals(config.host()) || "::".equals(config.host()) ? "127.0.0.1" : config.host();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  /**
   * @return the engine answering requests
   */
  public Engine engine() {
    return engine;
  }

  /**
   * @return the database holding API keys and idempotent responses
   */
  public Database database() {
    return database;
  }

  /**
   * @return what publishes events to webhooks and delivers them
   */
  WebhookDispatcher webhooks() {
    return webhooks;
  }

  /**
   * Blocks until the server has stopped.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops gracefully: new requests are refused with 503, requests in flight finish (up to the
   * configured grace period), then the listener, the engine and the database close. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!queue.drain(config.shutdownGrace())) {
        LOG.warning(
            () ->
                queue.inFlight()
                    + " requests were still running after the "
                    + config.shutdownGrace().toSeconds()
                    + " s grace period");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      web.stop();
      jobs.close();
      queue.close();
      webhooks.close();
      engine.close();
      database.close();
      stopped.countDown();
    }
  }

  private static JobService jobService(
      ServerConfig config, Engine engine, Database database, JobListener listener) {
    JobSettings settings = config.jobs();
    return new JobService(
        engine,
        engine.catalog(),
        new JdbcJobStore(database),
        new JobFolder(settings.folder()),
        settings.workers(),
        settings.chunkRows(),
        config.limits().maxGeometries(),
        new JobQuota(settings.maxJobsPerKey(), settings.maxQueuedRowsPerKey()),
        listener);
  }

  static String version() {
    String v = TerraceServer.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
