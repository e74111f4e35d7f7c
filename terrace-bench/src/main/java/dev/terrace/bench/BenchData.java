package dev.terrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * What the zonal and point benchmarks share: the reference data made by {@code
 * terrace-bench/scripts/make_bench.sh} (GeoJSON read with Jackson into JTS, the reference CSVs), a
 * catalog over its two COGs, anchors run as child processes with their wall time and peak RSS, and
 * this JVM's peak RSS.
 */
final class BenchData {

  /**
   * Where {@code make_bench.sh} writes: {@code $TMPDIR/terrace-bench}, {@code /tmp} without TMPDIR.
   */
  static final Path ROOT = Path.of(System.getenv().getOrDefault("TMPDIR", "/tmp"), "terrace-bench");

  static final ObjectMapper JSON = new ObjectMapper();
  private static final GeometryFactory JTS = new GeometryFactory();

  private BenchData() {}

  /** One polygon feature, in lon/lat. */
  record Feature(int id, String kind, Geometry geometry) {}

  /** The point features, in file order. */
  record Points(int[] ids, double[] lon, double[] lat) {
    int size() {
      return ids.length;
    }
  }

  /** What a child process did. */
  record Run(String stdout, double wallMs, double cpuMs, long maxRssKb) {}

  static Path data(String name) {
    return ROOT.resolve("data").resolve(name);
  }

  static Path results(String name) {
    return ROOT.resolve("results").resolve(name);
  }

  static void requireReferenceData(Path... files) {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        System.err.println(f + " not found: run terrace-bench/scripts/make_bench.sh first");
        System.exit(2);
      }
    }
  }

  /** A catalog file over the two benchmark COGs: {@code bench:dem} and {@code bench:class}. */
  static Path catalog() throws IOException {
    Path file = Files.createTempFile("terrace-bench-catalog-", ".json");
    file.toFile().deleteOnExit();
    String json =
        """
        {"providers":[{"slug":"bench","name":"Benchmark","protocol":"cog","datasets":[
          {"name":"dem","path":"%s","units":"m","data_type":"continuous"},
          {"name":"class","path":"%s","data_type":"categorical"}]}]}
        """
            .formatted(data("bench_dem_cog.tif"), data("bench_class_cog.tif"));
    Files.writeString(file, json);
    return file;
  }

  /**
   * The {@code terrace} launcher as a user runs it — it chooses the JVM's options — on this JVM's
   * classpath, {@link TileOrderBench.Counted} printing the tile cache's decodes as the command
   * ends.
   *
   * @param javaOpts what {@code TERRACE_JAVA_OPTS} adds after the launcher's own options
   * @return the command, to which the launcher's arguments are added
   */
  static List<String> launcher(List<String> javaOpts) {
    Path launcher = Path.of("terrace").toAbsolutePath();
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException("run from the repository root, where ./terrace is");
    }
    return new ArrayList<>(
        List.of(
            "env",
            "TERRACE_CLASSPATH=" + System.getProperty("java.class.path"),
            "TERRACE_MAIN=" + TileOrderBench.Counted.class.getName(),
            "TERRACE_JAVA_OPTS=" + String.join(" ", javaOpts),
            launcher.toString()));
  }

  /**
   * @return {@code terrace batch}'s arguments for {@code bench:dem} from {@code in} to {@code out}
   */
  static List<String> batch(Path catalog, Path in, Path out) {
    return List.of(
        "batch",
        "--catalog",
        catalog.toString(),
        "--dataset",
        "bench:dem",
        "--in",
        in.toString(),
        "--out",
        out.toString(),
        "--overwrite");
  }

  /**
   * Polygons and multipolygons of a GeoJSON FeatureCollection with integer {@code id} and string
   * {@code kind}.
   */
  static List<Feature> polygons(Path geojson) throws IOException {
    JsonNode features = JSON.readTree(geojson.toFile()).get("features");
    List<Feature> out = new ArrayList<>(features.size());
    for (JsonNode f : features) {
      JsonNode g = f.get("geometry");
      JsonNode c = g.get("coordinates");
      Geometry geometry =
          switch (g.get("type").asText()) {
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
              Polygon[] parts = new Polygon[c.size()];
              for (int i = 0; i < parts.length; i++) {
                parts[i] = polygon(c.get(i));
              }
              yield JTS.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("not a polygon: " + g.get("type"));
          };
      JsonNode p = f.get("properties");
      out.add(new Feature(p.get("id").asInt(), p.path("kind").asText(""), geometry));
    }
    return out;
  }

  private static Polygon polygon(JsonNode rings) {
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 0; i < holes.length; i++) {
      holes[i] = ring(rings.get(i + 1));
    }
    return JTS.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode positions) {
    Coordinate[] cs = new Coordinate[positions.size()];
    for (int i = 0; i < cs.length; i++) {
      JsonNode p = positions.get(i);
      cs[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }
    return JTS.createLinearRing(cs);
  }

  /** Point features with an integer {@code id}. */
  static Points points(Path geojson) throws IOException {
    JsonNode features = JSON.readTree(geojson.toFile()).get("features");
    int n = features.size();
    int[] ids = new int[n];
    double[] lon = new double[n];
    double[] lat = new double[n];
    for (int i = 0; i < n; i++) {
      JsonNode f = features.get(i);
      JsonNode c = f.get("geometry").get("coordinates");
      ids[i] = f.get("properties").get("id").asInt();
      lon[i] = c.get(0).asDouble();
      lat[i] = c.get(1).asDouble();
    }
    return new Points(ids, lon, lat);
  }

  /** A CSV without quoted fields (the reference files), by its first column as an integer id. */
  static Map<Integer, Map<String, String>> csvById(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",", -1);
    Map<Integer, Map<String, String>> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], i < cells.length ? cells[i] : "");
      }
      out.put(Integer.parseInt(cells[0]), row);
    }
    return out;
  }

  /**
   * Runs a command, timing it from start to exit with {@link System#nanoTime()}, under {@code
   * /usr/bin/time} (when installed) for its peak RSS and CPU time (user + system; -1 without it).
   *
   * @param stdin a file for its standard input, or null
   * @param stdout a file for its standard output, or null to capture it
   */
  static Run run(List<String> command, Path stdin, Path stdout)
      throws IOException, InterruptedException {
    Path rss = Files.createTempFile("terrace-bench-rss-", ".txt");
    try {
      List<String> full = new ArrayList<>();
      boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
      if (timed) {
        full.addAll(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rss.toString()));
      }
      full.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.INHERIT);
      if (stdin != null) {
        pb.redirectInput(stdin.toFile());
      }
      if (stdout != null) {
        pb.redirectOutput(stdout.toFile());
      }
      long t = System.nanoTime();
      Process p = pb.start();
      String out =
          stdout == null
              ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()
              : "";
      int exit = p.waitFor();
      double ms = (System.nanoTime() - t) / 1e6;
      if (exit != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed (exit "
                + exit
                + "); install gdal-bin, python3-rasterio (see terrace-bench/scripts/README.md)");
      }
      long kb = -1;
      double cpu = -1;
      if (timed) {
        // The last line: "maxrss_kB user_s system_s" (earlier lines would be the command's own
        // complaints).
        String[] lines = Files.readString(rss).strip().split("\n");
        Matcher m =
            Pattern.compile("^(\\d+) ([0-9.]+) ([0-9.]+)$")
                .matcher(lines[lines.length - 1].strip());
        if (m.find()) {
          kb = Long.parseLong(m.group(1));
          cpu = (Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3))) * 1000;
        }
      }
      return new Run(out, ms, cpu, kb);
    } finally {
      Files.deleteIfExists(rss);
    }
  }

  /**
   * @return this process's peak resident set size in kB ({@code VmHWM}), or -1 where /proc is
   *     missing
   */
  static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through
    }
    return -1;
  }

  /**
   * @return CPU time this JVM has used so far, all threads (JIT and GC included), in ms
   */
  static double cpuMs() {
    return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e6;
  }

  static String mb(long kb) {
    return kb < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.0f MB", kb / 1024.0);
  }

  /** The empty string and "nan" are null; anything else a double. */
  static Double number(String cell) {
    return cell == null || cell.isEmpty() || cell.equalsIgnoreCase("nan")
        ? null
        : Double.valueOf(cell);
  }
}
