package dev.terrace.server;

import dev.terrace.engine.internal.geotiff.CacheStats;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.io.ReadTotals;
import dev.terrace.engine.internal.io.SourceBreakers;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * Request counts and latency histograms by route and status, written in the Prometheus text format.
 */
final class Metrics {

  /** Upper bounds of the latency buckets, in seconds. */
  private static final double[] BOUNDS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30
  };

  private record Series(String operation, int status) {}

  private static final class Histogram {
    final LongAdder[] buckets = new LongAdder[BOUNDS.length];
    final LongAdder count = new LongAdder();
    final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      for (int i = 0; i < BOUNDS.length; i++) {
        if (seconds <= BOUNDS[i]) {
          buckets[i].increment();
          break;
        }
      }
      count.increment();
      sum.add(seconds);
    }
  }

  private final Map<Series, Histogram> series = new ConcurrentHashMap<>();
  private final IntSupplier inFlight;

  Metrics(IntSupplier inFlight) {
    this.inFlight = inFlight;
  }

  void record(String operation, int status, long nanos) {
    series
        .computeIfAbsent(new Series(operation, status), s -> new Histogram())
        .observe(nanos / 1e9);
  }

  String prometheusText() {
    StringBuilder out = new StringBuilder(4096);
    Map<Series, Histogram> sorted =
        new TreeMap<>(
            (a, b) ->
                a.operation.equals(b.operation)
                    ? Integer.compare(a.status, b.status)
                    : a.operation.compareTo(b.operation));
    sorted.putAll(series);
    out.append("# HELP terrace_requests_total Requests answered, by operation and status.\n")
        .append("# TYPE terrace_requests_total counter\n");
    sorted.forEach(
        (s, h) ->
            out.append("terrace_requests_total")
                .append(labels(s, null))
                .append(' ')
                .append(h.count.sum())
                .append('\n'));
    out.append(
            "# HELP terrace_request_duration_seconds Time to answer a request, by operation and status.\n")
        .append("# TYPE terrace_request_duration_seconds histogram\n");
    sorted.forEach(
        (s, h) -> {
          long cumulative = 0;
          for (int i = 0; i < BOUNDS.length; i++) {
            cumulative += h.buckets[i].sum();
            out.append("terrace_request_duration_seconds_bucket")
                .append(labels(s, Double.toString(BOUNDS[i])))
                .append(' ')
                .append(cumulative)
                .append('\n');
          }
          long count = h.count.sum();
          out.append("terrace_request_duration_seconds_bucket")
              .append(labels(s, "+Inf"))
              .append(' ')
              .append(count)
              .append('\n')
              .append("terrace_request_duration_seconds_sum")
              .append(labels(s, null))
              .append(' ')
              .append(h.sum.sum())
              .append('\n')
              .append("terrace_request_duration_seconds_count")
              .append(labels(s, null))
              .append(' ')
              .append(count)
              .append('\n');
        });
    gauge(
        out,
        "terrace_requests_in_flight",
        "gauge",
        "Requests admitted and not yet answered.",
        inFlight.getAsInt());
    CacheStats cache = TileCache.shared().stats();
    gauge(
        out,
        "terrace_tile_cache_requests_total",
        "counter",
        "Decoded tiles asked of the tile cache.",
        cache.requests());
    gauge(
        out,
        "terrace_tile_cache_hits_total",
        "counter",
        "Tiles served from the tile cache.",
        cache.hits());
    gauge(
        out,
        "terrace_tile_cache_bytes",
        "gauge",
        "Decoded bytes held by the tile cache.",
        cache.bytes());
    gauge(
        out, "terrace_tile_cache_max_bytes", "gauge", "The tile cache's budget.", cache.maxBytes());
    ReadTotals read = ReadTotals.now();
    gauge(
        out,
        "terrace_file_bytes_read_total",
        "counter",
        "Bytes read from local raster files.",
        read.fileBytes());
    gauge(
        out,
        "terrace_http_bytes_read_total",
        "counter",
        "Bytes received from remote rasters.",
        read.httpBytes());
    gauge(
        out,
        "terrace_http_requests_total",
        "counter",
        "Range requests sent to remote rasters.",
        read.httpRequests());
    gauge(
        out,
        "terrace_http_hedged_requests_total",
        "counter",
        "Range requests sent again because the first went unanswered for long.",
        read.httpHedges());
    breakers(out);
    return out.toString();
  }

  /** Each remote source that has failed: whether its breaker is open, and how often it opened. */
  private static void breakers(StringBuilder out) {
    List<SourceBreakers.Status> sources = SourceBreakers.shared().statuses();
    out.append(
        "# HELP terrace_source_breaker_state A failing remote source's breaker: 0 closed, 1 half open,"
            + " 2 open.\n# TYPE terrace_source_breaker_state gauge\n");
    for (SourceBreakers.Status s : sources) {
      int state =
          switch (s.state()) {
            case "open" -> 2;
            case "half_open" -> 1;
            default -> 0;
          };
      out.append("terrace_source_breaker_state{source=\"")
          .append(escape(s.source()))
          .append("\"} ")
          .append(state)
          .append('\n');
    }
    out.append(
        "# HELP terrace_source_breaker_opened_total Times a remote source's breaker opened.\n"
            + "# TYPE terrace_source_breaker_opened_total counter\n");
    for (SourceBreakers.Status s : sources) {
      out.append("terrace_source_breaker_opened_total{source=\"")
          .append(escape(s.source()))
          .append("\"} ")
          .append(s.timesOpened())
          .append('\n');
    }
  }

  /** A Prometheus label value: backslash, quote and newline escaped. */
  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static void gauge(StringBuilder out, String name, String type, String help, long value) {
    out.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help)
        .append('\n')
        .append("# TYPE ")
        .append(name)
        .append(' ')
        .append(type)
        .append('\n')
        .append(name)
        .append(' ')
        .append(value)
        .append('\n');
  }

  private static String labels(Series s, String le) {
    return "{operation=\""
        + s.operation
        + "\",status=\""
        + s.status
        + "\""
        + (le == null ? "" : ",le=\"" + le + "\"")
        + "}";
  }
}
