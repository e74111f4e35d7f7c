package dev.terrace.bench;

import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.io.FileByteSource;
import dev.terrace.engine.internal.io.HttpByteSource;
import dev.terrace.engine.internal.io.HttpOptions;
import dev.terrace.engine.internal.raster.Raster;
import dev.terrace.engine.internal.raster.Window;
import dev.terrace.testkit.http.RangeServer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one non-tile-aligned window of the reference COG with our reader and with GDAL, in the same
 * run, and prints both times and their ratio; then reads it over loopback HTTP and prints the
 * requests and bytes each needed, as counted by the server. Checks that both read the same bytes.
 *
 * <pre>
 * terrace-bench/run WindowReadBench [COG] [--col 4321] [--row 5678] [--size 2000] [--reps 7]
 * </pre>
 *
 * COG defaults to {@code $TMPDIR/terrace-bench/data/bench_dem_cog.tif}, made by {@code
 * terrace-bench/scripts/make_bench.sh}.
 */
public final class WindowReadBench {

  private WindowReadBench() {}

  /**
   * @param args optional COG path and {@code --col/--row/--size/--reps}
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    Path cog = BenchData.ROOT.resolve("data/bench_dem_cog.tif");
    int col = 4321;
    int row = 5678;
    int size = 2000;
    int reps = 7;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--col" -> col = Integer.parseInt(args[++i]);
        case "--row" -> row = Integer.parseInt(args[++i]);
        case "--size" -> size = Integer.parseInt(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
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
        "window %s of %s, %d repetitions, %d cores%n",
        window,
        cog,
        reps,
        Runtime.getRuntime().availableProcessors());
    local(cog, window, reps);
    http(cog, window);
  }

  private static void local(Path cog, Window w, int reps) throws Exception {
    // Let the JIT compile the decode and copy paths first, as they would be in a running service.
    for (int i = 0; i < 5; i++) {
      coldRead(cog, w);
    }
    double[] cold = new double[reps];
    String ours = null;
    for (int i = 0; i < reps; i++) {
      long t = System.nanoTime();
      Raster r = coldRead(cog, w);
      cold[i] = (System.nanoTime() - t) / 1e6;
      ours = sha256(r);
    }
    double[] warm = new double[reps];
    double[] warmBuffer = new double[reps];
    try (GeoTiff tiff = GeoTiff.open(FileByteSource.open(cog), TileCache.ofMaxBytes(1L << 30))) {
      float[] buffer = new float[(int) w.cells()];
      for (int i = 0; i < 20; i++) {
        tiff.read(w, 1);
        tiff.readInto(w, 1, buffer);
      }
      for (int i = 0; i < reps; i++) {
        long t = System.nanoTime();
        tiff.read(w, 1);
        warm[i] = (System.nanoTime() - t) / 1e6;
      }
      for (int i = 0; i < reps; i++) {
        long t = System.nanoTime();
        tiff.readInto(w, 1, buffer);
        warmBuffer[i] = (System.nanoTime() - t) / 1e6;
      }
    }
    String json =
        GdalRunner.run(
            "gdal_window_read.py",
            Map.of(),
            cog.toString(),
            Integer.toString(w.col()),
            Integer.toString(w.row()),
            Integer.toString(w.width()),
            Integer.toString(w.height()),
            Integer.toString(reps));
    System.out.println();
    System.out.println("local file, median ms            terrace      GDAL   terrace/GDAL");
    row(
        "cold: decode (empty caches)",
        Stats.median(cold),
        Stats.median(Stats.jsonArray(json, "cold_ms")));
    row("warm: blocks cached", Stats.median(warm), Stats.median(Stats.jsonArray(json, "warm_ms")));
    row(
        "warm: into a reused array",
        Stats.median(warmBuffer),
        Stats.median(Stats.jsonArray(json, "warm_buf_ms")));
    System.out.println("same pixels as GDAL: " + ours.equals(Stats.jsonString(json, "sha256")));
  }

  private static Raster coldRead(Path cog, Window w) {
    try (GeoTiff tiff = GeoTiff.open(FileByteSource.open(cog), TileCache.ofMaxBytes(1L << 30))) {
      return tiff.read(w, 1);
    }
  }

  private static void http(Path cog, Window w) throws Exception {
    try (RangeServer server = RangeServer.start()) {
      server.serve("/bench.tif", cog);
      var uri = server.uri("/bench.tif");
      Raster raster;
      try (HttpByteSource source = HttpByteSource.open(uri, HttpOptions.defaults());
          GeoTiff tiff = GeoTiff.open(source, TileCache.ofMaxBytes(1L << 30))) {
        raster = tiff.read(w, 1);
      }
      long ourRequests = server.requests("/bench.tif");
      long ourBytes = server.bytesSent("/bench.tif");
      var ourRanges = server.rangeLog("/bench.tif");
      server.resetCounters();
      String json =
          GdalRunner.run(
              "gdal_window_read.py",
              Map.of("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR"),
              "/vsicurl/" + uri,
              Integer.toString(w.col()),
              Integer.toString(w.row()),
              Integer.toString(w.width()),
              Integer.toString(w.height()),
              "0");
      long gdalRequests = server.requests("/bench.tif");
      long gdalBytes = server.bytesSent("/bench.tif");
      var gdalRanges = server.rangeLog("/bench.tif");
      System.out.println();
      System.out.println(
          "loopback HTTP, one cold open + read   terrace        GDAL /vsicurl/   terrace/GDAL");
      System.out.printf(
          Locale.ROOT,
          "  requests                           %8d   %14d   %10.2f%n",
          ourRequests,
          gdalRequests,
          (double) ourRequests / gdalRequests);
      System.out.printf(
          Locale.ROOT,
          "  bytes                            %10d   %14d   %10.2f%n",
          ourBytes,
          gdalBytes,
          (double) ourBytes / gdalBytes);
      System.out.println(
          "same pixels as GDAL: " + sha256(raster).equals(Stats.jsonString(json, "sha256")));
      System.out.println("  terrace ranges: " + ourRanges);
      System.out.println("  GDAL ranges:    " + gdalRanges);
    }
  }

  private static void row(String label, double ours, double gdal) {
    System.out.printf(Locale.ROOT, "  %-29s %9.1f %9.1f %10.2f%n", label, ours, gdal, ours / gdal);
  }

  private static String sha256(Raster r) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(r.toBytes(ByteOrder.LITTLE_ENDIAN)));
  }
}
