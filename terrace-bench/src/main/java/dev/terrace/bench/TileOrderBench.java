package dev.terrace.bench;

import dev.terrace.cli.Main;
import dev.terrace.engine.internal.crs.ProjCrs;
import dev.terrace.engine.internal.geotiff.CacheStats;
import dev.terrace.engine.internal.geotiff.TileCache;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * {@code terrace batch} on a million points in random order over the 20000² reference DEM (1 600
 * tiles of 512²), against {@code gdallocationinfo -valonly -wgs84} fed the same points sorted by
 * tile, its best case; each in a process of its own, timed around it, its peak RSS from {@code
 * /usr/bin/time}.
 *
 * <p>The points are drawn as {@code make_geoms.py} draws the 100 000 reference ones: uniform over
 * the raster's extent in its CRS (EPSG:32725), projected to longitude/latitude, and redrawn when
 * they come back within 0.01 cell of a cell edge (where PROJ and proj4j could disagree by a
 * sub-millimetre); seeded, so every run has the same. The command runs through the {@code terrace}
 * launcher (which chooses its JVM's options; {@code --heap} and {@code --java-opts} add to them) on
 * {@link Main} wrapped by {@link Counted}, which prints the engine's tile cache counters as it
 * exits: decodes per tile touched. Every value is compared with gdallocationinfo's (as float32;
 * -9999 = nodata).
 *
 * <pre>
 * terrace-bench/run TileOrderBench [--points 1000000] [--reps 1] [--heap 512m] [--memory 128m]
 *     [--java-opts "-XX:+UseSerialGC -Xlog:gc"]
 * </pre>
 */
public final class TileOrderBench {

  // The reference DEM's grid, as make_raster.py writes it.
  private static final double X0 = 288780.0;
  private static final double Y0 = 9120770.0;
  private static final double RES = 0.5;
  private static final int N = 20000;
  private static final int TILE = 512;
  private static final double GUARD = 0.01;

  private TileOrderBench() {}

  /**
   * The child: the command as the launcher runs it ({@code TERRACE_MAIN}), its decodes printed as
   * the JVM exits.
   */
  public static final class Counted {

    private Counted() {}

    /**
     * @param args the command's arguments
     * @throws Exception as the command's main does
     */
    public static void main(String[] args) throws Exception {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    CacheStats s = TileCache.shared().stats();
                    System.out.println("decodes " + s.decodes() + " requests " + s.requests());
                  }));
      Main.main(args);
    }
  }

  /**
   * @param args {@code --points/--reps/--heap/--memory/--java-opts}
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    int n = 1_000_000;
    int reps = 1;
    String heap = null;
    String memory = "128m";
    List<String> javaOpts = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--points" -> n = Integer.parseInt(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--heap" -> heap = args[++i];
        case "--memory" -> memory = args[++i];
        case "--java-opts" -> javaOpts.addAll(List.of(args[++i].trim().split("\\s+")));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path dem = BenchData.data("bench_dem_cog.tif");
    BenchData.requireReferenceData(dem);
    Path work = Files.createTempDirectory("terrace-tile-order-bench-");
    double[][] lonLat = new double[n][];
    long[] tiles = points(n, lonLat);
    Path csv = work.resolve("points.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("id,lon,lat\n");
      for (int i = 0; i < n; i++) {
        w.write(i + "," + lonLat[i][0] + "," + lonLat[i][1] + "\n");
      }
    }
    Integer[] sorted = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(sorted, Comparator.comparingLong((Integer i) -> tiles[i]));
    Path gdalIn = work.resolve("sorted.txt");
    try (BufferedWriter w = Files.newBufferedWriter(gdalIn)) {
      for (int i : sorted) {
        w.write(lonLat[i][0] + " " + lonLat[i][1] + "\n");
      }
    }
    long touched = Arrays.stream(tiles).distinct().count();
    Path out = work.resolve("values.csv");
    // Through the terrace launcher, which chooses the JVM's options (its heap for batch) as it does
    // for a user; --heap and --java-opts go to it as TERRACE_JAVA_OPTS, after its own, so they win.
    if (heap != null) {
      javaOpts.add(0, "-Xmx" + heap);
    }
    List<String> command = BenchData.launcher(javaOpts);
    command.addAll(BenchData.batch(BenchData.catalog(), csv, out));
    command.addAll(List.of("--memory", memory, "--tmp", work.toString()));
    System.out.printf(
        Locale.ROOT,
        "%,d points in random order over %d of the DEM's 1600 tiles, %d cores, JVM options %s%n"
            + "  %s%n",
        n,
        touched,
        Runtime.getRuntime().availableProcessors(),
        javaOpts.isEmpty() ? "the launcher's" : "the launcher's, then " + javaOpts,
        String.join(" ", command.subList(command.indexOf("batch"), command.size())));
    Path gdalOut = work.resolve("gdal.txt");
    Path log = work.resolve("cli.log");
    double[] ours = new double[reps];
    double[] oursCpu = new double[reps];
    double[] gdal = new double[reps];
    double[] gdalCpu = new double[reps];
    long rss = 0;
    long gdalRss = 0;
    String decodes = "";
    for (int r = 0; r < reps; r++) {
      BenchData.Run run = BenchData.run(command, null, log);
      ours[r] = run.wallMs();
      oursCpu[r] = run.cpuMs();
      rss = Math.max(rss, run.maxRssKb());
      List<String> logged = Files.readAllLines(log);
      decodes = logged.get(logged.size() - 1);
      run =
          BenchData.run(
              List.of("gdallocationinfo", "-valonly", "-wgs84", dem.toString()), gdalIn, gdalOut);
      gdal[r] = run.wallMs();
      gdalCpu[r] = run.cpuMs();
      gdalRss = Math.max(gdalRss, run.maxRssKb());
      System.out.printf(
          Locale.ROOT,
          "  pass %d: terrace batch %.0f ms (CPU %.0f); gdallocationinfo %.0f ms (CPU %.0f)%n",
          r + 1,
          ours[r],
          oursCpu[r],
          gdal[r],
          gdalCpu[r]);
    }
    String[] counts = decodes.split(" ");
    long decoded = Long.parseLong(counts[1]);
    double t = Stats.median(ours);
    double g = Stats.median(gdal);
    System.out.printf(
        Locale.ROOT,
        "%nmedian: terrace batch %.0f ms (CPU %.0f), peak RSS %s; gdallocationinfo tile-sorted %.0f"
            + " ms (CPU %.0f), peak RSS %s%n",
        t,
        Stats.median(oursCpu),
        BenchData.mb(rss),
        g,
        Stats.median(gdalCpu),
        BenchData.mb(gdalRss));
    System.out.printf(
        Locale.ROOT,
        "ratio terrace / gdallocationinfo: wall %.2f, CPU %.2f; tile decodes %d for %d tiles"
            + " touched: %.3f per tile (%s blocks requested)%n",
        t / g,
        Stats.median(oursCpu) / Stats.median(gdalCpu),
        decoded,
        touched,
        (double) decoded / touched,
        counts[3]);
    long mismatches = compare(out, gdalOut, sorted);
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
   * Fills {@code lonLat} with seeded random points, the guard band kept.
   *
   * @return each point's tile, row × 1 000 000 + column
   */
  static long[] points(int n, double[][] lonLat) {
    CoordinateTransformFactory f = new CoordinateTransformFactory();
    CoordinateTransform toLonLat = f.createTransform(ProjCrs.epsg(32725), ProjCrs.wgs84());
    CoordinateTransform toUtm = f.createTransform(ProjCrs.wgs84(), ProjCrs.epsg(32725));
    Random random = new Random(20240601);
    long[] tiles = new long[n];
    ProjCoordinate ll = new ProjCoordinate();
    ProjCoordinate back = new ProjCoordinate();
    for (int i = 0; i < n; ) {
      double x = X0 + random.nextDouble() * N * RES;
      double y = Y0 - random.nextDouble() * N * RES;
      toLonLat.transform(new ProjCoordinate(x, y), ll);
      toUtm.transform(ll, back);
      double col = (back.x - X0) / RES;
      double row = (Y0 - back.y) / RES;
      if (Math.abs(col - Math.rint(col)) <= GUARD
          || Math.abs(row - Math.rint(row)) <= GUARD
          || col < 0
          || row < 0
          || col >= N
          || row >= N) {
        continue;
      }
      lonLat[i] = new double[] {ll.x, ll.y};
      tiles[i] = (long) (row / TILE) * 1_000_000 + (long) (col / TILE);
      i++;
    }
    return tiles;
  }

  /**
   * @return the rows of the command's output whose value is not gdallocationinfo's (float32)
   */
  private static long compare(Path out, Path gdalOut, Integer[] sorted) throws IOException {
    List<String> gdal = Files.readAllLines(gdalOut);
    Float[] byRow = new Float[sorted.length];
    for (int k = 0; k < sorted.length && k < gdal.size(); k++) {
      String s = gdal.get(k).strip();
      byRow[sorted[k]] = s.isEmpty() || s.equals("-9999") ? null : Float.valueOf(s);
    }
    List<String> lines = Files.readAllLines(out);
    long bad = Math.abs(lines.size() - 1 - sorted.length) + Math.abs(gdal.size() - sorted.length);
    for (int i = 0; i + 1 < lines.size() && i < sorted.length; i++) {
      String cell = lines.get(i + 1).split(",", -1)[3];
      Float v = cell.isEmpty() ? null : (float) Double.parseDouble(cell);
      if (v == null ? byRow[i] != null : !v.equals(byRow[i])) {
        bad++;
      }
    }
    return bad;
  }
}
