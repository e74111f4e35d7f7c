package dev.terrace.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.geojson.Point;
import dev.terrace.client.TerraceAsyncClient;
import dev.terrace.engine.Terrace;
import dev.terrace.server.ServerConfig;
import dev.terrace.server.TerraceServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SDK's cost over bare HTTP: {@code --calls} point {@code extract} calls (20 000) of {@code lux:elevation}
 * at {@code --concurrency} in flight (64), once through {@link TerraceAsyncClient} and once through a bare
 * {@code java.net.http} loop sending the same bodies, against one in-process server (auth and rate limiting
 * off) in the same run, alternating which goes first, after {@code --warmup} untimed rounds of every variant
 * (3: the three bare variants run the same code, which one round warmed three times over the SDK's, and the
 * SDK's first timed passes were then still its slowest).
 *
 * <p>The bare loop is what a caller without the SDK would write: the request bodies serialised before the clock
 * starts, a semaphore of 64 around {@code HttpClient.sendAsync}, each response read as bytes, checked for 200 and
 * parsed into an {@link ExtractResponse}. The SDK serialises each request itself and adds its retry, deadline
 * and error machinery, a per-attempt timeout, and an {@code Idempotency-Key} on every {@code extract}, which
 * makes the server record each response; so the bare loop runs three times: with a fresh key and a
 * {@code java.net.http} timeout per call ("bare+key+timeout", the SDK's requests with the same protection), with
 * the key only ("bare+key", the same bytes on the wire as the SDK's) and with neither ("bare"). Every value of
 * every pass is compared with the embedded engine's. Besides calls per second, each pass's process CPU time per
 * call (client and server together) is printed: on a shared machine it is steadier than the wall time.
 *
 * <pre>
 * terrace-bench/run SdkBench [--reps 3] [--warmup 3] [--calls 20000] [--concurrency 64]
 * </pre>
 */
public final class SdkBench {

  private static final String DATASET = "lux:elevation";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SdkBench() {}

  /**
   * @param args {@code --reps/--warmup/--calls/--concurrency}
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    int reps = 3;
    int warmup = 3;
    int calls = 20_000;
    int concurrency = 64;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--calls" -> calls = Integer.parseInt(args[++i]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Logger.getLogger("").setLevel(Level.WARNING);
    List<Point> points = points(calls);
    double[] expected = embeddedValues(points);
    Path dir = Files.createTempDirectory("terrace-sdkbench");
    try (TerraceServer server = TerraceServer.start(ServerConfig.defaults().toBuilder()
        .host("127.0.0.1").port(0).rateLimit(0, 1).databaseUrl("jdbc:sqlite:" + dir.resolve("terrace.db"))
        .build());
         TerraceAsyncClient sdk = TerraceAsyncClient.builder().baseUrl(server.uri().toString())
             .maxConcurrentRequests(concurrency).build();
         HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
      URI extract = server.uri().resolve("/v1/op/extract");
      Bare guarded = new Bare(http, extract, points, concurrency, true, true);
      Bare keyed = new Bare(http, extract, points, concurrency, true, false);
      Bare bare = new Bare(http, extract, points, concurrency, false, false);
      System.out.printf(Locale.ROOT, "%d point extract calls of %s at %d in flight, %d cores, %d warm-up rounds, %d reps;"
          + " server %s%n", calls, DATASET, concurrency, Runtime.getRuntime().availableProcessors(), warmup, reps,
          server.uri());

      String[] names = {"sdk", "bare+key+timeout", "bare+key", "bare"};
      List<Pass> passes = List.of(() -> sdkPass(sdk, points), guarded::pass, keyed::pass, bare::pass);
      for (int w = 0; w < warmup; w++) {
        for (int k = 0; k < passes.size(); k++) {
          check("warm-up " + names[k], passes.get(k).run(), expected);
        }
      }
      double[][] rates = new double[passes.size()][reps];
      double[][] cpu = new double[passes.size()][reps];
      for (int r = 0; r < reps; r++) {
        StringBuilder line = new StringBuilder("rep " + (r + 1) + ":");
        for (int j = 0; j < passes.size(); j++) {
          int k = (r + j) % passes.size();                       // each rep starts with the next variant
          double cpuMs = BenchData.cpuMs();
          long t = System.nanoTime();
          double[] values = passes.get(k).run();
          double seconds = (System.nanoTime() - t) / 1e9;
          cpu[k][r] = (BenchData.cpuMs() - cpuMs) * 1000 / calls;
          check(names[k], values, expected);
          rates[k][r] = calls / seconds;
          line.append(String.format(Locale.ROOT, " %s %.0f calls/s (%.0f µs CPU)", names[k], rates[k][r],
              cpu[k][r]));
        }
        System.out.println(line);
      }
      for (int k = 1; k < passes.size(); k++) {
        double[] ratios = new double[reps];
        double[] cpuRatios = new double[reps];
        int against = k;
        Arrays.setAll(ratios, r -> rates[0][r] / rates[against][r]);
        Arrays.setAll(cpuRatios, r -> cpu[against][r] / cpu[0][r]);
        System.out.printf(Locale.ROOT, "median: sdk %.0f calls/s, %s %.0f calls/s, sdk/%s %.3f (range %.3f-%.3f; "
                + "target >= 0.9)%n", Stats.median(rates[0]), names[k], Stats.median(rates[k]), names[k],
            Stats.median(ratios), Arrays.stream(ratios).min().orElseThrow(),
            Arrays.stream(ratios).max().orElseThrow());
        System.out.printf(Locale.ROOT, "  CPU per call (client and server): sdk %.0f µs, %s %.0f µs, %s/sdk %.3f "
                + "(range %.3f-%.3f)%n", Stats.median(cpu[0]), names[k], Stats.median(cpu[k]), names[k],
            Stats.median(cpuRatios), Arrays.stream(cpuRatios).min().orElseThrow(),
            Arrays.stream(cpuRatios).max().orElseThrow());
      }
      System.out.printf(Locale.ROOT, "first point %s = %s from every variant, as embedded; every value of every "
          + "pass checked%n", coordinates(points.get(0)), expected[0]);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Points spread over the Luxembourg DEM, the same every run. */
  private static List<Point> points(int n) {
    Random random = new Random(42);
    List<Point> points = new ArrayList<>(n);
    points.add(Point.of(6.13, 49.61));                  // gdallocationinfo -wgs84: 300
    while (points.size() < n) {
      points.add(Point.of(5.75 + random.nextDouble() * 0.77, 49.45 + random.nextDouble() * 0.73));
    }
    return points;
  }

  /** The engine's value of every point, in-process, in batches of 1000. */
  private static double[] embeddedValues(List<Point> points) {
    double[] values = new double[points.size()];
    try (Terrace terrace = Terrace.embedded()) {
      for (int from = 0; from < points.size(); from += 1000) {
        List<Point> slice = points.subList(from, Math.min(points.size(), from + 1000));
        List<ExtractResponse> responses = terrace.batchExtract(BatchExtractRequest.of(slice, DATASET)).responses();
        for (int i = 0; i < responses.size(); i++) {
          values[from + i] = value(responses.get(i));
        }
      }
    }
    return values;
  }

  private static double[] sdkPass(TerraceAsyncClient sdk, List<Point> points) {
    double[] values = new double[points.size()];
    List<CompletableFuture<Void>> calls = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      int index = i;
      calls.add(sdk.extract(points.get(i), DATASET).thenAccept(r -> values[index] = value(r)));
    }
    CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).join();
    return values;
  }

  /** One timed pass: the value of every point, in input order. */
  @FunctionalInterface
  private interface Pass {
    double[] run() throws InterruptedException;
  }

  /**
   * The same calls without the SDK; with {@code idempotencyKey} a fresh key on each, as the SDK sends them, and
   * with {@code timeout} the SDK's default per-attempt timeout (60 s) set on each request.
   */
  private static final class Bare {
    private final HttpClient http;
    private final URI uri;
    private final List<byte[]> bodies = new ArrayList<>();
    private final int concurrency;
    private final boolean idempotencyKey;
    private final boolean timeout;

    Bare(HttpClient http, URI uri, List<Point> points, int concurrency, boolean idempotencyKey, boolean timeout)
        throws Exception {
      this.http = http;
      this.uri = uri;
      this.concurrency = concurrency;
      this.idempotencyKey = idempotencyKey;
      this.timeout = timeout;
      for (Point p : points) {
        bodies.add(JSON.writeValueAsBytes(ExtractRequest.of(p, DATASET)));
      }
    }

    double[] pass() throws InterruptedException {
      double[] values = new double[bodies.size()];
      Semaphore inFlight = new Semaphore(concurrency);
      List<CompletableFuture<Void>> calls = new ArrayList<>(bodies.size());
      for (int i = 0; i < bodies.size(); i++) {
        int index = i;
        inFlight.acquire();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)));
        if (idempotencyKey) {
          request.header("Idempotency-Key", "bare-" + ThreadLocalRandom.current().nextLong() + "-"
              + ThreadLocalRandom.current().nextLong());
        }
        if (timeout) {
          request.timeout(Duration.ofSeconds(60));
        }
        calls.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
            .thenAccept(response -> values[index] = value(parse(response)))
            .whenComplete((v, e) -> inFlight.release()));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).join();
      return values;
    }
  }

  private static ExtractResponse parse(HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    try {
      return JSON.readValue(response.body(), ExtractResponse.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double value(ExtractResponse response) {
    return response.results().get(0).number().orElse(Double.NaN);
  }

  private static void check(String pass, double[] values, double[] expected) {
    int mismatches = 0;
    for (int i = 0; i < values.length; i++) {
      if (Double.compare(values[i], expected[i]) != 0) {
        mismatches++;
      }
    }
    if (expected[0] != 300.0 || mismatches > 0) {
      throw new IllegalStateException(pass + ": " + mismatches + " values differ from the embedded engine's"
          + " (first point " + values[0] + ", embedded " + expected[0] + ", gdallocationinfo 300)");
    }
  }

  private static String coordinates(Point p) {
    return Arrays.toString(p.coordinates());
  }
}
