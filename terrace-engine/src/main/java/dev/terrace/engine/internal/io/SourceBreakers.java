package dev.terrace.engine.internal.io;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The circuit breakers of every remote source this process reads, one per host and one per file: a
 * host that stops answering, or a file that keeps failing, is refused at once for a cool-down
 * instead of holding every request that names it until its deadline, then probed by one request.
 * Failures are what a retry cannot cure: errors and timeouts after the retries; a read abandoned at
 * a request's deadline after waiting long is a stall, which opens the breaker at once.
 */
public final class SourceBreakers {

  /** Consecutive failures that open a breaker. */
  static final int THRESHOLD = 5;

  /** How long an open breaker refuses before it lets a probe through. */
  static final Duration COOL_DOWN = Duration.ofSeconds(10);

  /**
   * A read abandoned sooner than this says nothing about its source: the request's deadline was
   * short.
   */
  static final Duration SLOW = Duration.ofMillis(500);

  private static final SourceBreakers SHARED = new SourceBreakers();

  private final Map<String, Breaker> breakers = new ConcurrentHashMap<>();

  private SourceBreakers() {}

  /**
   * @return the breakers of this process
   */
  public static SourceBreakers shared() {
    return SHARED;
  }

  /**
   * One breaker's state, for metrics and health.
   *
   * @param source a host ({@code host:port}) or a file's URL without its query
   * @param state {@code closed}, {@code open} or {@code half_open}
   * @param timesOpened how many times it has opened since the process started
   * @param lastFailure the last failure seen, or null for none
   */
  public record Status(String source, String state, long timesOpened, String lastFailure) {}

  /**
   * @return every breaker that has seen a failure, by source
   */
  public List<Status> statuses() {
    return breakers.entrySet().stream()
        .filter(e -> e.getValue().lastFailure() != null)
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                new Status(
                    e.getKey(),
                    e.getValue().state().name().toLowerCase(java.util.Locale.ROOT),
                    e.getValue().timesOpened(),
                    e.getValue().lastFailure()))
        .toList();
  }

  /**
   * Forgets every source's failures and closes every breaker: for an operator who knows the sources
   * are back.
   */
  public void reset() {
    breakers.clear();
  }

  Breaker host(URI uri) {
    String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    return breakers.computeIfAbsent(host, h -> new Breaker(h, THRESHOLD, COOL_DOWN));
  }

  Breaker file(URI uri) {
    // Named without the query: the statuses reach the metrics, and a query may carry a signature.
    return breakers.computeIfAbsent(
        RemoteNames.display(uri.toString()), u -> new Breaker(u, THRESHOLD, COOL_DOWN));
  }
}
