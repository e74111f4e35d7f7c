package dev.terrace.bench;

import dev.terrace.api.BoundingBox;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.preview.PreviewTile;
import dev.terrace.engine.internal.preview.Previews;
import dev.terrace.engine.internal.preview.TileRequest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Preview tiles of the 20000² reference DEM COG: every Web Mercator XYZ tile meeting its extent
 * over a range of zooms, rendered by {@link Previews} with viridis over a fixed range, against
 * {@code gdal2tiles.py --xyz -r near} on the same COG and zooms, the two sides alternating in one
 * run.
 *
 * <pre>
 * terrace-bench/run TileBench [--reps 3] [--zooms 11-17] [--threads 1[,2]] [--rescale 0,90] [--no-anchor]
 * </pre>
 *
 * <p>The anchor is given the same colours: {@code gdaldem color-relief -alpha -of VRT} with
 * viridis's stops over the rescale range (made once, untimed) is a VRT of four Byte bands whose
 * lookup tables colour the DEM as it is read, its overviews those of the COG, and {@code
 * gdal2tiles.py --xyz -z Z0-Z1 -r near --processes=N -w none} cuts it into a fresh directory each
 * repetition (Debian's GDAL 3.6 under {@code /usr/bin/python3}), under {@code /usr/bin/time} for
 * its peak RSS. gdal2tiles warps the deepest zoom from the VRT and makes each shallower zoom from
 * the four tiles below it; ours reads every tile from the overview {@code gdalwarp} would choose.
 *
 * <p>Ours, per repetition, on a pool of {@code N} threads taking the tiles in z/x/y order:
 *
 * <ul>
 *   <li><b>cold</b>: a new {@link Engine} over a newly loaded catalog (so a new {@link Previews}
 *       with no PNG kept), the shared block cache emptied first; the COG stays in the page cache,
 *       as it does for gdal2tiles, and the JIT warm (one untimed pass before the first repetition);
 *   <li><b>warm, rendered again</b>: a new {@code Previews} over the same engine, so every tile is
 *       rendered again from the blocks that engine's pass left in the block cache;
 *   <li><b>warm, cached PNGs</b>: the first engine's {@code Previews} asked again, answering from
 *       its 64 MB cache of rendered tiles those it still holds (counted: the same instance as the
 *       cold pass returned) and rendering the rest.
 * </ul>
 *
 * The tile sets are compared each repetition: every tile gdal2tiles wrote against every tile ours
 * rendered non-empty ({@link PreviewTile#empty()} is false: the tile meets the raster), by z/x/y.
 */
public final class TileBench {

  private static final String DATASET = "bench:dem";
  private static final String COLORMAP = "viridis";
  private static final String GDAL2TILES = "/usr/bin/gdal2tiles.py";

  /** The ramps the engine colours with, one per line: a name, then its colours. */
  private static final String COLORMAPS = "/dev/terrace/engine/internal/preview/colormaps.txt";

  /** One tile of the sweep. */
  record Tile(int z, int x, int y) {
    @Override
    public String toString() {
      return z + "/" + x + "/" + y;
    }
  }

  /** One timed pass of ours. */
  record Pass(
      double wallMs,
      double[] tileMs,
      long decodes,
      long gcMs,
      Set<String> nonEmpty,
      PreviewTile[] tiles) {
    double tilesPerSecond() {
      return tileMs.length / (wallMs / 1000);
    }
  }

  private TileBench() {}

  /**
   * Runs the sweep.
   *
   * @param args {@code --reps/--zooms/--threads/--rescale/--no-anchor}
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    int reps = 3;
    int z0 = 11;
    int z1 = 17;
    int[] threadCounts = {1};
    String rescale = "0,90";
    boolean anchor = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--zooms" -> {
          String[] zs = args[++i].split("-", -1);
          z0 = Integer.parseInt(zs[0]);
          z1 = Integer.parseInt(zs[zs.length - 1]);
        }
        case "--threads" ->
            threadCounts =
                Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--rescale" -> rescale = args[++i];
        case "--no-anchor" -> anchor = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path cog = BenchData.data("bench_dem_cog.tif");
    BenchData.requireReferenceData(cog);
    Path catalogFile = BenchData.catalog();

    List<Tile> tiles;
    int nativeZoom;
    try (Engine engine = Engine.open(Catalog.load(catalogFile), Limits.defaults())) {
      BoundingBox box = engine.dataset(DATASET).bbox();
      nativeZoom = engine.previews().info(DATASET, COLORMAP, rescale, null).maxZoom();
      tiles = sweep(box, z0, z1);
      System.out.printf(
          Locale.ROOT,
          "%s: %s, bounds %.5f %.5f %.5f %.5f, native zoom %d%n",
          DATASET,
          cog,
          box.minLon(),
          box.minLat(),
          box.maxLon(),
          box.maxLat(),
          nativeZoom);
    }
    StringBuilder perZoom = new StringBuilder();
    for (int z = z0; z <= z1; z++) {
      int zz = z;
      perZoom
          .append(' ')
          .append(z)
          .append(':')
          .append(tiles.stream().filter(t -> t.z == zz).count());
    }
    System.out.printf(
        Locale.ROOT,
        "zooms %d-%d: %d tiles (%s), colormap %s, rescale %s, %d reps, %d cores, max heap %d MB,"
            + " block cache %d MB%n",
        z0,
        z1,
        tiles.size(),
        perZoom.toString().strip(),
        COLORMAP,
        rescale,
        reps,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        TileCache.shared().maxBytes() >> 20);

    Path work = Files.createTempDirectory("terrace-tilebench-");
    Path vrt = anchor ? colourRelief(cog, rescale, work) : null;

    // Warm the JIT: every fourth tile, untimed.
    List<Tile> some = new ArrayList<>();
    for (int i = 0; i < tiles.size(); i += 4) {
      some.add(tiles.get(i));
    }
    try (Engine engine = Engine.open(Catalog.load(catalogFile), Limits.defaults())) {
      pass(engine.previews(), some, rescale, threadCounts[threadCounts.length - 1]);
    }

    try {
      for (int threads : threadCounts) {
        compare(catalogFile, tiles, rescale, threads, reps, vrt, z0, z1, work);
      }
    } finally {
      deleteTree(work);
    }
    System.out.printf(
        Locale.ROOT, "%nterrace JVM peak RSS %s%n", BenchData.mb(BenchData.peakRssKb()));
  }

  private static void compare(
      Path catalogFile,
      List<Tile> tiles,
      String rescale,
      int threads,
      int reps,
      Path vrt,
      int z0,
      int z1,
      Path work)
      throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%n== ours on %d thread%s against gdal2tiles --processes=%d ==%n",
        threads,
        threads == 1 ? "" : "s",
        threads);
    double[] cold = new double[reps];
    double[] again = new double[reps];
    double[] cached = new double[reps];
    double[] anchorRate = new double[reps];
    double[][] coldP = new double[reps][];
    double[][] againP = new double[reps][];
    double[][] cachedP = new double[reps][];
    long anchorRss = -1;
    String setCheck = "";
    for (int r = 0; r < reps; r++) {
      boolean oursFirst = r % 2 == 0;
      Set<String> anchorTiles = null;
      double anchorMs = Double.NaN;
      double anchorCpu = Double.NaN;
      for (int side = 0; side < 2; side++) {
        boolean ours = (side == 0) == oursFirst;
        if (!ours) {
          if (vrt == null) {
            continue;
          }
          Path out = work.resolve("tiles-" + threads + "-" + r);
          BenchData.Run run =
              BenchData.run(
                  List.of(
                      GdalRunner.PYTHON,
                      GDAL2TILES,
                      "--xyz",
                      "-z",
                      z0 + "-" + z1,
                      "-r",
                      "near",
                      "--processes=" + threads,
                      "-w",
                      "none",
                      "-q",
                      vrt.toString(),
                      out.toString()),
                  null,
                  null);
          anchorTiles = written(out);
          anchorMs = run.wallMs();
          anchorCpu = run.cpuMs();
          anchorRss = Math.max(anchorRss, run.maxRssKb());
          anchorRate[r] = anchorTiles.size() / (anchorMs / 1000);
          deleteTree(out);
          continue;
        }
        TileCache.shared().invalidateAll();
        try (Engine engine = Engine.open(Catalog.load(catalogFile), Limits.defaults())) {
          Pass c = pass(engine.previews(), tiles, rescale, threads);
          Pass a = pass(new Previews(engine.catalog(), engine), tiles, rescale, threads);
          Pass k = pass(engine.previews(), tiles, rescale, threads);
          int kept = 0;
          for (int i = 0; i < tiles.size(); i++) {
            kept += k.tiles()[i] == c.tiles()[i] ? 1 : 0;
          }
          cold[r] = c.tilesPerSecond();
          again[r] = a.tilesPerSecond();
          cached[r] = k.tilesPerSecond();
          coldP[r] = percentiles(c.tileMs());
          againP[r] = percentiles(a.tileMs());
          cachedP[r] = percentiles(k.tileMs());
          System.out.printf(
              Locale.ROOT,
              "  rep %d terrace: cold %.0f ms (%.1f tiles/s, p50 %.1f p99 %.1f ms, %d blocks decoded,"
                  + " GC %d ms), rendered again %.0f ms (%.1f tiles/s, p50 %.1f p99 %.1f ms, %d"
                  + " decoded, GC %d ms),"
                  + " cached %.0f ms (%.0f tiles/s, %d of %d from the PNG cache), %d non-empty, %.1f MB"
                  + " of PNG%n",
              r + 1,
              c.wallMs(),
              cold[r],
              coldP[r][0],
              coldP[r][1],
              c.decodes(),
              c.gcMs(),
              a.wallMs(),
              again[r],
              againP[r][0],
              againP[r][1],
              a.decodes(),
              a.gcMs(),
              k.wallMs(),
              cached[r],
              kept,
              tiles.size(),
              c.nonEmpty().size(),
              Arrays.stream(c.tiles()).mapToLong(t -> t.png().length).sum() / 1048576.0);
          if (r == 0) {
            System.out.println("    per zoom, cold / rendered again (ms per tile, mean):");
            perZoom(tiles, c, a);
          }
          ourTiles = c.nonEmpty();
        }
      }
      if (anchorTiles != null) {
        System.out.printf(
            Locale.ROOT,
            "  rep %d gdal2tiles: %.0f ms (CPU %.0f), %d tiles written, %.1f tiles/s; ratio cold %.2f,"
                + " rendered again %.2f%n",
            r + 1,
            anchorMs,
            anchorCpu,
            anchorTiles.size(),
            anchorRate[r],
            cold[r] / anchorRate[r],
            again[r] / anchorRate[r]);
        setCheck = compareSets(ourTiles, anchorTiles, tiles.size());
        System.out.println("    " + setCheck);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%n%d thread(s), medians of %d: tiles/s terrace cold %.1f, rendered again %.1f, cached PNGs"
            + " %.0f; gdal2tiles %.1f%n",
        threads,
        reps,
        Stats.median(cold),
        Stats.median(again),
        Stats.median(cached),
        vrt == null ? Double.NaN : Stats.median(anchorRate));
    if (vrt != null) {
      System.out.printf(
          Locale.ROOT,
          "  terrace / gdal2tiles tiles/s: cold %.2f, rendered again %.2f, cached PNGs %.1f"
              + " (medians of the per-rep ratios)%n",
          Stats.median(ratios(cold, anchorRate)),
          Stats.median(ratios(again, anchorRate)),
          Stats.median(ratios(cached, anchorRate)));
      System.out.printf(
          Locale.ROOT,
          "  gdal2tiles peak RSS %s (largest of its processes)%n",
          BenchData.mb(anchorRss));
    }
    System.out.printf(
        Locale.ROOT,
        "  ms per tile, medians over reps: cold p50 %.1f p99 %.1f; rendered again p50 %.1f p99"
            + " %.1f; cached PNGs p50 %.2f p99 %.1f%n",
        Stats.median(column(coldP, 0)),
        Stats.median(column(coldP, 1)),
        Stats.median(column(againP, 0)),
        Stats.median(column(againP, 1)),
        Stats.median(column(cachedP, 0)),
        Stats.median(column(cachedP, 1)));
  }

  /** The non-empty tiles of our latest cold pass, for comparing with the anchor's. */
  private static Set<String> ourTiles = Set.of();

  private static String compareSets(Set<String> ours, Set<String> anchor, int swept) {
    Set<String> both = new TreeSet<>(ours);
    both.retainAll(anchor);
    Set<String> onlyOurs = new TreeSet<>(ours);
    onlyOurs.removeAll(anchor);
    Set<String> onlyAnchor = new TreeSet<>(anchor);
    onlyAnchor.removeAll(ours);
    return String.format(
        Locale.ROOT,
        "tile sets: %d swept, %d non-empty ours, %d written by gdal2tiles, %d in both, %d ours only%s,"
            + " %d gdal2tiles only%s",
        swept,
        ours.size(),
        anchor.size(),
        both.size(),
        onlyOurs.size(),
        examples(onlyOurs),
        onlyAnchor.size(),
        examples(onlyAnchor));
  }

  private static String examples(Set<String> set) {
    return set.isEmpty() ? "" : " (" + String.join(" ", set.stream().limit(6).toList()) + " …)";
  }

  private static void perZoom(List<Tile> tiles, Pass cold, Pass again) {
    int z0 = tiles.getFirst().z();
    int z1 = tiles.getLast().z();
    for (int z = z0; z <= z1; z++) {
      double c = 0;
      double a = 0;
      int n = 0;
      for (int i = 0; i < tiles.size(); i++) {
        if (tiles.get(i).z() == z) {
          c += cold.tileMs()[i];
          a += again.tileMs()[i];
          n++;
        }
      }
      System.out.printf(Locale.ROOT, "      z%d: %d tiles, %.1f / %.1f ms%n", z, n, c / n, a / n);
    }
  }

  /** Renders every tile on a pool of {@code threads}, each taking the next in list order. */
  static Pass pass(Previews previews, List<Tile> tiles, String rescale, int threads)
      throws Exception {
    double[] ms = new double[tiles.size()];
    PreviewTile[] out = new PreviewTile[tiles.size()];
    AtomicInteger next = new AtomicInteger();
    long decodes = TileCache.shared().decodedBlocks();
    long gc = gcPauseMs();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < tiles.size();
                      i = next.getAndIncrement()) {
                    Tile t = tiles.get(i);
                    long s = System.nanoTime();
                    out[i] =
                        previews.tile(
                            new TileRequest(
                                DATASET, t.z(), t.x(), t.y(), 1, COLORMAP, rescale, null));
                    ms[i] = (System.nanoTime() - s) / 1e6;
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double wall = (System.nanoTime() - t0) / 1e6;
    Set<String> nonEmpty = new TreeSet<>();
    for (int i = 0; i < tiles.size(); i++) {
      if (!out[i].empty()) {
        nonEmpty.add(tiles.get(i).toString());
      }
    }
    return new Pass(
        wall, ms, TileCache.shared().decodedBlocks() - decodes, gcPauseMs() - gc, nonEmpty, out);
  }

  /** Time the JVM's collectors have paused it so far (G1's concurrent cycles left out), in ms. */
  private static long gcPauseMs() {
    long ms = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (!gc.getName().contains("Concurrent")) {
        ms += Math.max(0, gc.getCollectionTime());
      }
    }
    return ms;
  }

  /** Every XYZ tile of zooms z0 to z1 meeting a lon/lat box (not across the antimeridian). */
  static List<Tile> sweep(BoundingBox box, int z0, int z1) {
    List<Tile> out = new ArrayList<>();
    for (int z = z0; z <= z1; z++) {
      int xmin = column(box.minLon(), z);
      int xmax = column(box.maxLon(), z);
      int ymin = row(box.maxLat(), z);
      int ymax = row(box.minLat(), z);
      for (int x = xmin; x <= xmax; x++) {
        for (int y = ymin; y <= ymax; y++) {
          out.add(new Tile(z, x, y));
        }
      }
    }
    out.sort(Comparator.comparingInt(Tile::z).thenComparingInt(Tile::x).thenComparingInt(Tile::y));
    return out;
  }

  private static int column(double lon, int z) {
    int n = 1 << z;
    return Math.clamp((long) Math.floor((lon + 180) / 360 * n), 0, n - 1);
  }

  private static int row(double lat, int z) {
    int n = 1 << z;
    double phi = Math.toRadians(lat);
    double y = (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * n;
    return Math.clamp((long) Math.floor(y), 0, n - 1);
  }

  /** A ramp's colours as the engine's {@code colormaps.txt} lists them, {@code #rrggbb}. */
  private static String[] ramp(String name) throws IOException {
    try (InputStream in = TileBench.class.getResourceAsStream(COLORMAPS)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
          .lines()
          .map(String::strip)
          .filter(line -> line.startsWith(name + " "))
          .map(line -> line.substring(name.length()).strip().split("\\s+"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no ramp " + name + " in " + COLORMAPS));
    }
  }

  /** The COG coloured by viridis over the rescale range as a VRT, nodata transparent. */
  private static Path colourRelief(Path cog, String rescale, Path work)
      throws IOException, InterruptedException {
    String[] mm = rescale.split(",");
    double min = Double.parseDouble(mm[0].strip());
    double max = Double.parseDouble(mm[1].strip());
    String[] viridis = ramp(COLORMAP);
    StringBuilder colours = new StringBuilder();
    for (int i = 0; i < viridis.length; i++) {
      int rgb = Integer.parseInt(viridis[i].substring(1), 16);
      colours.append(
          String.format(
              Locale.ROOT,
              "%s %d %d %d 255%n",
              Double.toString(min + (max - min) * i / (viridis.length - 1)),
              rgb >> 16,
              rgb >> 8 & 0xff,
              rgb & 0xff));
    }
    colours.append("nv 0 0 0 0\n");
    Path file = work.resolve("viridis.txt");
    Files.writeString(file, colours, StandardCharsets.US_ASCII);
    Path vrt = work.resolve("dem_viridis.vrt");
    BenchData.run(
        List.of(
            "gdaldem",
            "color-relief",
            "-q",
            "-alpha",
            "-of",
            "VRT",
            cog.toString(),
            file.toString(),
            vrt.toString()),
        null,
        null);
    return vrt;
  }

  /** The z/x/y of every PNG under a gdal2tiles output directory. */
  private static Set<String> written(Path dir) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".png"))
          .forEach(
              p -> {
                Path rel = dir.relativize(p);
                String y = rel.getFileName().toString().replace(".png", "");
                out.add(rel.getName(0) + "/" + rel.getName(1) + "/" + y);
              });
    }
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static double[] percentiles(double[] ms) {
    return new double[] {Stats.percentile(ms, 50), Stats.percentile(ms, 99)};
  }

  private static double[] column(double[][] rows, int i) {
    return Arrays.stream(rows).mapToDouble(r -> r[i]).toArray();
  }

  private static double[] ratios(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] / b[i];
    }
    return out;
  }
}
