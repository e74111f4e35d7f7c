package dev.terrace.bench;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.geotiff.TileCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;

/**
 * Values of the 100 000 reference points (the cell each falls in, no interpolation) from the 20000²
 * reference COG: our engine, the points in input order as one {@code extract.batch} (or batches of
 * {@code --batch}), against {@code gdallocationinfo -valonly -wgs84} fed the points sorted by tile
 * ({@code data/pts_lonlat_sorted.txt}), in the same run. Every value is compared with {@code
 * results/ref_points.csv} (as float32; empty = nodata or outside).
 *
 * <p>Ours is timed from parsed coordinates to the last number (building the GeoJSON points, the
 * request, its validation, and the responses included; the tile cache emptied first); parsing
 * {@code points.geojson} is timed apart. gdallocationinfo is timed around its process, reading its
 * text input included.
 *
 * <pre>
 * terrace-bench/run PointsBench [--reps 3] [--batch 100000] [--no-anchor]
 * </pre>
 */
public final class PointsBench {

  private PointsBench() {}

  /**
   * @param args {@code --reps/--batch/--no-anchor}
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    int reps = 3;
    int batch = 100_000;
    boolean anchor = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--no-anchor" -> anchor = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path geojson = BenchData.data("points.geojson");
    Path sorted = BenchData.data("pts_lonlat_sorted.txt");
    Path dem = BenchData.data("bench_dem_cog.tif");
    Path refFile = BenchData.results("ref_points.csv");
    BenchData.requireReferenceData(geojson, sorted, dem, refFile);
    Map<Integer, RefPoint> ref = refPoints(refFile);

    long t = System.nanoTime();
    BenchData.Points points = BenchData.points(geojson);
    double parseMs = (System.nanoTime() - t) / 1e6;
    int n = points.size();

    Limits limits =
        new Limits(
            1,
            Math.max(batch, 1000),
            10_000,
            500_000_000L,
            2 * Runtime.getRuntime().availableProcessors());
    try (Terrace terrace =
        Terrace.embedded(
            BenchData.catalog(), limits, Executors.newVirtualThreadPerTaskExecutor())) {
      System.out.printf(
          Locale.ROOT,
          "%d points in input order, batches of %d, %d cores, max heap %d MB, "
              + "tile cache %d MB, %d reps; points.geojson parsed in %.0f ms (not in the times below)%n",
          n,
          batch,
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          TileCache.shared().maxBytes() >> 20,
          reps,
          parseMs);

      long checks = 0;
      long mismatches = 0;
      List<String> first = new ArrayList<>();
      // One untimed pass warms the JIT and the page cache; its answers are checked like the others.
      double[] values = pass(terrace, points, batch).values;
      int passes = 1;
      long[] counted = check(values, points, ref, first);
      checks += counted[0];
      mismatches += counted[1];

      double[] ours = new double[reps];
      double[] oursCpu = new double[reps];
      long[] decoded = new long[reps];
      double[] gdal = new double[reps];
      double[] gdalCpu = new double[reps];
      long gdalRss = -1;
      String gdalCheck = "";
      Path gdalOut = Files.createTempFile("terrace-bench-gdalloc-", ".txt");
      for (int r = 0; r < reps; r++) {
        Pass p = pass(terrace, points, batch);
        ours[r] = p.ms;
        oursCpu[r] = p.cpuMs;
        decoded[r] = p.decodedBlocks;
        passes++;
        counted = check(p.values, points, ref, first);
        checks += counted[0];
        mismatches += counted[1];
        String line =
            String.format(
                Locale.ROOT,
                "  pass %d: terrace %.0f ms (CPU %.0f, %d blocks decoded)",
                r + 1,
                p.ms,
                p.cpuMs,
                p.decodedBlocks);
        if (anchor) {
          BenchData.Run run =
              BenchData.run(
                  List.of("gdallocationinfo", "-valonly", "-wgs84", dem.toString()),
                  sorted,
                  gdalOut);
          gdal[r] = run.wallMs();
          gdalCpu[r] = run.cpuMs();
          gdalRss = Math.max(gdalRss, run.maxRssKb());
          gdalCheck = checkGdal(gdalOut, ref);
          line +=
              String.format(
                  Locale.ROOT, "; gdallocationinfo %.0f ms (CPU %.0f)", run.wallMs(), run.cpuMs());
        }
        System.out.println(line);
      }
      Files.deleteIfExists(gdalOut);

      System.out.println();
      double g = anchor ? Stats.median(gdal) : Double.NaN;
      double gc = anchor ? Stats.median(gdalCpu) : Double.NaN;
      System.out.println(
          "100 000 points, median                       wall ms  / gdalloc    CPU ms  / gdalloc");
      System.out.printf(
          Locale.ROOT,
          "  %-40s %8.0f   %6.2f  %8.0f   %6.2f%n",
          "terrace batchExtract, input order",
          Stats.median(ours),
          Stats.median(ours) / g,
          Stats.median(oursCpu),
          Stats.median(oursCpu) / gc);
      if (anchor) {
        System.out.printf(
            Locale.ROOT,
            "  %-40s %8.0f   %6.2f  %8.0f   %6.2f%n",
            "gdallocationinfo, tile-sorted input",
            g,
            1.0,
            gc,
            1.0);
        System.out.println(
            "  gdallocationinfo: peak RSS "
                + BenchData.mb(gdalRss)
                + "; its values vs ref_points: "
                + gdalCheck);
      }
      System.out.printf(
          Locale.ROOT,
          "%nvalues checked against ref_points.csv over %d passes: %d checks, %d mismatches%n",
          passes,
          checks,
          mismatches);
      if (!first.isEmpty()) {
        System.out.println("  first mismatches:");
        first.forEach(s -> System.out.println("    " + s));
      }
      System.out.println("JVM peak RSS (VmHWM): " + BenchData.mb(BenchData.peakRssKb()));
      if (mismatches > 0) {
        System.exit(1);
      }
    }
  }

  /** A reference answer: the value (null for none) and the cell. */
  private record RefPoint(Double value, long row, long col) {}

  /**
   * {@code ref_points.csv} by id, only what the checks read: a map of strings per row, as {@link
   * BenchData#csvById} gives, held about 100 MB of this JVM's heap for the 100 000 rows, which its
   * peak RSS then counted against the engine.
   */
  private static Map<Integer, RefPoint> refPoints(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int row = header.indexOf("row");
    int col = header.indexOf("col");
    int value = header.indexOf("value");
    Map<Integer, RefPoint> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      out.put(
          Integer.parseInt(cells[0]),
          new RefPoint(
              BenchData.number(value < cells.length ? cells[value] : ""),
              Long.parseLong(cells[row]),
              Long.parseLong(cells[col])));
    }
    return out;
  }

  private record Pass(double[] values, double ms, double cpuMs, long decodedBlocks) {}

  private static Pass pass(Terrace terrace, BenchData.Points points, int batch) {
    TileCache.shared().invalidateAll();
    long decoded = TileCache.shared().decodedBlocks();
    double cpu = BenchData.cpuMs();
    long t = System.nanoTime();
    double[] values = values(terrace, points, batch);
    double ms = (System.nanoTime() - t) / 1e6;
    return new Pass(
        values, ms, BenchData.cpuMs() - cpu, TileCache.shared().decodedBlocks() - decoded);
  }

  /**
   * The points' {@code bench:dem} values through {@code batchExtract} in batches of {@code batch};
   * NaN for none.
   */
  static double[] values(Terrace terrace, BenchData.Points points, int batch) {
    int n = points.size();
    double[] values = new double[n];
    for (int from = 0; from < n; from += batch) {
      int to = Math.min(n, from + batch);
      List<Geometry> geometries = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        geometries.add(Point.of(points.lon()[i], points.lat()[i]));
      }
      BatchExtractResponse response =
          terrace.batchExtract(
              BatchExtractRequest.builder()
                  .geometries(geometries)
                  .datasetIds(List.of("bench:dem"))
                  .build());
      List<ExtractResponse> results = response.responses();
      for (int i = from; i < to; i++) {
        OptionalDouble v = results.get(i - from).results().get(0).number();
        values[i] = v.isPresent() ? v.getAsDouble() : Double.NaN;
      }
    }
    return values;
  }

  /**
   * @return {checks, mismatches}; the first mismatches are added to {@code first}
   */
  private static long[] check(
      double[] values, BenchData.Points points, Map<Integer, RefPoint> ref, List<String> first) {
    long mismatches = 0;
    for (int i = 0; i < values.length; i++) {
      RefPoint r = ref.get(points.ids()[i]);
      Double want = r == null ? Double.valueOf(Double.NaN) : r.value();
      double v = values[i];
      boolean ok =
          want == null
              ? Double.isNaN(v)
              : !Double.isNaN(v) && (float) v == want.floatValue() && (double) (float) v == v;
      if (!ok) {
        mismatches++;
        if (first.size() < 10) {
          first.add(
              String.format(
                  Locale.ROOT,
                  "point %d (%s, %s): ours %s, reference %s (row %s, col %s)",
                  points.ids()[i],
                  points.lon()[i],
                  points.lat()[i],
                  Double.isNaN(v) ? "empty" : v,
                  want == null ? "empty" : want,
                  r == null ? "?" : r.row(),
                  r == null ? "?" : r.col()));
        }
      }
    }
    return new long[] {values.length, mismatches};
  }

  /**
   * The anchor's output against the reference, in the order make_bench.sh wrote
   * pts_lonlat_sorted.txt (a stable sort of the reference rows by tile row, then tile column);
   * -9999 is its nodata.
   */
  private static String checkGdal(Path out, Map<Integer, RefPoint> ref) throws Exception {
    List<String> lines = Files.readAllLines(out);
    Integer[] order = ref.keySet().stream().sorted().toArray(Integer[]::new);
    Arrays.sort(
        order,
        Comparator.comparingLong(
            (Integer id) -> {
              RefPoint r = ref.get(id);
              return Math.floorDiv(r.row(), 512) * 1_000_000 + Math.floorDiv(r.col(), 512);
            }));
    if (lines.size() != order.length) {
      return lines.size() + " lines for " + order.length + " points";
    }
    int bad = 0;
    for (int k = 0; k < order.length; k++) {
      Double want = ref.get(order[k]).value();
      String s = lines.get(k).strip();
      Double got = s.isEmpty() || s.equals("-9999") ? null : Double.valueOf(s);
      if (want == null ? got != null : got == null || got.floatValue() != want.floatValue()) {
        bad++;
      }
    }
    return bad + " mismatches of " + order.length;
  }
}
