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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * The SDK's cost over bare HTTP: {@code --calls} point {@code extract} calls (20 000) of {@code
 * lux:elevation} at {@code --concurrency} in flight (64), through {@link TerraceAsyncClient} and
 * through a bare {@code java.net.http} loop sending the same bodies, against one in-process server
 * (auth and rate limiting off) in the same run, each rep starting with the next variant, after
 * {@code --warmup} untimed rounds of every variant.
 *
 * <p>The bare loop is what a caller without the SDK would write: the request bodies serialised
 * before the clock starts, a semaphore of 64 around {@code HttpClient.sendAsync}, each response
 * read as bytes, checked for 200 and parsed into an {@link ExtractResponse}. It runs twice: with a
 * fresh {@code Idempotency-Key} on each call, as the SDK sends them ("bare+key", the same requests
 * as the SDK's), and without ("bare"). The SDK serialises each request itself and adds its retry,
 * deadline and error machinery; it runs twice too: with all the calls made at once and {@code
 * maxConcurrentRequests(64)} holding back all but 64 ("sdk"), and with the bare loop's own
 * semaphore around the calls ("sdk, bounded": the same loop as the bare one). Every value of every
 * pass is compared with the embedded engine's. Besides calls per second, each pass prints the
 * process's CPU time per call (client and server together), which a busy machine disturbs less than
 * the wall time, and the client's share of it.
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
    try (TerraceServer server =
            TerraceServer.start(
                ServerConfig.defaults().toBuilder()
                    .host("127.0.0.1")
                    .port(0)
                    .rateLimit(0, 1)
                    .databaseUrl("jdbc:sqlite:" + dir.resolve("terrace.db"))
                    .build());
        TerraceAsyncClient sdk =
            TerraceAsyncClient.builder()
                .baseUrl(server.uri().toString())
                .maxConcurrentRequests(concurrency)
                .build();
        HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
      URI extract = server.uri().resolve("/v1/op/extract");
      Bare keyed = new Bare(http, extract, points, concurrency, true);
      Bare bare = new Bare(http, extract, points, concurrency, false);
      System.out.printf(
          Locale.ROOT,
          "%d point extract calls of %s at %d in flight, %d cores, %d warm-up rounds, %d reps;"
              + " server %s%n",
          calls,
          DATASET,
          concurrency,
          Runtime.getRuntime().availableProcessors(),
          warmup,
          reps,
          server.uri());

      String[] names = {"sdk", "sdk, bounded", "bare+key", "bare"};
      int inFlight = concurrency;
      List<Pass> passes =
          List.of(
              () -> sdkPass(sdk, points),
              () -> boundedSdkPass(sdk, points, inFlight),
              keyed::pass,
              bare::pass);
      for (int w = 0; w < warmup; w++) {
        for (int k = 0; k < passes.size(); k++) {
          check("warm-up " + names[k], passes.get(k).run(), expected);
        }
      }
      double[][] rates = new double[passes.size()][reps];
      double[][] cpu = new double[passes.size()][reps];
      double[][] clientCpu = new double[passes.size()][reps];
      for (int r = 0; r < reps; r++) {
        StringBuilder line = new StringBuilder("rep " + (r + 1) + ":");
        for (int j = 0; j < passes.size(); j++) {
          int k = (r + j) % passes.size(); // each rep starts with the next variant
          double cpuMs = BenchData.cpuMs();
          double clientMs = clientCpuMs();
          long t = System.nanoTime();
          double[] values = passes.get(k).run();
          double seconds = (System.nanoTime() - t) / 1e9;
          cpu[k][r] = (BenchData.cpuMs() - cpuMs) * 1000 / calls;
          clientCpu[k][r] = (clientCpuMs() - clientMs) * 1000 / calls;
          check(names[k], values, expected);
          rates[k][r] = calls / seconds;
          line.append(
              String.format(
                  Locale.ROOT,
                  " %s %.0f calls/s (%.0f µs CPU, client %.0f)",
                  names[k],
                  rates[k][r],
                  cpu[k][r],
                  clientCpu[k][r]));
        }
        System.out.println(line);
      }
      for (int sdkVariant = 0; sdkVariant < 2; sdkVariant++) {
        for (int k = 2; k < passes.size(); k++) {
          printRatio(names, rates, cpu, sdkVariant, k);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "client CPU per call: %s%n",
          String.join(
              ", ",
              IntStream.range(0, passes.size())
                  .mapToObj(
                      k ->
                          String.format(
                              Locale.ROOT, "%s %.1f µs", names[k], Stats.median(clientCpu[k])))
                  .toList()));
      System.out.printf(
          Locale.ROOT,
          "first point %s = %s from every variant, as embedded; every value of every "
              + "pass checked%n",
          coordinates(points.get(0)),
          expected[0]);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * The CPU time of the client's side of the process: the caller's thread, java.net.http's and the
   * SDK's threads, and the common pool, where java.net.http completes {@code sendAsync}'s futures.
   * The server runs on virtual threads, whose time is their carriers' ({@code
   * ForkJoinPool-N-worker-M}).
   */
  private static double clientCpuMs() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      String name = t.getName();
      if (name.equals("main")
          || name.startsWith("HttpClient-")
          || name.startsWith("terrace-client")
          || name.startsWith("ForkJoinPool.commonPool")) {
        nanos += Math.max(0, mx.getThreadCpuTime(t.threadId()));
      }
    }
    return nanos / 1e6;
  }

  /**
   * The median ratio of an SDK variant's calls per second to a bare one's, and of their CPU per
   * call.
   */
  private static void printRatio(
      String[] names, double[][] rates, double[][] cpu, int sdk, int bare) {
    int reps = rates[0].length;
    double[] ratios = new double[reps];
    double[] cpuRatios = new double[reps];
    Arrays.setAll(ratios, r -> rates[sdk][r] / rates[bare][r]);
    Arrays.setAll(cpuRatios, r -> cpu[bare][r] / cpu[sdk][r]);
    System.out.printf(
        Locale.ROOT,
        "median: %s %.0f calls/s, %s %.0f calls/s, ratio %.3f (range %.3f-%.3f; target"
            + " >= 0.9); CPU per call %.0f and %.0f µs, ratio %.3f (range %.3f-%.3f)%n",
        names[sdk],
        Stats.median(rates[sdk]),
        names[bare],
        Stats.median(rates[bare]),
        Stats.median(ratios),
        Arrays.stream(ratios).min().orElseThrow(),
        Arrays.stream(ratios).max().orElseThrow(),
        Stats.median(cpu[sdk]),
        Stats.median(cpu[bare]),
        Stats.median(cpuRatios),
        Arrays.stream(cpuRatios).min().orElseThrow(),
        Arrays.stream(cpuRatios).max().orElseThrow());
  }

  /** Points spread over the Luxembourg DEM, the same every run. */
  private static List<Point> points(int n) {
    Random random = new Random(42);
    List<Point> points = new ArrayList<>(n);
    points.add(Point.of(6.13, 49.61)); // gdallocationinfo -wgs84: 300
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
        List<ExtractResponse> responses =
            terrace.batchExtract(BatchExtractRequest.of(slice, DATASET)).responses();
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

  /**
   * The same calls made as the bare loop makes them: a semaphore of {@code concurrency} in the
   * caller.
   */
  private static double[] boundedSdkPass(
      TerraceAsyncClient sdk, List<Point> points, int concurrency) throws InterruptedException {
    double[] values = new double[points.size()];
    Semaphore inFlight = new Semaphore(concurrency);
    List<CompletableFuture<Void>> calls = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      int index = i;
      inFlight.acquire();
      calls.add(
          sdk.extract(points.get(i), DATASET)
              .thenAccept(r -> values[index] = value(r))
              .whenComplete((v, e) -> inFlight.release()));
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
   * The same calls without the SDK; with {@code idempotencyKey} a fresh key on each, as the SDK
   * sends them.
   */
  private static final class Bare {
    private final HttpClient http;
    private final URI uri;
    private final List<byte[]> bodies = new ArrayList<>();
    private final int concurrency;
    private final boolean idempotencyKey;

    Bare(HttpClient http, URI uri, List<Point> points, int concurrency, boolean idempotencyKey)
        throws Exception {
      this.http = http;
      this.uri = uri;
      this.concurrency = concurrency;
      this.idempotencyKey = idempotencyKey;
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
        HttpRequest.Builder request =
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)));
        if (idempotencyKey) {
          request.header(
              "Idempotency-Key",
              "bare-"
                  + ThreadLocalRandom.current().nextLong()
                  + "-"
                  + ThreadLocalRandom.current().nextLong());
        }
        calls.add(
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenAccept(response -> values[index] = value(parse(response)))
                .whenComplete((v, e) -> inFlight.release()));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).join();
      return values;
    }
  }

  private static ExtractResponse parse(HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "HTTP "
              + response.statusCode()
              + ": "
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
      throw new IllegalStateException(
          pass
              + ": "
              + mismatches
              + " values differ from the embedded engine's"
              + " (first point "
              + values[0]
              + ", embedded "
              + expected[0]
              + ", gdallocationinfo 300)");
    }
  }

  private static String coordinates(Point p) {
    return Arrays.toString(p.coordinates());
  }
}
