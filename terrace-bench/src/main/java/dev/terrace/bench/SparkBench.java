package dev.terrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.raster.Blocks;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.TileKeys;
import dev.terrace.spark.ExtractSpec;
import dev.terrace.spark.TerraceSpark;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code TerraceSpark.extract} in Spark {@code local[1]} and {@code local[2]} against the embedded
 * engine's {@code extract.batch} on the same rows: the 1000 reference polygons ({@code mean} of the
 * DEM, the reference set repeated {@code --polygon-copies} times) and {@code --points} random-order
 * points over the reference DEM. Each side runs in a JVM of its own (Spark's options as its
 * launcher passes them), one untimed pass, then {@code --reps} timed passes, the tile cache emptied
 * before each, and reports its median: the embedded engine and {@code local[1]} pinned to one core
 * ({@code taskset -c 0}, so that the engine's own threads, its decoders and the JVM's see one
 * processor too), then {@code local[2]} on both; rows per second per core follow, and the cores 100
 * million polygons need to be done in an hour. Each Spark side then checks every answer against the
 * embedded engine's in its own JVM, to the bit: the polygons under each pixel rule, the points.
 * {@code --large N} runs N points alone in {@code local[2]} instead: time, peak resident memory
 * (driver and executor share the JVM in local mode) and tile decodes against the DEM's tiles.
 *
 * <pre>
 * terrace-bench/run SparkBench [--points 100000] [--polygon-copies 1] [--reps 3]
 * terrace-bench/run SparkBench --large 10000000
 * </pre>
 */
public final class SparkBench {

  /** What Spark needs opened on Java 17 and newer, as terrace-spark's tests pass it. */
  private static final List<String> SPARK_OPENS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true",
          "-da:org.apache.sis...");

  private SparkBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args);
      return;
    }
    int points = 100_000;
    int copies = 1;
    int reps = 3;
    int large = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--large" -> large = Integer.parseInt(args[++i]);
        case "--points" -> points = Integer.parseInt(args[++i]);
        case "--polygon-copies" -> copies = Integer.parseInt(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    BenchData.requireReferenceData(BenchData.data("polygons.geojson"));
    Path work = Files.createTempDirectory("terrace-spark-bench-");
    Path pointsFile = work.resolve("points.csv");
    if (large > 0) {
      points = large;
    }
    double[][] lonLat = new double[points][];
    TileOrderBench.points(points, lonLat);
    try (BufferedWriter w = Files.newBufferedWriter(pointsFile)) {
      for (double[] p : lonLat) {
        w.write(p[0] + "," + p[1] + "\n");
      }
    }
    lonLat = null;
    Path catalog = BenchData.catalog();
    if (large > 0) {
      String[] r = launch("local[2]", catalog, pointsFile, 0, 1, "large");
      System.out.printf(
          Locale.ROOT,
          "%,d random-order points in local[2]: %.0f ms (%.0f points/s), peak RSS %s,"
              + " %s tile decodes for %s tiles (%.3f per tile)%n",
          large,
          Double.parseDouble(r[1]),
          large / (Double.parseDouble(r[1]) / 1000),
          BenchData.mb(Long.parseLong(r[2])),
          r[3],
          r[4],
          Double.parseDouble(r[3]) / Double.parseDouble(r[4]));
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%,d reference polygons x %d and %,d random-order points over the reference DEM, %d cores"
            + " (the embedded engine and local[1] on one), %d timed passes each%n",
        1000,
        copies,
        points,
        Runtime.getRuntime().availableProcessors(),
        reps);
    String[] sides = {"embedded", "local[1]", "local[2]"};
    // The embedded engine and local[1] on one core each; local[2] on two.
    double[][] ms = new double[sides.length][];
    for (int s = 0; s < sides.length; s++) {
      String[] r = launch(sides[s], catalog, pointsFile, copies, reps, "compare");
      ms[s] = new double[] {Double.parseDouble(r[1]), Double.parseDouble(r[2])};
      System.out.printf(
          Locale.ROOT,
          "  %-9s polygons %8.0f ms, points %8.0f ms%s%n",
          sides[s],
          ms[s][0],
          ms[s][1],
          s == 0
              ? String.format(
                  Locale.ROOT,
                  "; %s polygons span more than one tile and are read in %s parts",
                  r[3],
                  r[4])
              : ", answers differing from the embedded engine's: " + r[3]);
    }
    int polygons = 1000 * copies;
    System.out.printf(
        Locale.ROOT,
        "%nthroughput per core, local[1] / embedded: polygons %.2f, points %.2f%n",
        ms[0][0] / ms[1][0],
        ms[0][1] / ms[1][1]);
    System.out.printf(
        Locale.ROOT,
        "scaling local[1] -> local[2]: polygons %.2f x, points %.2f x%n",
        ms[1][0] / ms[2][0],
        ms[1][1] / ms[2][1]);
    double polygonsPerCoreSecond = polygons / (ms[1][0] / 1000);
    System.out.printf(
        Locale.ROOT,
        "local[1]: %.0f polygons and %.0f points per second per core; 100 million reference"
            + " polygons in an hour need %.0f cores%n",
        polygonsPerCoreSecond,
        points / (ms[1][1] / 1000),
        Math.ceil(100e6 / (polygonsPerCoreSecond * 3600)));
  }

  /** Runs one side in a JVM of its own: the fields of its RESULT line. */
  private static String[] launch(
      String side, Path catalog, Path points, int copies, int reps, String mode) throws Exception {
    List<String> command = new ArrayList<>();
    if (!side.equals("local[2]")) {
      command.addAll(List.of("taskset", "-c", "0"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(SPARK_OPENS);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            SparkBench.class.getName(),
            "--child",
            side,
            catalog.toString(),
            points.toString(),
            Integer.toString(copies),
            Integer.toString(reps),
            mode));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String result = null;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line;
        }
      }
    }
    if (p.waitFor() != 0 || result == null) {
      throw new IllegalStateException(side + " failed (exit " + p.exitValue() + ")");
    }
    return result.split(" ");
  }

  private static void child(String[] args) throws Exception {
    String side = args[1];
    Path catalog = Path.of(args[2]);
    Path pointsFile = Path.of(args[3]);
    int copies = Integer.parseInt(args[4]);
    int reps = Integer.parseInt(args[5]);
    if (args[6].equals("large")) {
      large(catalog, pointsFile);
      System.exit(0);
    }
    List<Geometry> points = new ArrayList<>();
    for (String line : Files.readAllLines(pointsFile)) {
      String[] c = line.split(",");
      points.add(Point.of(Double.parseDouble(c[0]), Double.parseDouble(c[1])));
    }
    List<String> polygonJson = new ArrayList<>();
    List<Geometry> polygons = new ArrayList<>();
    JsonNode features =
        BenchData.JSON.readTree(BenchData.data("polygons.geojson").toFile()).get("features");
    for (int c = 0; c < copies; c++) {
      for (JsonNode f : features) {
        polygonJson.add(BenchData.JSON.writeValueAsString(f.get("geometry")));
        polygons.add(BenchData.JSON.treeToValue(f.get("geometry"), Geometry.class));
      }
    }
    Engine engine = Engine.open(Catalog.load(catalog), Limits.defaults());
    int maxBatch = Limits.defaults().maxGeometries();
    if (side.equals("embedded")) {
      double polygonMs =
          median(() -> Extraction.run(engine, OPTIONS::withGeometries, polygons, maxBatch), reps);
      double pointMs =
          median(() -> Extraction.run(engine, OPTIONS::withGeometries, points, maxBatch), reps);
      TileKeys keys = TileKeys.of(engine.catalog(), OPTIONS);
      long split = polygons.stream().filter(g -> keys.place(g).size() > 1).count();
      System.out.println("RESULT " + polygonMs + " " + pointMs + " " + split + " " + keys.parts());
      System.exit(0);
    }
    try (SparkSession spark = session(side)) {
      List<Row> polygonRows = new ArrayList<>();
      for (int i = 0; i < polygonJson.size(); i++) {
        polygonRows.add(RowFactory.create(i, polygonJson.get(i)));
      }
      Dataset<Row> polygonInput =
          spark
              .createDataFrame(
                  polygonRows,
                  new StructType().add("id", DataTypes.IntegerType).add("g", DataTypes.StringType))
              .repartition(8)
              .cache();
      List<Row> pointRows = new ArrayList<>();
      for (int i = 0; i < points.size(); i++) {
        double[] xy = ((Point) points.get(i)).coordinates();
        pointRows.add(RowFactory.create(i, xy[0], xy[1]));
      }
      Dataset<Row> pointInput =
          spark
              .createDataFrame(
                  pointRows,
                  new StructType()
                      .add("id", DataTypes.IntegerType)
                      .add("lon", DataTypes.DoubleType)
                      .add("lat", DataTypes.DoubleType))
              .repartition(8)
              .cache();
      polygonInput.count();
      pointInput.count();
      double polygonMs =
          median(
              () -> drop(TerraceSpark.extract(polygonInput, polygonSpec(catalog, OPTIONS))), reps);
      double pointMs =
          median(() -> drop(TerraceSpark.extract(pointInput, pointSpec(catalog))), reps);
      long differing = 0;
      for (PixelRule rule : List.of(PixelRule.EXACT, PixelRule.CENTER, PixelRule.ALL_TOUCHED)) {
        BatchExtractRequest options = OPTIONS.toBuilder().pixelRule(rule).build();
        differing +=
            differing(
                TerraceSpark.extract(polygonInput, polygonSpec(catalog, options)),
                Extraction.run(engine, options::withGeometries, polygons, maxBatch));
      }
      differing +=
          differing(
              TerraceSpark.extract(pointInput, pointSpec(catalog)),
              Extraction.run(engine, OPTIONS::withGeometries, points, maxBatch));
      System.out.println("RESULT " + polygonMs + " " + pointMs + " " + differing);
    }
    System.exit(0);
  }

  private static final BatchExtractRequest OPTIONS =
      BatchExtractRequest.builder().datasets("bench:dem").aggregation("mean").build();

  private static SparkSession session(String master) {
    return SparkSession.builder()
        .master(master)
        .appName("terrace-spark-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate();
  }

  private static ExtractSpec polygonSpec(Path catalog, BatchExtractRequest options) {
    return ExtractSpec.builder()
        .options(options)
        .catalog(catalog.toString())
        .partitions(8)
        .geoJsonColumn("g")
        .shape(ExtractSpec.Shape.FLAT)
        .build();
  }

  private static ExtractSpec pointSpec(Path catalog) {
    return ExtractSpec.builder()
        .options(OPTIONS)
        .catalog(catalog.toString())
        .partitions(8)
        .lonLatColumns("lon", "lat")
        .shape(ExtractSpec.Shape.FLAT)
        .build();
  }

  /** Rows whose mean is not the embedded engine's, to the bit (an error counts as no value). */
  private static long differing(Dataset<Row> spark, List<Extraction.Outcome> embedded) {
    long differing = 0;
    List<Row> rows = spark.select("id", "bench_dem_mean").collectAsList();
    if (rows.size() != embedded.size()) {
      return Math.abs(rows.size() - embedded.size()) + rows.size();
    }
    for (Row r : rows) {
      Extraction.Outcome o = embedded.get(r.getInt(0));
      var value = o.response() == null ? null : o.response().results().get(0).value();
      Double expected = value == null ? null : value.asDouble();
      Double actual = r.isNullAt(1) ? null : r.getDouble(1);
      differing += java.util.Objects.equals(expected, actual) ? 0 : 1;
    }
    return differing;
  }

  /** {@code --large}: a points file read by Spark itself, extracted once in {@code local[2]}. */
  private static void large(Path catalog, Path pointsFile) throws IOException {
    try (SparkSession spark = session("local[2]")) {
      Dataset<Row> input = spark.read().schema("lon DOUBLE, lat DOUBLE").csv(pointsFile.toString());
      ExtractSpec spec =
          ExtractSpec.builder()
              .options(OPTIONS)
              .catalog(catalog.toString())
              .partitions(32)
              .lonLatColumns("lon", "lat")
              .shape(ExtractSpec.Shape.FLAT)
              .build();
      TileCache.shared().invalidateAll();
      long decodes = TileCache.shared().stats().decodes();
      long t = System.nanoTime();
      drop(TerraceSpark.extract(input, spec));
      double ms = (System.nanoTime() - t) / 1e6;
      decodes = TileCache.shared().stats().decodes() - decodes;
      Engine engine = Engine.open(Catalog.load(catalog), Limits.defaults());
      Blocks blocks = Blocks.of(engine.catalog().dataset("bench:dem").orElseThrow().raster());
      long tiles =
          (long) blocks.across()
              * ((blocks.height() + blocks.blockHeight() - 1) / blocks.blockHeight());
      System.out.println(
          "RESULT " + ms + " " + BenchData.peakRssKb() + " " + decodes + " " + tiles);
    }
  }

  /** Every row computed and dropped: the {@code noop} sink writes nothing. */
  private static Object drop(Dataset<Row> out) {
    out.write().format("noop").mode("overwrite").save();
    return out;
  }

  private interface Pass {
    Object run() throws Exception;
  }

  /** One untimed pass, then the median of {@code reps}, the tile cache emptied before each. */
  private static double median(Pass pass, int reps) throws Exception {
    pass.run();
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      TileCache.shared().invalidateAll();
      long t = System.nanoTime();
      pass.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return reps % 2 == 1 ? ms[reps / 2] : (ms[reps / 2 - 1] + ms[reps / 2]) / 2;
  }
}
