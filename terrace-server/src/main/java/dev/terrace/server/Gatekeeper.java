package dev.terrace.server;

import dev.terrace.api.ErrorType;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * The first thing every request meets: it gets a request id, API routes get their caller identified
 * and rate limited, and every answer is counted.
 */
final class Gatekeeper implements Filter {

  private static final String BEARER = "bearer ";
  private static final HeaderName REQUEST_ID = HeaderNames.create(RequestIds.HEADER);
  private static final HeaderName API_KEY = HeaderNames.create("X-API-Key");
  private static final String POLICY = "\"default\"";

  /**
   * RFC 9110 §11.6.1: a 401 names how to authenticate; the key travels as a bearer token (RFC
   * 6750).
   */
  private static final String CHALLENGE = "Bearer realm=\"terrace\"";

  private final boolean auth;
  private final KeyVerifier keys;
  private final RateLimiter limiter;
  private final Metrics metrics;

  Gatekeeper(boolean auth, KeyVerifier keys, RateLimiter limiter, Metrics metrics) {
    this.auth = auth;
    this.keys = keys;
    this.limiter = limiter;
    this.metrics = metrics;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    long start = System.nanoTime();
    String requestId = RequestIds.keepOrMake(req.headers().first(REQUEST_ID).orElse(null));
    String path = req.path().path();
    Exchange exchange = new Exchange(requestId, Exchange.UNMATCHED);
    req.context().register(exchange);
    res.header(RequestIds.HEADER, requestId);
    try {
      if (path == null) {
        // CONNECT's authority-form target, as a proxy would be sent, leaves Helidon no path
        throw ProblemException.of(
                ErrorType.VALIDATION_ERROR,
                "the request target is not a path: this service is not a proxy; ask for a path such as /health")
            .withStatus(400);
      }
      if (isApi(path)) {
        admit(req, res, exchange);
      }
      chain.proceed();
    } catch (RuntimeException e) {
      ProblemWriter.send(res, e, requestId, path);
    } finally {
      metrics.record(exchange.label(), res.status().code(), System.nanoTime() - start);
    }
  }

  static boolean isApi(String path) {
    return path.startsWith("/v1/")
        || path.startsWith("/api/")
        || path.equals("/stac")
        || path.startsWith("/stac/");
  }

  private void admit(RoutingRequest req, RoutingResponse res, Exchange exchange) {
    Optional<String> presented = credentials(req);
    Optional<Principal> principal = auth ? presented.flatMap(keys::verify) : Optional.empty();
    String address = address(req.remotePeer().address());
    String caller = principal.map(Principal::id).orElse("ip:" + address);
    if (limiter.enabled()) {
      RateLimiter.Decision d = limiter.take(caller);
      RateLimiter.Quota quota = limiter.quota();
      res.header("X-RateLimit-Limit", Long.toString(quota.requests()));
      res.header("X-RateLimit-Remaining", Integer.toString(d.remaining()));
      res.header("X-RateLimit-Reset", Long.toString(d.resetSeconds()));
      // draft-ietf-httpapi-ratelimit-headers: the policy, then this caller's standing under it
      res.header(
          "RateLimit-Policy", POLICY + ";q=" + quota.requests() + ";w=" + quota.windowSeconds());
      res.header("RateLimit", POLICY + ";r=" + d.remaining() + ";t=" + d.resetSeconds());
      if (!d.allowed()) {
        throw ProblemException.retryLater(
            ErrorType.RATE_LIMITED,
            "this "
                + (principal.isPresent() ? "API key" : "address")
                + " is over its rate limit ("
                + limiter.describe()
                + "); retry after "
                + d.retryAfterSeconds()
                + " s",
            d.retryAfterSeconds());
      }
    }
    if (!auth) {
      exchange.principal(Principal.anonymous(address));
      return;
    }
    if (principal.isEmpty()) {
      res.header(
          "WWW-Authenticate",
          presented.isEmpty() ? CHALLENGE : CHALLENGE + ", error=\"invalid_token\"");
      throw ProblemException.of(
          ErrorType.UNAUTHORIZED,
          presented.isEmpty()
              ? "this service requires an API key: send it as 'Authorization: Bearer trc_…' or 'X-API-Key: trc_…'"
              : "the API key is unknown or revoked; create one with 'terrace keys create'");
    }
    exchange.principal(principal.get());
  }

  private static Optional<String> credentials(RoutingRequest req) {
    Optional<String> authorization =
        req.headers()
            .first(HeaderNames.AUTHORIZATION)
            .filter(v -> v.regionMatches(true, 0, BEARER, 0, BEARER.length()))
            .map(v -> v.substring(BEARER.length()).trim());
    return authorization.isPresent()
        ? authorization
        : req.headers().first(API_KEY).map(String::trim);
  }

  private static String address(SocketAddress address) {
    return address instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : String.valueOf(address);
  }
}
