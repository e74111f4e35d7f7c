package dev.terrace.bench;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.Job;
import dev.terrace.api.JobInput;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobStatus;
import dev.terrace.api.geojson.Point;
import dev.terrace.cli.Main;
import dev.terrace.client.TerraceClient;
import dev.terrace.engine.internal.geotiff.TileCache;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A job against {@code terrace batch} on the same random-order points over the 20000² reference
 * DEM: the service ({@code terrace serve}, SQLite, one job worker) and the command each in a
 * process of their own, on the same machine in the same run. The job is timed from its create until
 * a poll every 20 ms sees it ended; the command around its process; the tile decodes of each from
 * the command's cache and the service's {@code /health}. Every job row's value is compared with the
 * command's. A last pass, not timed for throughput, starts a service with {@code --job-workers K}
 * and times interactive {@code extract} calls for one point, one after another, while it is idle
 * (after calls that warm it up, not counted) and while K jobs of the same file run at once: what an
 * interactive caller pays for jobs. The service runs with {@code --rate-limit off}: one caller's
 * calls back to back and its polls pass the default 100/s, and a limited call waits out a 429's
 * Retry-After of a second. {@code JOBBENCH_CHILD_OPTS} adds JVM options to both processes (a GC
 * log, a recording); {@code JOBBENCH_SLOW=1} lists the interactive calls over 50 ms and when they
 * came.
 *
 * <pre>
 * terrace-bench/run JobBench [--points 200000] [--reps 1] [--chunk 10000] [--polygons N] [--jobs 2]
 * </pre>
 */
public final class JobBench {

  private static final Pattern LISTENING = Pattern.compile("Terrace listening on (http://\\S+) ");

  private JobBench() {}

  /**
   * @param args {@code --points/--reps}
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--cli")) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> System.out.println("decodes " + TileCache.shared().stats().decodes())));
      Main.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    int n = 200_000;
    int reps = 1;
    String chunk = "10000";
    int polygons = 0;
    int probeJobs = 2;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--points" -> n = Integer.parseInt(args[++i]);
        case "--chunk" -> chunk = args[++i];
        case "--polygons" -> polygons = Integer.parseInt(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--jobs" -> probeJobs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path dem = BenchData.data("bench_dem_cog.tif");
    BenchData.requireReferenceData(dem);
    Path work = Files.createTempDirectory("terrace-job-bench-");
    double[][] lonLat = new double[n][];
    TileOrderBench.points(n, lonLat);
    Path csv = polygons > 0 ? polygons(work, polygons) : work.resolve("points.csv");
    if (polygons == 0) {
      try (BufferedWriter w = Files.newBufferedWriter(csv)) {
        w.write("id,lon,lat\n");
        for (int i = 0; i < n; i++) {
          w.write(i + "," + lonLat[i][0] + "," + lonLat[i][1] + "\n");
        }
      }
    } else {
      n = polygons;
    }
    Path catalog = BenchData.catalog();
    // JVM options for the two processes, e.g. -Xlog:gc*:file=/tmp/serve-gc.log to see the pauses.
    String childOpts = System.getenv().getOrDefault("JOBBENCH_CHILD_OPTS", "").trim();
    List<String> java = new ArrayList<>();
    java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!childOpts.isEmpty()) {
      java.addAll(List.of(childOpts.split("\\s+")));
    }
    java.addAll(
        List.of(
            "--enable-native-access=ALL-UNNAMED",
            "-Dterrace.stderr.tty=false",
            "-cp",
            System.getProperty("java.class.path"),
            JobBench.class.getName(),
            "--cli"));
    List<String> batch = new ArrayList<>(java);
    Path out = work.resolve("values.csv");
    batch.addAll(BenchData.batch(catalog, csv, out));
    batch.addAll(List.of("--tmp", work.toString()));
    System.out.printf(
        Locale.ROOT,
        "%,d %s over the reference DEM, %d cores%n",
        n,
        polygons > 0 ? "polygons (the reference 1000 over and over)" : "points in random order",
        Runtime.getRuntime().availableProcessors());
    double[] batchMs = new double[reps];
    double[] jobMs = new double[reps];
    long batchDecodes = 0;
    long jobDecodes = 0;
    long mismatches = 0;
    // The passes timed, then one more whose job is probed by interactive calls, which take a share
    // of the cores and so are kept out of the throughput.
    for (int r = 0; r <= reps; r++) {
      boolean probe = r == reps;
      if (!probe) {
        Path log = work.resolve("batch.log");
        batchMs[r] = BenchData.run(batch, null, log).wallMs();
        List<String> logged = Files.readAllLines(log);
        batchDecodes = Long.parseLong(logged.get(logged.size() - 1).split(" ")[1]);
      }
      Path db = work.resolve("terrace-" + r + ".db");
      List<String> serve = new ArrayList<>(java);
      serve.addAll(
          List.of(
              "serve",
              "--catalog",
              catalog.toString(),
              "--port",
              "0",
              "--db",
              "jdbc:sqlite:" + db,
              "--jobs-dir",
              work.resolve("jobs-" + r).toString(),
              "--job-chunk",
              chunk,
              "--job-workers",
              Integer.toString(probe ? probeJobs : 1),
              // One caller's calls back to back and its polls pass 100/s: limited, a call waits
              // out a 429's Retry-After of 1 s, which was the 1 s p99 of earlier runs.
              "--rate-limit",
              "off"));
      Process service =
          new ProcessBuilder(serve).redirectError(work.resolve("serve.log").toFile()).start();
      String url = listening(service);
      try (TerraceClient client =
          TerraceClient.builder().baseUrl(url).timeout(Duration.ofMinutes(5)).build()) {
        double[] idle = new double[0];
        if (probe) {
          // Warmed up first (compilation, the first tiles), so that the idle figure is steady.
          latencies(client, lonLat, () -> false, 300, 1);
          idle = latencies(client, lonLat, () -> false, 1000, 2);
        }
        long decodedBefore = decodes(url);
        long start = System.nanoTime();
        List<Job> jobs = new ArrayList<>();
        for (int k = 0; k < (probe ? probeJobs : 1); k++) {
          jobs.add(
              client
                  .jobs()
                  .create(
                      CreateJobRequest.streamed(BatchExtractRequest.of(List.of(), "bench:dem")),
                      JobInput.of(csv)));
        }
        AtomicBoolean ended = new AtomicBoolean();
        CompletableFuture<double[]> busy =
            probe
                ? CompletableFuture.supplyAsync(
                    () -> latencies(client, lonLat, ended::get, Integer.MAX_VALUE, 3))
                : CompletableFuture.completedFuture(new double[0]);
        // Asked every 20 ms rather than with waitFor's backoff, which may see the end seconds late.
        List<Job> done = new ArrayList<>(jobs);
        while (!done.stream().allMatch(d -> d.status().isFinal())) {
          Thread.sleep(20);
          for (int k = 0; k < done.size(); k++) {
            if (!done.get(k).status().isFinal()) {
              done.set(k, client.jobs().get(jobs.get(k).id()));
            }
          }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        ended.set(true);
        double[] during = busy.join();
        for (Job d : done) {
          if (d.status() != JobStatus.SUCCEEDED) {
            throw new IllegalStateException("the job ended " + d.status() + ": " + d.error());
          }
        }
        Job job = jobs.get(0);
        if (!probe) {
          jobMs[r] = ms;
          jobDecodes = decodes(url) - decodedBefore;
          try (Stream<JobRow> results = client.jobs().results(job.id())) {
            mismatches += compare(results, out);
          }
          System.out.printf(
              Locale.ROOT,
              "  pass %d: terrace batch %.0f ms; job %.0f ms (%.0f rows/s)%n",
              r + 1,
              batchMs[r],
              jobMs[r],
              n / (jobMs[r] / 1000));
          continue;
        }
        double idle99 = Stats.percentile(idle, 99);
        double during99 = Stats.percentile(during, 99);
        System.out.printf(
            Locale.ROOT,
            "  %d jobs at once (%d workers), probed: %.0f ms (%.0f rows/s)%n"
                + "  extract of one point, idle: p50 %.1f ms, p99 %.1f ms (%d calls); while the"
                + " jobs ran: p50 %.1f ms, p99 %.1f ms (%d calls); p99 during / idle %.2f%n",
            probeJobs,
            probeJobs,
            ms,
            probeJobs * n / (ms / 1000),
            Stats.percentile(idle, 50),
            idle99,
            idle.length,
            Stats.percentile(during, 50),
            during99,
            during.length,
            during99 / idle99);
      } finally {
        service.destroy();
        service.waitFor();
      }
    }
    double b = Stats.median(batchMs);
    double j = Stats.median(jobMs);
    System.out.printf(
        Locale.ROOT,
        "%nmedian: terrace batch %.0f ms, job %.0f ms; throughput job / batch %.2f%n",
        b,
        j,
        b / j);
    System.out.printf(
        Locale.ROOT,
        "tile decodes (last pass): terrace batch %,d, job %,d (the DEM has 1600 tiles)%n",
        batchDecodes,
        jobDecodes);
    System.out.printf(Locale.ROOT, "values: %,d rows compared, %d mismatches%n", n, mismatches);
    try (var files = Files.walk(work)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    if (mismatches > 0) {
      System.exit(1);
    }
  }

  /**
   * The latency of {@code extract} calls for one point at a time, one after another, until {@code
   * stop} or {@code most} calls: what an interactive caller sees. Each {@code seed} starts at
   * another point, so that the calls timed do not find the tiles the warm-up decoded.
   */
  private static double[] latencies(
      TerraceClient client, double[][] lonLat, BooleanSupplier stop, int most, int seed) {
    List<Double> ms = new ArrayList<>();
    long first = System.nanoTime();
    StringBuilder slow = new StringBuilder();
    for (int i = 0; i < most && !stop.getAsBoolean(); i++) {
      double[] p = lonLat[(int) ((i * 7919L + seed * 104_729L) % lonLat.length)];
      long t = System.nanoTime();
      client.extract(Point.of(p[0], p[1]), "bench:dem");
      double took = (System.nanoTime() - t) / 1e6;
      ms.add(took);
      if (took > 50 && System.getenv("JOBBENCH_SLOW") != null) {
        slow.append(String.format(Locale.ROOT, " %.0f@%.0f", took, (t - first) / 1e6));
      }
    }
    if (!slow.isEmpty()) {
      System.out.println("  calls over 50 ms (ms@ms since the first):" + slow);
    }
    return ms.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * The reference polygons (1000) written over and over, {@code count} features in all, as a
   * GeoJSON FeatureCollection.
   */
  private static Path polygons(Path work, int count) throws Exception {
    com.fasterxml.jackson.databind.JsonNode features =
        BenchData.JSON.readTree(BenchData.data("polygons.geojson").toFile()).get("features");
    Path file = work.resolve("polygons.geojson");
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
      for (int i = 0; i < count; i++) {
        w.write(i == 0 ? "" : ",\n");
        w.write(BenchData.JSON.writeValueAsString(features.get(i % features.size())));
      }
      w.write("\n]}\n");
    }
    return file;
  }

  /** The service's tile decodes so far, from {@code /health}. */
  private static long decodes(String url) throws Exception {
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      String health =
          http.send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/health"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      return BenchData.JSON.readTree(health).at("/tile_cache/decodes").asLong();
    }
  }

  private static String listening(Process service) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new IllegalStateException("terrace serve ended before it listened");
  }

  /**
   * Each job row's value against the command's row of the same id, read side by side: a million
   * rows are never held at once.
   */
  private static long compare(Stream<JobRow> rows, Path batchOut) throws Exception {
    long mismatches = 0;
    long i = 0;
    try (BufferedReader lines = Files.newBufferedReader(batchOut)) {
      int column = List.of(lines.readLine().split(",", -1)).indexOf("bench:dem_mean");
      for (java.util.Iterator<JobRow> it = rows.iterator(); it.hasNext(); i++) {
        JobRow row = it.next();
        String line = lines.readLine();
        if (line == null) {
          return mismatches + 1;
        }
        Double theirs = BenchData.number(line.split(",", -1)[column]);
        java.util.OptionalDouble value =
            row.results().isEmpty()
                ? java.util.OptionalDouble.empty()
                : row.results().get(0).number();
        Double ours = value.isPresent() ? value.getAsDouble() : null;
        if (!java.util.Objects.equals(ours, theirs) || row.row() != i) {
          mismatches++;
        }
      }
      if (lines.readLine() != null) {
        mismatches++;
      }
    }
    return mismatches;
  }
}
