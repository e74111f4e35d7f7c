package dev.terrace.bench;

import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.io.HttpByteSource;
import dev.terrace.engine.internal.io.HttpOptions;
import dev.terrace.engine.internal.io.HttpStats;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.testkit.http.RangeServer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * What hedged range reads do to the tail: a window of the reference COG read over loopback HTTP
 * from a server that delays a seeded random share of the range requests, by one source with hedging
 * and one without, in the same run, alternating which goes first, the tile cache emptied before
 * every read. Both sources stay open, as a service keeps its datasets open, so the hedged one knows
 * its source's usual answer time after the untimed warm-up reads. Prints percentiles of the read
 * time and the bytes and requests each needed, and checks that every read returned the same pixels.
 *
 * <pre>
 * terrace-bench/run HedgedReadBench [COG] [--col 4321] [--row 5678] [--size 2000] [--reps 300] [--warmup 10]
 *     [--share 0.05] [--delay-ms 500] [--seed 1]
 * </pre>
 *
 * COG defaults to {@code $TMPDIR/terrace-bench/data/bench_dem_cog.tif}, made by {@code
 * terrace-bench/scripts/make_bench.sh}.
 */
public final class HedgedReadBench {

  private HedgedReadBench() {}

  /**
   * One side of the comparison: an open source, its image and its cache, and what its timed reads
   * took.
   */
  private record Side(
      String path, HttpByteSource source, GeoTiff tiff, TileCache cache, double[] ms) {}

  /**
   * @param args optional COG path and the options above
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    Path cog = BenchData.ROOT.resolve("data/bench_dem_cog.tif");
    int col = 4321;
    int row = 5678;
    int size = 2000;
    int reps = 300;
    int warmup = 10;
    double share = 0.05;
    Duration delay = Duration.ofMillis(500);
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--col" -> col = Integer.parseInt(args[++i]);
        case "--row" -> row = Integer.parseInt(args[++i]);
        case "--size" -> size = Integer.parseInt(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--share" -> share = Double.parseDouble(args[++i]);
        case "--delay-ms" -> delay = Duration.ofMillis(Long.parseLong(args[++i]));
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> cog = Path.of(args[i]);
      }
    }
    if (!Files.isRegularFile(cog)) {
      System.err.println(cog + " not found: run terrace-bench/scripts/make_bench.sh first");
      System.exit(2);
    }
    Window window = Window.of(col, row, size, size);
    System.out.printf(
        Locale.ROOT,
        "window %s of %s over loopback HTTP, %.0f %% of range requests delayed %d ms"
            + " (seed %d), %d repetitions after %d warm-up reads, %d cores%n",
        window,
        cog,
        share * 100,
        delay.toMillis(),
        seed,
        reps,
        warmup,
        Runtime.getRuntime().availableProcessors());
    try (RangeServer server = RangeServer.start()) {
      Side plain = open(server, cog, "/plain.tif", false, reps);
      Side hedged = open(server, cog, "/hedged.tif", true, reps);
      try {
        byte[] expected = read(plain, window);
        for (int i = 0; i < warmup; i++) {
          read(plain, window);
          read(hedged, window);
        }
        // Delays start after the warm-up so that it, and the opening, are the same for both sides.
        server.delaySome(plain.path(), share, delay, seed);
        server.delaySome(hedged.path(), share, delay, seed);
        HttpStats plainBefore = plain.source().stats();
        HttpStats hedgedBefore = hedged.source().stats();
        int wrong = 0;
        for (int i = 0; i < reps; i++) {
          Side first = i % 2 == 0 ? plain : hedged;
          Side second = first == plain ? hedged : plain;
          wrong += timed(first, window, i, expected) + timed(second, window, i, expected);
        }
        report(plain, plainBefore, hedged, hedgedBefore);
        System.out.println("reads with other pixels than the first: " + wrong);
      } finally {
        plain.tiff().close();
        hedged.tiff().close();
      }
    }
  }

  private static Side open(RangeServer server, Path cog, String path, boolean hedging, int reps) {
    server.serve(path, cog);
    HttpByteSource source =
        HttpByteSource.open(server.uri(path), HttpOptions.builder().hedging(hedging).build());
    TileCache cache = TileCache.ofMaxBytes(256L << 20);
    return new Side(path, source, GeoTiff.open(source, cache), cache, new double[reps]);
  }

  private static byte[] read(Side side, Window w) {
    side.cache().invalidateAll();
    return side.tiff().read(w, 1).toBytes(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * @return 1 if the read returned other pixels than {@code expected}, else 0
   */
  private static int timed(Side side, Window w, int rep, byte[] expected) {
    long t = System.nanoTime();
    byte[] got = read(side, w);
    side.ms()[rep] = (System.nanoTime() - t) / 1e6;
    return Arrays.equals(got, expected) ? 0 : 1;
  }

  private static void report(
      Side plain, HttpStats plainBefore, Side hedged, HttpStats hedgedBefore) {
    HttpStats p = minus(plain.source().stats(), plainBefore);
    HttpStats h = minus(hedged.source().stats(), hedgedBefore);
    System.out.println();
    System.out.println("                          no hedging      hedging   hedging / none");
    for (double pct : new double[] {50, 90, 95, 98, 99}) {
      timeRow(
          String.format(Locale.ROOT, "p%.0f ms", pct),
          Stats.percentile(plain.ms(), pct),
          Stats.percentile(hedged.ms(), pct));
    }
    timeRow("max ms", Stats.max(plain.ms()), Stats.max(hedged.ms()));
    countRow("bytes received", p.bytesReceived(), h.bytesReceived());
    countRow("requests", p.requests(), h.requests());
    countRow("  of which hedges", p.hedges(), h.hedges());
    countRow("retries", p.retries(), h.retries());
  }

  private static HttpStats minus(HttpStats after, HttpStats before) {
    return new HttpStats(
        after.requests() - before.requests(),
        after.bytesReceived() - before.bytesReceived(),
        after.retries() - before.retries(),
        after.hedges() - before.hedges());
  }

  private static void timeRow(String label, double plain, double hedged) {
    System.out.printf(
        Locale.ROOT, "  %-20s %12.1f %12.1f %12.2f%n", label, plain, hedged, hedged / plain);
  }

  private static void countRow(String label, long plain, long hedged) {
    System.out.printf(
        Locale.ROOT,
        "  %-20s %12d %12d %12.3f%n",
        label,
        plain,
        hedged,
        plain == 0 ? Double.NaN : (double) hedged / plain);
  }
}
