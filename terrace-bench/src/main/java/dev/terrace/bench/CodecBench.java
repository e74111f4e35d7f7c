package dev.terrace.bench;

import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.io.FileByteSource;
import dev.terrace.engine.internal.raster.Raster;
import dev.terrace.engine.internal.raster.Window;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes one 2000 x 2000 window (band 1, not tile-aligned) of a 3000 x 3000 GeoTIFF written with
 * each codec GDAL 3.6 writes beyond the classic ones (LZMA, JPEG, lossless WebP, LERC, Float16),
 * with our reader and with GDAL ({@code ReadAsArray} through Debian's Python, after an untimed
 * first read) in the same run, repetitions alternating, block caches empty on both sides (a fresh
 * open per repetition, the file in the page cache), and prints best and median times and the ratio
 * of the medians. Checks that both read the same pixels. Our reader decodes the window's tiles on
 * all cores; GDAL 3.6 by default on one.
 *
 * <pre>
 * terrace-bench/run CodecBench [--reps 7] [--dir DIR] [--only LERC]
 * </pre>
 *
 * The input files are written by GDAL on the first run ({@code gdal_codec_files.py}, about a
 * minute), into {@code DIR}, by default {@code terrace-bench/codecs-crs} in the JVM's temporary
 * directory.
 */
public final class CodecBench {

  private CodecBench() {}

  /**
   * @param args {@code --reps}, {@code --dir}, {@code --only CODEC}
   * @throws Exception on any failure; the benchmark is a tool, not a service
   */
  public static void main(String[] args) throws Exception {
    int reps = 7;
    String dir =
        Path.of(System.getProperty("java.io.tmpdir"), "terrace-bench", "codecs-crs").toString();
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--dir" -> dir = args[++i];
        case "--only" -> only = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Window w = Window.of(321, 456, 2000, 2000);
    String list = GdalRunner.run("gdal_codec_files.py", Map.of("GDAL_PAM_ENABLED", "NO"), dir);
    System.out.printf(
        Locale.ROOT,
        "window %s, band 1, %d repetitions, %d cores; medians (best) in ms%n",
        w,
        reps,
        Runtime.getRuntime().availableProcessors());
    System.out.println(
        "file                           terrace              GDAL       terrace/GDAL  same pixels");
    for (String line : list.split("\n")) {
      String[] parts = line.split("\t");
      if (only != null && !parts[0].startsWith(only)) {
        continue;
      }
      Path file = Path.of(parts[1]);
      for (int i = 0; i < 3; i++) {
        coldRead(file, w); // JIT warm-up
      }
      // Ours and GDAL's repetitions alternate, so that a shared machine's load changes hit both
      // alike.
      double[] ours = new double[reps];
      double[] gdal = new double[reps];
      String sha = null;
      String json = null;
      for (int i = 0; i < reps; i++) {
        long t = System.nanoTime();
        Raster r = coldRead(file, w);
        ours[i] = (System.nanoTime() - t) / 1e6;
        sha = sha256(r);
        json =
            GdalRunner.run(
                "gdal_codec_read.py",
                Map.of(),
                file.toString(),
                Integer.toString(w.col()),
                Integer.toString(w.row()),
                Integer.toString(w.width()),
                Integer.toString(w.height()),
                "1");
        gdal[i] = Stats.jsonArray(json, "cold_ms")[0];
      }
      System.out.printf(
          Locale.ROOT,
          "%-28s %7.1f (%6.1f)  %7.1f (%6.1f)   %8.2f     %s%n",
          file.getFileName(),
          Stats.median(ours),
          Stats.min(ours),
          Stats.median(gdal),
          Stats.min(gdal),
          Stats.median(ours) / Stats.median(gdal),
          sha.equals(Stats.jsonString(json, "sha256")));
    }
  }

  private static Raster coldRead(Path file, Window w) {
    try (GeoTiff tiff = GeoTiff.open(FileByteSource.open(file), TileCache.ofMaxBytes(1L << 30))) {
      return tiff.read(w, 1);
    }
  }

  private static String sha256(Raster r) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(r.toBytes(ByteOrder.LITTLE_ENDIAN)));
  }
}
