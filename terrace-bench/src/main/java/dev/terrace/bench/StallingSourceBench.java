package dev.terrace.bench;

import dev.terrace.server.ServerConfig;
import dev.terrace.server.TerraceServer;
import dev.terrace.testkit.http.RangeServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@link LoadBench}'s point {@code extract} load on two servers in this JVM, alternately: one whose
 * catalog holds {@code lux:elevation} alone, and one whose catalog also holds a dataset on a server
 * that stalls every request (listed once first, so that a background open of it is stuck, as in a
 * service whose catalog names a source that went down). The load never names the stalled dataset;
 * what it costs the rest is the ratio of throughput and of p99 latency, which should stay within
 * 1.1.
 *
 * <pre>
 * terrace-bench/run StallingSourceBench [--reps 3] [--duration 15] [--connections 64] [--threads 2] [--warmup 10]
 * </pre>
 */
public final class StallingSourceBench {

  private StallingSourceBench() {}

  /**
   * @param args see the class comment
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    int reps = 3;
    int duration = 15;
    int connections = 64;
    int threads = 2;
    int warmup = 10;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--duration" -> duration = Integer.parseInt(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    LoadBench.requireWrk("wrk");
    Path dir = Files.createTempDirectory("terrace-stalling-");
    Path script = dir.resolve("extract.lua");
    Files.writeString(script, LoadBench.extractScript(LoadBench.points(1000)));
    try (InputStream sample =
            TerraceServer.class.getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif");
        RangeServer stalled = RangeServer.start()) {
      Files.write(dir.resolve("elev.tif"), sample.readAllBytes());
      stalled.serve("/dem.tif", Files.readAllBytes(dir.resolve("elev.tif")));
      stalled.stallFor("/dem.tif", Duration.ofHours(1), 0, 10_000);
      String lux = "{\"name\": \"elevation\", \"path\": \"" + dir.resolve("elev.tif") + "\"}";
      Path healthy =
          catalog(
              dir,
              "healthy.json",
              "{\"slug\": \"lux\", \"protocol\": \"cog\", \"datasets\": [" + lux + "]}");
      Path withStall =
          catalog(
              dir,
              "stalling.json",
              "{\"slug\": \"lux\", \"protocol\": \"cog\", \"datasets\": ["
                  + lux
                  + "]}, {\"slug\": \"down\", \"protocol\": \"cog\", \"datasets\": [{\"name\": \"dem\", \"url\": \""
                  + stalled.uri("/dem.tif")
                  + "\"}]}");
      try (TerraceServer a = start(healthy, dir.resolve("a.db"));
          TerraceServer b = start(withStall, dir.resolve("b.db"))) {
        listOnce(b.uri());
        String urlA = a.uri() + "/v1/op/extract";
        String urlB = b.uri() + "/v1/op/extract";
        System.out.printf(
            Locale.ROOT,
            "wrk: %d connections, %d threads, %d s per run, %d reps (ABBA); warm-up %d s"
                + " each%n%n",
            connections,
            threads,
            duration,
            reps,
            warmup);
        if (warmup > 0) {
          LoadBench.wrk("wrk", script, urlA, connections, threads, warmup);
          LoadBench.wrk("wrk", script, urlB, connections, threads, warmup);
        }
        List<LoadBench.Wrk> without = new ArrayList<>();
        List<LoadBench.Wrk> with = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
          boolean healthyFirst = r % 2 == 0;
          LoadBench.Wrk first =
              LoadBench.wrk(
                  "wrk", script, healthyFirst ? urlA : urlB, connections, threads, duration);
          LoadBench.Wrk second =
              LoadBench.wrk(
                  "wrk", script, healthyFirst ? urlB : urlA, connections, threads, duration);
          without.add(healthyFirst ? first : second);
          with.add(healthyFirst ? second : first);
          System.out.printf(
              Locale.ROOT,
              "rep %d: without %s%n       with    %s%n",
              r + 1,
              without.get(r).line(),
              with.get(r).line());
        }
        double rps =
            Stats.median(with.stream().mapToDouble(LoadBench.Wrk::rps).toArray())
                / Stats.median(without.stream().mapToDouble(LoadBench.Wrk::rps).toArray());
        double p99 =
            Stats.median(with.stream().mapToDouble(LoadBench.Wrk::p99Us).toArray())
                / Stats.median(without.stream().mapToDouble(LoadBench.Wrk::p99Us).toArray());
        long bad =
            Stream.concat(with.stream(), without.stream())
                .mapToLong(w -> w.non2xx() + w.socketErrors())
                .sum();
        System.out.printf(
            Locale.ROOT,
            "%nwith a stalling source / without: throughput %.2f, p99 %.2f (target:"
                + " throughput ≥ 0.91, p99 ≤ 1.1: %s); non-2xx and socket errors: %d%n",
            rps,
            p99,
            rps >= 1 / 1.1 && p99 <= 1.1 ? "met" : "MISSED",
            bad);
        System.out.println("load average (1, 5, 15 min) at the end: " + LoadBench.loadAverage());
        if (bad > 0) {
          System.exit(1);
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Path catalog(Path dir, String name, String providers) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "{\"providers\": [" + providers + "]}");
    return file;
  }

  private static TerraceServer start(Path catalog, Path db) {
    return TerraceServer.start(
        ServerConfig.defaults().toBuilder()
            .host("127.0.0.1")
            .port(0)
            .rateLimit(0, 1)
            .catalog(catalog)
            .databaseUrl("jdbc:sqlite:" + db)
            .build());
  }

  /**
   * Lists the catalog, which starts opening the stalled dataset in the background, and says what it
   * listed.
   */
  private static void listOnce(URI server) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(server.resolve("/api/v1/datasets")).build(),
              HttpResponse.BodyHandlers.ofString());
      System.out.println(
          "the stalling server's catalog, listed at once (" + r.statusCode() + "): " + r.body());
    }
  }
}
