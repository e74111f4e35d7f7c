package dev.terrace.bench;

import dev.terrace.engine.Terrace;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.geotiff.TileCache;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * The command line's overhead on a batch: {@code terrace batch} over the 100 000 reference points
 * (a CSV made from {@code points.geojson}) to a CSV, against the same job through the engine API in
 * this JVM ({@code batchExtract} in chunks of the same size, writing nothing), alternately in the
 * same run.
 *
 * <p>The engine's job also runs in a JVM of its own (reading the CSV with a plain split, nothing
 * written), since the command line pays a cold JVM's start and JIT warm-up that a long-lived
 * program does not; the overhead is measured against it, and against the engine in this JVM, warm,
 * for comparison.
 *
 * <p>The command line is timed around its process, as a user meets it: JVM start, opening the
 * catalog, reading the CSV, extracting, writing the CSV and the progress bookkeeping (its bar is
 * silent, stderr being a file); its CPU time from {@code /usr/bin/time}. The engine is timed from
 * parsed coordinates to the last value, its tile cache emptied first, after one untimed warm-up
 * pass; its CPU time is this JVM's. Overhead = (cli − engine) / cli, of wall and of CPU time. Both
 * answers are compared value by value.
 *
 * <pre>
 * terrace-bench/run CliBatchBench [--reps 3] [--batch 10000]
 * </pre>
 */
public final class CliBatchBench {

  private CliBatchBench() {}

  /**
   * @param args {@code --reps/--batch}
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("--engine-job")) {
      engineJob(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
      return;
    }
    int reps = 3;
    int batch = 10_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path geojson = BenchData.data("points.geojson");
    Path dem = BenchData.data("bench_dem_cog.tif");
    BenchData.requireReferenceData(geojson, dem);
    BenchData.Points points = BenchData.points(geojson);
    int n = points.size();
    Path work = Files.createTempDirectory("terrace-cli-bench-");
    Path csv = work.resolve("points.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("id,lon,lat\n");
      for (int i = 0; i < n; i++) {
        w.write(points.ids()[i] + "," + points.lon()[i] + "," + points.lat()[i] + "\n");
      }
    }
    Path catalog = BenchData.catalog();
    Path out = work.resolve("values.csv");
    Path launcher = Path.of("terrace").toAbsolutePath();
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException("run from the repository root, where ./terrace is");
    }
    long heapMb = Runtime.getRuntime().maxMemory() >> 20;
    List<String> command =
        new ArrayList<>(
            List.of(
                "env",
                "TERRACE_CLASSPATH=" + System.getProperty("java.class.path"),
                "TERRACE_JAVA_OPTS=-Xmx" + heapMb + "m",
                launcher.toString()));
    command.addAll(BenchData.batch(catalog, csv, out));
    command.addAll(List.of("--batch-size", Integer.toString(batch)));
    System.out.printf(
        Locale.ROOT,
        "%d points, batches of %d, %d cores, max heap %d MB (both), %d reps%n  %s%n",
        n,
        batch,
        Runtime.getRuntime().availableProcessors(),
        heapMb,
        reps,
        String.join(" ", command.subList(3, command.size())));

    try (Terrace terrace = open(catalog, batch)) {
      double[] values = engine(terrace, points, batch);
      double[] cli = new double[reps];
      double[] cliCpu = new double[reps];
      double[] ours = new double[reps];
      double[] oursCpu = new double[reps];
      double[] job = new double[reps];
      double[] jobCpu = new double[reps];
      List<String> engineJob =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx" + heapMb + "m",
              "-cp",
              System.getProperty("java.class.path"),
              CliBatchBench.class.getName(),
              "--engine-job",
              catalog.toString(),
              csv.toString(),
              Integer.toString(batch));
      long mismatches = 0;
      for (int r = 0; r < reps; r++) {
        BenchData.Run run = BenchData.run(command, null, work.resolve("cli.log"));
        cli[r] = run.wallMs();
        cliCpu[r] = run.cpuMs();
        mismatches += compare(out, values);

        run = BenchData.run(engineJob, null, work.resolve("engine.log"));
        job[r] = run.wallMs();
        jobCpu[r] = run.cpuMs();

        double cpu = BenchData.cpuMs();
        long t = System.nanoTime();
        values = engine(terrace, points, batch);
        ours[r] = (System.nanoTime() - t) / 1e6;
        oursCpu[r] = BenchData.cpuMs() - cpu;
        System.out.printf(
            Locale.ROOT,
            "  pass %d: terrace batch %.0f ms (CPU %.0f); engine job, own JVM %.0f ms (CPU"
                + " %.0f); engine, this warm JVM %.0f ms (CPU %.0f)%n",
            r + 1,
            cli[r],
            cliCpu[r],
            job[r],
            jobCpu[r],
            ours[r],
            oursCpu[r]);
      }
      double c = Stats.median(cli);
      double cc = Stats.median(cliCpu);
      double j = Stats.median(job);
      double jc = Stats.median(jobCpu);
      double e = Stats.median(ours);
      double ec = Stats.median(oursCpu);
      System.out.printf(
          Locale.ROOT,
          "%nmedian: terrace batch %.0f ms (CPU %.0f); engine job in its own JVM %.0f ms"
              + " (CPU %.0f); engine in this warm JVM %.0f ms (CPU %.0f)%n",
          c,
          cc,
          j,
          jc,
          e,
          ec);
      System.out.printf(
          Locale.ROOT,
          "CLI overhead (cli - engine) / cli, both cold JVMs: wall %.1f%%, CPU %.1f%%%n",
          100 * (c - j) / c,
          100 * (cc - jc) / cc);
      System.out.printf(
          Locale.ROOT,
          "CLI overhead against the warm engine: wall %.1f%%, CPU %.1f%%%n",
          100 * (c - e) / c,
          100 * (cc - ec) / cc);
      System.out.printf(
          Locale.ROOT,
          "values: %d rows x %d passes compared with the engine's, %d mismatches%n",
          n,
          reps,
          mismatches);
      if (mismatches > 0) {
        System.exit(1);
      }
    }
  }

  /**
   * The same job as the command line's in a JVM of its own, so that both pay the JVM's start and
   * warm-up: the points read from the CSV with a plain split, the engine over the catalog, chunks
   * of {@code batch}, nothing written.
   */
  private static void engineJob(Path catalog, Path csv, int batch) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    int n = lines.size() - 1;
    int[] ids = new int[n];
    double[] lon = new double[n];
    double[] lat = new double[n];
    for (int i = 0; i < n; i++) {
      String[] cells = lines.get(i + 1).split(",");
      ids[i] = Integer.parseInt(cells[0]);
      lon[i] = Double.parseDouble(cells[1]);
      lat[i] = Double.parseDouble(cells[2]);
    }
    try (Terrace terrace = open(catalog, batch)) {
      double[] values = engine(terrace, new BenchData.Points(ids, lon, lat), batch);
      System.out.println(values.length + " values");
    }
  }

  /**
   * The engine as the command line opens it: default limits, but batches of {@code batch} allowed.
   */
  private static Terrace open(Path catalog, int batch) {
    Limits defaults = Limits.defaults();
    Limits limits =
        new Limits(
            defaults.maxDatasets(),
            Math.max(batch, defaults.maxGeometries()),
            defaults.maxVertices(),
            defaults.maxCells(),
            defaults.concurrency());
    return Terrace.embedded(catalog, limits, Executors.newVirtualThreadPerTaskExecutor());
  }

  /** The job through the API: chunks of {@code batch} points, the values kept, nothing written. */
  private static double[] engine(Terrace terrace, BenchData.Points points, int batch) {
    TileCache.shared().invalidateAll();
    return PointsBench.values(terrace, points, batch);
  }

  /**
   * @return how many rows of the command's output differ from the engine's values
   */
  private static long compare(Path out, double[] values) throws Exception {
    List<String> lines = Files.readAllLines(out);
    long bad = Math.abs(lines.size() - 1 - values.length);
    for (int i = 0; i + 1 < lines.size() && i < values.length; i++) {
      String cell = lines.get(i + 1).split(",", -1)[3];
      double v = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
      if (Double.compare(v, values[i]) != 0) {
        bad++;
      }
    }
    return bad;
  }
}
