package dev.terrace.bench;

import dev.terrace.api.PixelRule;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.extract.Zonal;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.stats.CellAccumulator;
import dev.terrace.engine.internal.stats.Statistic;
import dev.terrace.engine.internal.stats.StatisticRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Zonal statistics of the 1000 reference polygons over the 20000² reference COG, with our engine
 * and with the anchor (rasterio: window read + rasterize + masked mean, centre rule, 1 process:
 * {@code terrace-bench/scripts/bench_polygons.py}), in the same run, and every answer checked
 * against {@code results/ref_polygons.csv}.
 *
 * <p>Ours, each pass from GeoJSON text to numbers, tile cache emptied first (the file stays in the
 * page cache, as for the anchor): every polygon summarised with {@link Zonal#summarise} on the DEM
 * (count, sum, mean, min, max, std, median, p10, p90 in one pass) and on the class COG (majority,
 * variety), polygons spread over a fixed pool of as many threads as {@code extract.batch} runs
 * polygons at once ({@link Limits#defaults()}'s concurrency, two per core: a thread waiting for a
 * tile another is decoding leaves its core to the others); once with the EXACT rule
 * (coverage-weighted) and once with CENTER.
 *
 * <pre>
 * terrace-bench/run ZonalBench [--reps 3] [--threads N] [--scripts terrace-bench/scripts] [--no-anchor] [--breakdown]
 *     [--exact-only | --center-only] [--input-order] [--exactextract PATH] [--weighted-only | --no-weighted]
 *     [--batch]
 * </pre>
 *
 * The polygons are handed to the threads in {@link Zonal#localityOrder} (answers still in input
 * order), the order {@code extract.batch} works in, so neighbours share decoded tiles; {@code
 * --input-order} hands them out in input order instead, which decodes many tiles more than once
 * when the cache is small.
 *
 * <p>{@code --breakdown} also times the EXACT rule's parts (DEM mean only; DEM all statistics;
 * class only).
 *
 * <p>{@code --batch} also times {@code terrace batch} over the polygons against the DEM's mean in
 * this JVM ({@link BatchPolygonsPass}).
 *
 * <p>Then the {@code weighted_mean} pass ({@link WeightedMeanPass}): the DEM weighted by the class
 * COG through {@code extract.batch}, against exactextract's {@code weighted_mean} (the program
 * {@code --exactextract} names, {@code exactextract} on the PATH by default; skipped with {@code
 * --no-anchor}), answers compared to 1e-6 relative. {@code --weighted-only} runs that pass alone;
 * {@code --no-weighted} leaves it out.
 */
public final class ZonalBench {

  static final List<StatisticRequest> DEM_ALL =
      List.of(
          StatisticRequest.of(Statistic.COUNT),
          StatisticRequest.of(Statistic.SUM),
          StatisticRequest.of(Statistic.MEAN),
          StatisticRequest.of(Statistic.MIN),
          StatisticRequest.of(Statistic.MAX),
          StatisticRequest.of(Statistic.STD),
          StatisticRequest.of(Statistic.MEDIAN),
          StatisticRequest.percentile(10),
          StatisticRequest.percentile(90));
  static final List<StatisticRequest> DEM_MEAN = List.of(StatisticRequest.of(Statistic.MEAN));
  static final List<StatisticRequest> CLASS =
      List.of(StatisticRequest.of(Statistic.MAJORITY), StatisticRequest.of(Statistic.VARIETY));

  /** The answers for one polygon; null = empty statistic. */
  record Answer(
      double count,
      Double sum,
      Double mean,
      Double min,
      Double max,
      Double std,
      Double median,
      Double p10,
      Double p90,
      Double majority,
      Double variety) {}

  /** One timed pass: the answers in input order, the time from GeoJSON text to the last answer. */
  record Pass(
      List<BenchData.Feature> features,
      Answer[] answers,
      double totalMs,
      double parseMs,
      double cpuMs,
      long decodedBlocks) {}

  /** Set once from {@code --input-order} before any pass. */
  private static boolean inputOrder;

  private static final Pass NONE =
      new Pass(List.of(), new Answer[0], Double.NaN, Double.NaN, Double.NaN, 0);

  private ZonalBench() {}

  /**
   * @param args {@code
   *     --reps/--threads/--scripts/--no-anchor/--breakdown/--exact-only/--center-only/--input-order/
   *     --exactextract/--weighted-only/--no-weighted/--batch}
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    int reps = 3;
    int threads = Limits.defaults().concurrency();
    Path scripts = Path.of("terrace-bench/scripts");
    boolean anchor = true;
    boolean breakdown = false;
    boolean batch = false;
    boolean runExact = true;
    boolean runCenter = true;
    boolean runWeighted = true;
    String exactextract = "exactextract";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--scripts" -> scripts = Path.of(args[++i]);
        case "--no-anchor" -> anchor = false;
        case "--breakdown" -> breakdown = true;
        case "--batch" -> batch = true;
        case "--exact-only" -> runCenter = false;
        case "--center-only" -> runExact = false;
        case "--input-order" -> inputOrder = true;
        case "--exactextract" -> exactextract = args[++i];
        case "--weighted-only" -> {
          runExact = false;
          runCenter = false;
        }
        case "--no-weighted" -> runWeighted = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path polygons = BenchData.data("polygons.geojson");
    Path refFile = BenchData.results("ref_polygons.csv");
    BenchData.requireReferenceData(
        polygons,
        refFile,
        BenchData.data("bench_dem_cog.tif"),
        BenchData.data("bench_class_cog.tif"));
    Path script = scripts.resolve("bench_polygons.py").toAbsolutePath().normalize();
    if (anchor && !Files.isRegularFile(script)) {
      System.err.println(
          script + " not found: give --scripts DIR (the folder of make_bench.sh) or --no-anchor");
      System.exit(2);
    }
    Map<Integer, Map<String, String>> ref = BenchData.csvById(refFile);

    Catalog catalog = Catalog.load(BenchData.catalog());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Engine terrace =
        Engine.open(catalog, Limits.defaults(), Executors.newVirtualThreadPerTaskExecutor())) {
      RasterSource dem = terrace.catalog().dataset("bench:dem").orElseThrow().raster();
      RasterSource cls = terrace.catalog().dataset("bench:class").orElseThrow().raster();
      System.out.printf(
          Locale.ROOT,
          "%d polygons (%s), %d threads, %d cores, max heap %d MB, tile cache %d MB, "
              + "%d reps%n",
          ref.size(),
          inputOrder ? "worked in input order" : "worked in locality order",
          threads,
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          TileCache.shared().maxBytes() >> 20,
          reps);

      Checker checks = new Checker(ref);
      // Warm the JIT (and the page cache) with one untimed pass of each rule; their answers are
      // checked too.
      if (runExact) {
        checks.check(
            PixelRule.EXACT,
            pass(PixelRule.EXACT, DEM_ALL, CLASS, dem, cls, polygons, pool, threads));
      }
      if (runCenter) {
        checks.check(
            PixelRule.CENTER,
            pass(PixelRule.CENTER, DEM_ALL, CLASS, dem, cls, polygons, pool, threads));
      }

      if (runExact || runCenter) {
        double[] exact = new double[reps];
        double[] center = new double[reps];
        double[] exactCpu = new double[reps];
        double[] centerCpu = new double[reps];
        double[] anchorTotal = new double[reps];
        double[] anchorWall = new double[reps];
        double[] anchorCpu = new double[reps];
        long anchorRss = -1;
        String anchorLine = "";
        Path anchorCsv = Files.createTempFile("terrace-bench-poly-", ".csv");
        for (int r = 0; r < reps; r++) {
          Pass e =
              runExact
                  ? pass(PixelRule.EXACT, DEM_ALL, CLASS, dem, cls, polygons, pool, threads)
                  : NONE;
          exact[r] = e.totalMs();
          exactCpu[r] = e.cpuMs();
          if (runExact) {
            checks.check(PixelRule.EXACT, e);
          }
          Pass c =
              runCenter
                  ? pass(PixelRule.CENTER, DEM_ALL, CLASS, dem, cls, polygons, pool, threads)
                  : NONE;
          center[r] = c.totalMs();
          centerCpu[r] = c.cpuMs();
          if (runCenter) {
            checks.check(PixelRule.CENTER, c);
          }
          String line =
              String.format(
                  Locale.ROOT,
                  "  pass %d: terrace EXACT %.0f ms (parse %.0f, CPU %.0f, %d blocks"
                      + " decoded), CENTER %.0f ms (CPU %.0f, %d blocks)",
                  r + 1,
                  e.totalMs(),
                  e.parseMs(),
                  e.cpuMs(),
                  e.decodedBlocks(),
                  c.totalMs(),
                  c.cpuMs(),
                  c.decodedBlocks());
          if (anchor) {
            BenchData.Run run =
                BenchData.run(
                    List.of(
                        GdalRunner.PYTHON,
                        script.toString(),
                        polygons.toString(),
                        BenchData.data("bench_dem_cog.tif").toString(),
                        anchorCsv.toString(),
                        "1"),
                    null,
                    null);
            Matcher m = Pattern.compile("total=([0-9.]+)s").matcher(run.stdout());
            if (!m.find()) {
              throw new IllegalStateException("no total= in the anchor's output: " + run.stdout());
            }
            anchorTotal[r] = Double.parseDouble(m.group(1)) * 1000;
            anchorWall[r] = run.wallMs();
            anchorCpu[r] = run.cpuMs();
            anchorRss = Math.max(anchorRss, run.maxRssKb());
            anchorLine = run.stdout();
            line +=
                String.format(
                    Locale.ROOT,
                    "; rasterio total=%.0f ms (process wall %.0f, CPU %.0f)",
                    anchorTotal[r],
                    anchorWall[r],
                    anchorCpu[r]);
          }
          System.out.println(line);
        }

        System.out.println();
        double a = anchor ? Stats.median(anchorTotal) : Double.NaN;
        System.out.println(
            "1000 polygons, median ms                          ms   / rasterio centre mean");
        row("terrace EXACT, all statistics + majority", Stats.median(exact), a);
        row("terrace CENTER, all statistics + majority", Stats.median(center), a);
        if (anchor) {
          row("rasterio CENTER mean, 1 process (total=)", a, a);
          row("  same, process wall incl. Python start", Stats.median(anchorWall), a);
          double ac = Stats.median(anchorCpu);
          System.out.println("CPU time (user + system, all threads; robust to a busy machine)");
          row("terrace EXACT, all statistics + majority", Stats.median(exactCpu), ac);
          row("terrace CENTER, all statistics + majority", Stats.median(centerCpu), ac);
          row("rasterio CENTER mean, whole process", ac, ac);
          System.out.println("  anchor: " + anchorLine + ", peak RSS " + BenchData.mb(anchorRss));
          System.out.println("  anchor answers vs ref mean: " + anchorCheck(anchorCsv, ref));
        }
        Files.deleteIfExists(anchorCsv);
      }

      if (breakdown) {
        System.out.println();
        System.out.println("EXACT rule, parts (median of " + reps + ")");
        String[] labels = {"DEM mean only", "DEM all statistics", "class majority + variety only"};
        double[][] wall = new double[3][reps];
        double[][] cpu = new double[3][reps];
        for (int r = 0; r < reps; r++) {
          Pass[] parts = {
            pass(PixelRule.EXACT, DEM_MEAN, List.of(), dem, cls, polygons, pool, threads),
            pass(PixelRule.EXACT, DEM_ALL, List.of(), dem, cls, polygons, pool, threads),
            pass(PixelRule.EXACT, List.of(), CLASS, dem, cls, polygons, pool, threads)
          };
          for (int k = 0; k < 3; k++) {
            wall[k][r] = parts[k].totalMs();
            cpu[k][r] = parts[k].cpuMs();
          }
        }
        for (int k = 0; k < 3; k++) {
          System.out.printf(
              Locale.ROOT,
              "  %-45s %8.0f ms wall %8.0f ms CPU%n",
              labels[k],
              Stats.median(wall[k]),
              Stats.median(cpu[k]));
        }
      }

      long batchMismatches = 0;
      if (batch) {
        int workers = threads;
        batchMismatches =
            BatchPolygonsPass.run(
                polygons,
                reps,
                () ->
                    pass(PixelRule.EXACT, DEM_MEAN, List.of(), dem, cls, polygons, pool, workers));
      }

      WeightedMeanPass.Agreement agreement = null;
      if (runWeighted) {
        agreement = weighted(terrace, polygons, reps, anchor ? exactextract : null);
      }

      if (runExact || runCenter) {
        System.out.println();
        checks.report();
      }
      System.out.println("JVM peak RSS (VmHWM): " + BenchData.mb(BenchData.peakRssKb()));
      if (checks.mismatches > 0
          || batchMismatches > 0
          || agreement != null && agreement.differing() > 0) {
        System.exit(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The weighted_mean pass, ours and exactextract's alternately after one untimed run of each.
   *
   * @param exactextract the anchor's program, or null to time ours alone
   * @return how our answers agree with exactextract's, or null without it
   */
  private static WeightedMeanPass.Agreement weighted(
      Engine terrace, Path polygons, int reps, String exactextract) throws Exception {
    Path gpkg = exactextract == null ? null : WeightedMeanPass.projected(polygons);
    Path csv = Files.createTempFile("terrace-bench-weighted-", ".csv");
    WeightedMeanPass.Answers ours = WeightedMeanPass.terrace(terrace, polygons);
    WeightedMeanPass.Answers theirs =
        gpkg == null ? null : WeightedMeanPass.exactextract(exactextract, gpkg, csv);
    double[] wall = new double[reps];
    double[] cpu = new double[reps];
    double[] anchorWall = new double[reps];
    double[] anchorCpu = new double[reps];
    WeightedMeanPass.Agreement agreement =
        gpkg == null ? null : WeightedMeanPass.Agreement.of(ours, theirs, 1e-6);
    System.out.println();
    for (int r = 0; r < reps; r++) {
      ours = WeightedMeanPass.terrace(terrace, polygons);
      wall[r] = ours.totalMs();
      cpu[r] = ours.cpuMs();
      String line =
          String.format(
              Locale.ROOT,
              "  weighted pass %d: terrace %.0f ms (CPU %.0f)",
              r + 1,
              wall[r],
              cpu[r]);
      if (gpkg != null) {
        theirs = WeightedMeanPass.exactextract(exactextract, gpkg, csv);
        anchorWall[r] = theirs.totalMs();
        anchorCpu[r] = theirs.cpuMs();
        line +=
            String.format(
                Locale.ROOT,
                "; exactextract %.0f ms (CPU %.0f, peak RSS %s)",
                anchorWall[r],
                anchorCpu[r],
                BenchData.mb(theirs.maxRssKb()));
        agreement = agreement.worse(WeightedMeanPass.Agreement.of(ours, theirs, 1e-6));
      }
      System.out.println(line);
    }
    Files.deleteIfExists(csv);
    double a = gpkg == null ? Double.NaN : Stats.median(anchorWall);
    System.out.println(
        "1000 polygons, weighted_mean of the DEM by the class COG, median ms   ms   / exactextract");
    row("terrace EXACT weighted_mean, extract.batch", Stats.median(wall), a);
    if (gpkg == null) {
      return null;
    }
    row("exactextract weighted_mean, process wall", a, a);
    double ac = Stats.median(anchorCpu);
    System.out.println("CPU time (user + system, all threads; robust to a busy machine)");
    row("terrace EXACT weighted_mean, extract.batch", Stats.median(cpu), ac);
    row("exactextract weighted_mean, whole process", ac, ac);
    System.out.println(
        "  terrace vs exactextract weighted_mean, the worst of "
            + (reps + 1)
            + " passes: "
            + agreement);
    return agreement;
  }

  private static void row(String label, double ms, double anchorMs) {
    System.out.printf(Locale.ROOT, "  %-45s %8.0f   %6.2f%n", label, ms, ms / anchorMs);
  }

  /** Parses the polygons and summarises all of them, the tile cache emptied first. */
  static Pass pass(
      PixelRule rule,
      List<StatisticRequest> demStats,
      List<StatisticRequest> classStats,
      RasterSource dem,
      RasterSource cls,
      Path geojson,
      ExecutorService pool,
      int threads)
      throws Exception {
    TileCache.shared().invalidateAll();
    long decoded = TileCache.shared().decodedBlocks();
    double cpu = BenchData.cpuMs();
    long t0 = System.nanoTime();
    List<BenchData.Feature> features = BenchData.polygons(geojson);
    long t1 = System.nanoTime();
    Answer[] answers = new Answer[features.size()];
    int[] order = workOrder(features);
    AtomicInteger next = new AtomicInteger();
    CoordinateReferenceSystem wgs84 = PixelLocator.wgs84();
    Callable<Void> worker =
        () -> {
          for (int j; (j = next.getAndIncrement()) < answers.length; ) {
            int i = order[j];
            var g = features.get(i).geometry();
            CellAccumulator d =
                demStats.isEmpty() ? null : Zonal.summarise(dem, 1, g, wgs84, rule, demStats);
            CellAccumulator k =
                classStats.isEmpty() ? null : Zonal.summarise(cls, 1, g, wgs84, rule, classStats);
            answers[i] = answer(d, demStats, k);
          }
          return null;
        };
    List<Callable<Void>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(worker);
    }
    for (Future<Void> f : pool.invokeAll(workers)) {
      f.get();
    }
    long t2 = System.nanoTime();
    return new Pass(
        features,
        answers,
        (t2 - t0) / 1e6,
        (t1 - t0) / 1e6,
        BenchData.cpuMs() - cpu,
        TileCache.shared().decodedBlocks() - decoded);
  }

  /** The engine's locality order, or with --input-order the input order. */
  private static int[] workOrder(List<BenchData.Feature> features) {
    return inputOrder
        ? IntStream.range(0, features.size()).toArray()
        : Zonal.localityOrder(features.stream().map(f -> f.geometry()).toList());
  }

  private static Answer answer(
      CellAccumulator d, List<StatisticRequest> demStats, CellAccumulator k) {
    boolean all = demStats == DEM_ALL;
    return new Answer(
        d == null ? Double.NaN : d.count(),
        all ? get(d.value(StatisticRequest.of(Statistic.SUM))) : null,
        d == null ? null : get(d.mean()),
        all ? get(d.min()) : null,
        all ? get(d.max()) : null,
        all ? get(d.std()) : null,
        all ? get(d.median()) : null,
        all ? get(d.percentile(10)) : null,
        all ? get(d.percentile(90)) : null,
        k == null ? null : get(k.majority()),
        k == null ? null : get(k.value(StatisticRequest.of(Statistic.VARIETY))));
  }

  private static Double get(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : null;
  }

  /**
   * The anchor's own answers against the reference: its means should be the reference's exactly.
   */
  private static String anchorCheck(Path csv, Map<Integer, Map<String, String>> ref)
      throws Exception {
    Map<Integer, Map<String, String>> got = BenchData.csvById(csv);
    int bad = 0;
    for (var e : ref.entrySet()) {
      Map<String, String> g = got.get(e.getKey());
      Double a = g == null ? Double.valueOf(Double.NaN) : BenchData.number(g.get("mean"));
      Double b = BenchData.number(e.getValue().get("mean"));
      if (!sameRelative(a, b, 1e-9)) {
        bad++;
      }
    }
    return got.size() + " rows, " + bad + " means differ by more than 1e-9 relative";
  }

  static boolean sameRelative(Double ours, Double ref, double tolerance) {
    if (ours == null || ref == null) {
      return ours == null && ref == null;
    }
    double a = ours;
    double b = ref;
    return a == b || Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  }

  /** Compares every answer with the reference and keeps the first mismatches. */
  static final class Checker {
    private final Map<Integer, Map<String, String>> ref;
    private long checks;
    private long mismatches;
    private long outsideBandSkipped;
    private int passes;
    private final List<String> first = new ArrayList<>();

    Checker(Map<Integer, Map<String, String>> ref) {
      this.ref = ref;
    }

    void check(PixelRule rule, Pass pass) {
      passes++;
      if (pass.answers().length != ref.size()) {
        fail(-1, "", rule, "polygons", pass.answers().length, ref.size());
      }
      for (int i = 0; i < pass.answers().length; i++) {
        BenchData.Feature f = pass.features().get(i);
        Answer a = pass.answers()[i];
        Map<String, String> r = ref.get(f.id());
        if (r == null) {
          fail(f.id(), f.kind(), rule, "id not in the reference", null, null);
          continue;
        }
        if (rule == PixelRule.CENTER) {
          long count = Math.round(a.count());
          long lo = Long.parseLong(r.get("count_lo"));
          long hi = Long.parseLong(r.get("count_hi"));
          long refCount = Long.parseLong(r.get("count"));
          checks++;
          if (a.count() != count || count < Math.min(lo, hi) || count > Math.max(lo, hi)) {
            fail(
                f.id(),
                f.kind(),
                rule,
                "count in [count_lo, count_hi] = [" + lo + ", " + hi + "]",
                a.count(),
                (double) refCount);
            continue;
          }
          if (count != refCount) {
            // A centre within 1 mm of the edge: the tolerance band; the values are not comparable.
            outsideBandSkipped++;
            continue;
          }
          zeroWhenEmpty(f, rule, "sum", a.sum(), r, 1e-9);
          rel(f, rule, "mean", a.mean(), r, 1e-9);
          rel(f, rule, "min", a.min(), r, 1e-9);
          rel(f, rule, "max", a.max(), r, 1e-9);
          rel(f, rule, "std", a.std(), r, 1e-9);
          rel(f, rule, "median", a.median(), r, 1e-9);
          rel(f, rule, "p10", a.p10(), r, 1e-9);
          rel(f, rule, "p90", a.p90(), r, 1e-9);
          exact(f, rule, "majority", a.majority(), r);
          zeroWhenEmpty(f, rule, "variety", a.variety(), r, 0);
        } else {
          rel(f, rule, "count_exact", a.count(), r, 1e-6);
          zeroWhenEmpty(f, rule, "sum_exact", a.sum(), r, 1e-6);
          rel(f, rule, "mean_exact", a.mean(), r, 1e-6);
          exact(f, rule, "majority_exact", a.majority(), r);
        }
      }
    }

    private void rel(
        BenchData.Feature f,
        PixelRule rule,
        String column,
        Double ours,
        Map<String, String> r,
        double tolerance) {
      checks++;
      Double want = BenchData.number(r.get(column));
      if (!sameRelative(ours, want, tolerance)) {
        fail(f.id(), f.kind(), rule, column, ours, want);
      }
    }

    /**
     * A sum or a variety over no valid cell is 0, as exactextract answers (the empty-zone
     * convention); the reference writes no value for it.
     */
    private void zeroWhenEmpty(
        BenchData.Feature f,
        PixelRule rule,
        String column,
        Double ours,
        Map<String, String> r,
        double tolerance) {
      checks++;
      Double want = BenchData.number(r.get(column));
      if (!sameRelative(ours, want == null ? Double.valueOf(0) : want, tolerance)) {
        fail(f.id(), f.kind(), rule, column, ours, want);
      }
    }

    private void exact(
        BenchData.Feature f, PixelRule rule, String column, Double ours, Map<String, String> r) {
      checks++;
      Double want = BenchData.number(r.get(column));
      if (!(ours == null ? want == null : ours.equals(want))) {
        fail(f.id(), f.kind(), rule, column, ours, want);
      }
    }

    private void fail(int id, String kind, PixelRule rule, String what, Object ours, Object want) {
      mismatches++;
      if (first.size() < 10) {
        String diff =
            ours instanceof Double o && want instanceof Double w
                ? String.format(
                    Locale.ROOT,
                    " (|diff| %.3g, relative %.3g)",
                    Math.abs(o - w),
                    Math.abs(o - w) / Math.abs(w))
                : "";
        first.add(
            String.format(
                Locale.ROOT,
                "polygon %d (%s) %s %s: ours %s, reference %s%s",
                id,
                kind,
                rule,
                what,
                ours,
                want,
                diff));
      }
    }

    void report() {
      System.out.printf(
          Locale.ROOT,
          "answers checked against ref_polygons.csv over %d passes: %d checks, %d mismatches%n",
          passes,
          checks,
          mismatches);
      System.out.printf(
          Locale.ROOT,
          "  CENTER polygons whose count differs from the reference but lies in "
              + "[count_lo, count_hi] (values not compared): %d over all passes%n",
          outsideBandSkipped);
      if (!first.isEmpty()) {
        System.out.println("  first mismatches:");
        first.forEach(s -> System.out.println("    " + s));
      }
    }
  }
}
