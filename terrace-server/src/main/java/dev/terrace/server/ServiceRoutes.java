package dev.terrace.server;

import dev.terrace.engine.internal.geotiff.CacheStats;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.io.SourceBreakers;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** {@code GET /health} and {@code GET /metrics}: what operators and probes read. */
final class ServiceRoutes {

  static final ApiRoutes.Route HEALTH = new ApiRoutes.Route(Method.GET, "/health");
  static final ApiRoutes.Route METRICS = new ApiRoutes.Route(Method.GET, "/metrics");
  static final List<ApiRoutes.Route> ROUTES = List.of(HEALTH, METRICS);

  private final Metrics metrics;
  private final IntSupplier inFlight;
  private final BooleanSupplier draining;
  private final Map<String, Object> facts;
  private final Instant started = Instant.now();

  /**
   * @param facts what does not change while the server runs: version, catalog size, database kind
   */
  ServiceRoutes(
      Metrics metrics, IntSupplier inFlight, BooleanSupplier draining, Map<String, Object> facts) {
    this.metrics = metrics;
    this.inFlight = inFlight;
    this.draining = draining;
    this.facts = facts;
  }

  void register(HttpRouting.Builder routing) {
    routing.get(HEALTH.path(), this::health).get(METRICS.path(), this::metrics);
  }

  private void health(ServerRequest req, ServerResponse res) throws Exception {
    req.context().get(Exchange.class).ifPresent(e -> e.label("health"));
    boolean stopping = draining.getAsBoolean();
    CacheStats cache = TileCache.shared().stats();
    Map<String, Object> cacheBody = new LinkedHashMap<>();
    cacheBody.put("requests", cache.requests());
    cacheBody.put("hits", cache.hits());
    cacheBody.put("decodes", cache.decodes());
    cacheBody.put(
        "hit_ratio", cache.requests() == 0 ? 0.0 : (double) cache.hits() / cache.requests());
    cacheBody.put("bytes", cache.bytes());
    cacheBody.put("max_bytes", cache.maxBytes());
    // A failing source degrades the service, which still answers every other dataset: 200, with the
    // sources named.
    List<Map<String, Object>> failing =
        SourceBreakers.shared().statuses().stream()
            .filter(s -> !s.state().equals("closed"))
            .map(ServiceRoutes::source)
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", stopping ? "draining" : failing.isEmpty() ? "ok" : "degraded");
    body.putAll(facts);
    body.put("uptime_s", Duration.between(started, Instant.now()).toSeconds());
    body.put("in_flight", inFlight.getAsInt());
    body.put("tile_cache", cacheBody);
    if (!failing.isEmpty()) {
      body.put("failing_sources", failing);
    }
    OperationHandler.send(res, stopping ? 503 : 200, body);
  }

  private static Map<String, Object> source(SourceBreakers.Status s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", s.source());
    out.put("breaker", s.state());
    out.put("last_failure", s.lastFailure());
    return out;
  }

  private void metrics(ServerRequest req, ServerResponse res) {
    req.context().get(Exchange.class).ifPresent(e -> e.label("metrics"));
    res.header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    res.send(metrics.prometheusText().getBytes(StandardCharsets.UTF_8));
  }
}
