package dev.terrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import dev.terrace.server.ServerConfig;
import dev.terrace.server.TerraceServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load on the HTTP service over loopback: {@code wrk} against point {@code extract} ({@code POST
 * /v1/op/extract}, one {@code lux:elevation} point per request, cycling through {@code --points}
 * fixed points inside the dataset's box, each with a value) and against {@code GET /health} of the
 * same server, alternately, each run the same duration, connections and wrk threads. Reports
 * requests per second, p50/p99 latency (wrk's {@code done()} hook, in microseconds), non-2xx
 * answers and socket errors, the server's CPU time per request, and extract throughput as a
 * fraction of {@code /health} throughput in each pair of runs.
 *
 * <p>The server runs in this JVM: while wrk runs, this main only waits for wrk's process, so the
 * JVM's CPU is the server's. wrk (C, epoll) and the server share the machine's cores, as any
 * loopback benchmark must; both endpoints pay the same client cost, which is why the figure that
 * matters is the ratio.
 *
 * <p>After the timed runs, answers are checked: the point (6.13, 49.61) and {@code --check} of the
 * cycled points must come back 200 with the value {@link Terrace#embedded()} extracts for them.
 * {@code --only} runs one endpoint once after the warm-up, for profiling, and compares nothing.
 *
 * <pre>
 * terrace-bench/run LoadBench [--reps 3] [--duration 15] [--connections 64] [--threads 2] [--warmup 30]
 *                             [--points 1000] [--check 50] [--wrk wrk] [--only health|extract]
 * </pre>
 */
public final class LoadBench {

  private static final String DATASET = "lux:elevation";
  // Inside the extent of lux:elevation (about lon 5.74–6.53, lat 49.44–50.19).
  private static final double LON_MIN = 5.76;
  private static final double LON_MAX = 6.51;
  private static final double LAT_MIN = 49.46;
  private static final double LAT_MAX = 50.17;
  private static final Pattern WRK_LINE = Pattern.compile("TERRACE-WRK (.*)");

  private LoadBench() {}

  /**
   * @param args see the class comment
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    int reps = 3;
    int duration = 15;
    int connections = 64;
    int threads = 2;
    int warmup = 30;
    int nPoints = 1000;
    int nCheck = 50;
    String wrk = "wrk";
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--duration" -> duration = Integer.parseInt(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--points" -> nPoints = Integer.parseInt(args[++i]);
        case "--check" -> nCheck = Integer.parseInt(args[++i]);
        case "--wrk" -> wrk = args[++i];
        case "--only" -> only = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    requireWrk(wrk);
    double[][] points = points(nPoints);
    Path dir = Files.createTempDirectory("terrace-load-");
    Path extractLua = dir.resolve("extract.lua");
    Path healthLua = dir.resolve("health.lua");
    Files.writeString(extractLua, extractScript(points));
    Files.writeString(healthLua, DONE);

    ServerConfig config =
        ServerConfig.defaults().toBuilder()
            .host("127.0.0.1")
            .port(0)
            .rateLimit(0, 1)
            .databaseUrl("jdbc:sqlite:" + dir.resolve("t.db"))
            .build();
    int failures = 0;
    try (TerraceServer server = TerraceServer.start(config)) {
      String health = server.uri() + "/health";
      String extract = server.uri() + "/v1/op/extract";
      System.out.printf(
          Locale.ROOT,
          "server in this JVM at %s: %d cores, max heap %d MB, %d active + %d queued"
              + " requests, rate limit off, auth off%n",
          server.uri(),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          config.maxActiveRequests(),
          config.maxQueuedRequests());
      System.out.printf(
          Locale.ROOT,
          "wrk: %d connections, %d threads, %d s per run, %d reps (health and extract"
              + " alternately); %d points cycled; warm-up %d s each%n%n",
          connections,
          threads,
          duration,
          reps,
          points.length,
          warmup);

      if (warmup > 0) {
        Wrk w1 = wrk(wrk, healthLua, health, connections, threads, warmup);
        Wrk w2 = wrk(wrk, extractLua, extract, connections, threads, warmup);
        System.out.printf(
            Locale.ROOT,
            "warm-up: health %.0f req/s, extract %.0f req/s (not counted)%n",
            w1.rps(),
            w2.rps());
      }

      if (only != null) {
        // For profiling: one endpoint for the whole duration, nothing compared.
        boolean h = only.equals("health");
        System.out.println(
            (h ? "health " : "extract ")
                + wrk(
                        wrk,
                        h ? healthLua : extractLua,
                        h ? health : extract,
                        connections,
                        threads,
                        duration)
                    .line());
        return;
      }
      List<Wrk> healthRuns = new ArrayList<>();
      List<Wrk> extractRuns = new ArrayList<>();
      double[] ratios = new double[reps];
      for (int r = 0; r < reps; r++) {
        // ABBA order, so that neither endpoint always runs first after a pause.
        boolean healthFirst = r % 2 == 0;
        Wrk a =
            wrk(
                wrk,
                healthFirst ? healthLua : extractLua,
                healthFirst ? health : extract,
                connections,
                threads,
                duration);
        Wrk b =
            wrk(
                wrk,
                healthFirst ? extractLua : healthLua,
                healthFirst ? extract : health,
                connections,
                threads,
                duration);
        Wrk h = healthFirst ? a : b;
        Wrk e = healthFirst ? b : a;
        healthRuns.add(h);
        extractRuns.add(e);
        ratios[r] = e.rps() / h.rps();
        System.out.printf(
            Locale.ROOT,
            "rep %d: health %s%n       extract %s%n       extract / health %.2f%n",
            r + 1,
            h.line(),
            e.line(),
            ratios[r]);
      }

      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "median of %d reps (range)       req/s                  p50 ms            p99 ms"
              + "              server CPU µs/req   non-2xx  socket errors%n",
          reps);
      for (String name : List.of("GET /health", "POST /v1/op/extract")) {
        List<Wrk> runs = name.startsWith("GET") ? healthRuns : extractRuns;
        System.out.printf(
            Locale.ROOT,
            "  %-26s %s  %s  %s  %s  %7d  %7d%n",
            name,
            summary(runs, Wrk::rps, "%6.0f"),
            summary(runs, w -> w.p50Us() / 1000, "%5.2f"),
            summary(runs, w -> w.p99Us() / 1000, "%5.2f"),
            summary(runs, Wrk::cpuUsPerRequest, "%5.0f"),
            runs.stream().mapToLong(Wrk::non2xx).sum(),
            runs.stream().mapToLong(Wrk::socketErrors).sum());
      }
      double ratio = Stats.median(ratios);
      double p99 = Stats.median(extractRuns.stream().mapToDouble(w -> w.p99Us() / 1000).toArray());
      System.out.printf(
          Locale.ROOT,
          "  extract / health throughput: %.2f (%.2f–%.2f over %d reps); target ≥ 0.5:" + " %s%n",
          ratio,
          Stats.min(ratios),
          Stats.max(ratios),
          reps,
          ratio >= 0.5 ? "met" : "MISSED");
      System.out.printf(
          Locale.ROOT,
          "  extract p99: %.1f ms (median of reps); target < 50 ms: %s%n",
          p99,
          p99 < 50 ? "met" : "MISSED");

      long bad =
          Stream.concat(healthRuns.stream(), extractRuns.stream())
              .mapToLong(w -> w.non2xx() + w.socketErrors())
              .sum();
      failures += (int) Math.min(bad, Integer.MAX_VALUE);
      failures += check(server.uri(), points, nCheck);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.out.println("load average (1, 5, 15 min) at the end: " + loadAverage());
    if (failures > 0) {
      System.exit(1);
    }
  }

  /**
   * One wrk run, as its {@code done()} hook reported it, with the server's CPU time over the run.
   */
  record Wrk(
      long requests,
      double seconds,
      long non2xx,
      long socketErrors,
      double p50Us,
      double p99Us,
      double p999Us,
      double maxUs,
      double serverCpuMs,
      String loadBefore) {

    double rps() {
      return requests / seconds;
    }

    double cpuUsPerRequest() {
      return requests == 0 ? Double.NaN : serverCpuMs * 1000 / requests;
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "%7.0f req/s, p50 %5.2f ms, p99 %6.2f ms, p99.9 %6.2f ms, max %6.1f ms,"
              + " %d requests, %d non-2xx, %d socket errors, server CPU %.0f µs/req, load before %s",
          rps(),
          p50Us / 1000,
          p99Us / 1000,
          p999Us / 1000,
          maxUs / 1000,
          requests,
          non2xx,
          socketErrors,
          cpuUsPerRequest(),
          loadBefore);
    }
  }

  static Wrk wrk(String wrk, Path script, String url, int connections, int threads, int seconds)
      throws IOException, InterruptedException {
    String load = loadAverage();
    List<String> command =
        List.of(
            wrk,
            "-c",
            Integer.toString(connections),
            "-t",
            Integer.toString(threads),
            "-d",
            seconds + "s",
            "--timeout",
            "5s",
            "--latency",
            "-s",
            script.toString(),
            url);
    double cpu = BenchData.cpuMs();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    double serverCpu = BenchData.cpuMs() - cpu;
    Matcher m = WRK_LINE.matcher(out);
    if (exit != 0 || !m.find()) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (exit " + exit + "):\n" + out);
    }
    Map<String, String> f = new HashMap<>();
    for (String kv : m.group(1).trim().split(" ")) {
      String[] parts = kv.split("=", 2);
      f.put(parts[0], parts[1]);
    }
    long socketErrors =
        Long.parseLong(f.get("connect"))
            + Long.parseLong(f.get("read"))
            + Long.parseLong(f.get("write"))
            + Long.parseLong(f.get("timeout"));
    return new Wrk(
        Long.parseLong(f.get("requests")),
        Double.parseDouble(f.get("duration_us")) / 1e6,
        Long.parseLong(f.get("status")),
        socketErrors,
        Double.parseDouble(f.get("p50_us")),
        Double.parseDouble(f.get("p99_us")),
        Double.parseDouble(f.get("p999_us")),
        Double.parseDouble(f.get("max_us")),
        serverCpu,
        load);
  }

  /** Printed by both scripts when wrk finishes; {@code status} counts answers outside 2xx/3xx. */
  static final String DONE =
      """
      done = function(summary, latency, requests)
        local e = summary.errors
        io.write(string.format("TERRACE-WRK requests=%d duration_us=%d status=%d connect=%d read=%d write=%d"
          .. " timeout=%d p50_us=%d p99_us=%d p999_us=%d max_us=%d\\n", summary.requests, summary.duration,
          e.status, e.connect, e.read, e.write, e.timeout, latency:percentile(50), latency:percentile(99),
          latency:percentile(99.9), latency.max))
      end
      """;

  /** POSTs the points in turn; each wrk thread starts at its own offset in the list. */
  static String extractScript(double[][] points) {
    StringBuilder s = new StringBuilder("local bodies = {\n");
    for (double[] p : points) {
      s.append("  '").append(body(p[0], p[1])).append("',\n");
    }
    s.append(
        """
        }
        local n = #bodies
        local threads = 0
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        setup = function(thread)
          thread:set("cursor", (threads * 7919) % n)
          threads = threads + 1
        end
        request = function()
          cursor = cursor % n + 1
          return wrk.format(nil, nil, nil, bodies[cursor])
        end
        """);
    return s.append(DONE).toString();
  }

  private static String body(double lon, double lat) {
    return String.format(
        Locale.ROOT,
        "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]},"
            + "\"dataset_ids\":[\"%s\"]}",
        lon,
        lat,
        DATASET);
  }

  /**
   * Fixed pseudo-random points inside the dataset's box, the same in every run, keeping only those
   * where the embedded engine finds a value (the box's corners lie outside Luxembourg, where the
   * raster is nodata), so that every request reads a cell.
   */
  static double[][] points(int n) {
    Random random = new Random(20240604L);
    double[][] out = new double[n][];
    try (Terrace terrace = Terrace.embedded()) {
      for (int i = 0; i < n; ) {
        // Rounded as the request body writes them, so that the checks extract the same point.
        double lon = Math.round((LON_MIN + random.nextDouble() * (LON_MAX - LON_MIN)) * 1e6) / 1e6;
        double lat = Math.round((LAT_MIN + random.nextDouble() * (LAT_MAX - LAT_MIN)) * 1e6) / 1e6;
        if (terrace
            .extract(ExtractRequest.of(Point.of(lon, lat), DATASET))
            .results()
            .get(0)
            .number()
            .isPresent()) {
          out[i++] = new double[] {lon, lat};
        }
      }
    }
    return out;
  }

  /**
   * Posts (6.13, 49.61) and {@code n} of the cycled points and compares each answer with the
   * embedded engine's.
   *
   * @return the number of wrong answers
   */
  private static int check(URI base, double[][] points, int n) throws Exception {
    ObjectMapper json = new ObjectMapper();
    HttpClient client = HttpClient.newHttpClient();
    List<double[]> sample = new ArrayList<>();
    sample.add(new double[] {6.13, 49.61});
    int step = Math.max(1, points.length / Math.max(1, n));
    for (int i = 0; i < points.length && sample.size() <= n; i += step) {
      sample.add(points[i]);
    }
    int wrong = 0;
    int nulls = 0;
    String first = null;
    try (Terrace terrace = Terrace.embedded()) {
      for (double[] p : sample) {
        HttpResponse<String> res =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/op/extract"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(p[0], p[1])))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        OptionalDouble want =
            terrace
                .extract(ExtractRequest.of(Point.of(p[0], p[1]), DATASET))
                .results()
                .get(0)
                .number();
        JsonNode value =
            res.statusCode() == 200
                ? json.readTree(res.body()).path("results").path(0).path("value")
                : null;
        boolean ok =
            value != null
                && (want.isPresent()
                    ? value.isNumber() && value.doubleValue() == want.getAsDouble()
                    : value.isNull());
        if (want.isEmpty()) {
          nulls++;
        }
        if (first == null) {
          first =
              String.format(
                  Locale.ROOT,
                  "(%s, %s): HTTP %d, value %s; embedded %s",
                  p[0],
                  p[1],
                  res.statusCode(),
                  value,
                  want.isPresent() ? want.getAsDouble() : "null");
        }
        if (!ok) {
          wrong++;
          System.out.printf(
              Locale.ROOT,
              "  WRONG (%s, %s): HTTP %d %s; embedded engine %s%n",
              p[0],
              p[1],
              res.statusCode(),
              res.body(),
              want);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "answers checked against Terrace.embedded(): %d points (%d of them nodata), %d"
            + " wrong; %s%n",
        sample.size(),
        nulls,
        wrong,
        first);
    return wrong;
  }

  static void requireWrk(String wrk) throws InterruptedException {
    try {
      new ProcessBuilder(wrk, "--version").redirectErrorStream(true).start().waitFor();
    } catch (IOException e) {
      throw new IllegalStateException(
          "wrk is not installed: apt-get install wrk (or pass --wrk PATH)", e);
    }
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "n/a";
    }
  }

  static String summary(List<Wrk> runs, java.util.function.ToDoubleFunction<Wrk> f, String format) {
    double[] v = runs.stream().mapToDouble(f).toArray();
    return String.format(
        Locale.ROOT,
        format + " (" + format + "–" + format + ")",
        Stats.median(v),
        Stats.min(v),
        Stats.max(v));
  }
}
