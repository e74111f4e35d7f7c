package dev.terrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.geotiff.TileCache;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.spark.ExtractSpec;
import dev.terrace.spark.TerraceSpark;
import java.io.BufferedReader;
import java.io.BufferedWriter;
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
 * before each, and reports its median; rows per second per core follow, and the cores 100 million
 * polygons need to be done in an hour.
 *
 * <pre>
 * terrace-bench/run SparkBench [--points 100000] [--polygon-copies 1] [--reps 3]
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
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--points" -> points = Integer.parseInt(args[++i]);
        case "--polygon-copies" -> copies = Integer.parseInt(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    BenchData.requireReferenceData(BenchData.data("polygons.geojson"));
    Path work = Files.createTempDirectory("terrace-spark-bench-");
    Path pointsFile = work.resolve("points.csv");
    double[][] lonLat = new double[points][];
    TileOrderBench.points(points, lonLat);
    try (BufferedWriter w = Files.newBufferedWriter(pointsFile)) {
      for (double[] p : lonLat) {
        w.write(p[0] + "," + p[1] + "\n");
      }
    }
    Path catalog = BenchData.catalog();
    System.out.printf(
        Locale.ROOT,
        "%,d reference polygons x %d and %,d random-order points over the reference DEM, %d cores,"
            + " %d timed passes each%n",
        1000,
        copies,
        points,
        Runtime.getRuntime().availableProcessors(),
        reps);
    String[] sides = {"embedded", "local[1]", "local[2]"};
    double[][] ms = new double[sides.length][];
    for (int s = 0; s < sides.length; s++) {
      ms[s] = side(sides[s], catalog, pointsFile, copies, reps);
      System.out.printf(
          Locale.ROOT, "  %-9s polygons %8.0f ms, points %8.0f ms%n", sides[s], ms[s][0], ms[s][1]);
    }
    int polygons = 1000 * copies;
    System.out.printf(
        Locale.ROOT,
        "%nthroughput of local[1] / embedded: polygons %.2f, points %.2f%n",
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

  /** Runs one side in a JVM of its own: {polygons ms, points ms}, medians. */
  private static double[] side(String side, Path catalog, Path points, int copies, int reps)
      throws Exception {
    List<String> command = new ArrayList<>();
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
            Integer.toString(reps)));
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
    String[] f = result.split(" ");
    return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
  }

  private static void child(String[] args) throws Exception {
    String side = args[1];
    Path catalog = Path.of(args[2]);
    List<double[]> lonLat = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[3]))) {
      String[] c = line.split(",");
      lonLat.add(new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[1])});
    }
    int copies = Integer.parseInt(args[4]);
    int reps = Integer.parseInt(args[5]);
    List<String> polygons = new ArrayList<>();
    JsonNode features =
        BenchData.JSON.readTree(BenchData.data("polygons.geojson").toFile()).get("features");
    for (int c = 0; c < copies; c++) {
      for (JsonNode f : features) {
        polygons.add(BenchData.JSON.writeValueAsString(f.get("geometry")));
      }
    }
    BatchExtractRequest options =
        BatchExtractRequest.builder().datasets("bench:dem").aggregation("mean").build();
    Pass polygonPass;
    Pass pointPass;
    SparkSession spark = null;
    if (side.equals("embedded")) {
      Engine engine = Engine.open(Catalog.load(catalog), Limits.defaults());
      List<Geometry> polygonGeometries = new ArrayList<>();
      for (String g : polygons) {
        polygonGeometries.add(BenchData.JSON.readValue(g, Geometry.class));
      }
      List<Geometry> pointGeometries = new ArrayList<>();
      lonLat.forEach(p -> pointGeometries.add(Point.of(p[0], p[1])));
      int maxBatch = Limits.defaults().maxGeometries();
      polygonPass =
          () -> Extraction.run(engine, options::withGeometries, polygonGeometries, maxBatch).size();
      pointPass =
          () -> Extraction.run(engine, options::withGeometries, pointGeometries, maxBatch).size();
    } else {
      spark =
          SparkSession.builder()
              .master(side)
              .appName("terrace-spark-bench")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "8")
              .getOrCreate();
      SparkSession session = spark;
      List<Row> polygonRows = new ArrayList<>();
      polygons.forEach(g -> polygonRows.add(RowFactory.create(g)));
      Dataset<Row> polygonInput =
          session
              .createDataFrame(polygonRows, new StructType().add("g", DataTypes.StringType))
              .repartition(8)
              .cache();
      List<Row> pointRows = new ArrayList<>();
      lonLat.forEach(p -> pointRows.add(RowFactory.create(p[0], p[1])));
      Dataset<Row> pointInput =
          session
              .createDataFrame(
                  pointRows,
                  new StructType()
                      .add("lon", DataTypes.DoubleType)
                      .add("lat", DataTypes.DoubleType))
              .repartition(8)
              .cache();
      polygonInput.count();
      pointInput.count();
      ExtractSpec polygonSpec =
          ExtractSpec.builder()
              .options(options)
              .catalog(catalog.toString())
              .partitions(8)
              .geoJsonColumn("g")
              .build();
      ExtractSpec pointSpec =
          ExtractSpec.builder()
              .options(options)
              .catalog(catalog.toString())
              .partitions(8)
              .lonLatColumns("lon", "lat")
              .build();
      polygonPass = () -> rows(TerraceSpark.extract(polygonInput, polygonSpec));
      pointPass = () -> rows(TerraceSpark.extract(pointInput, pointSpec));
    }
    double polygonMs = median(polygonPass, reps, polygons.size());
    double pointMs = median(pointPass, reps, lonLat.size());
    System.out.println("RESULT " + polygonMs + " " + pointMs);
    if (spark != null) {
      spark.close();
    }
    System.exit(0);
  }

  /** Every row computed and dropped: the {@code noop} sink writes nothing. */
  private static long rows(Dataset<Row> out) {
    out.write().format("noop").mode("overwrite").save();
    return -1;
  }

  private interface Pass {
    long run() throws Exception;
  }

  private static double median(Pass pass, int reps, int expected) throws Exception {
    long rows = pass.run();
    if (rows >= 0 && rows != expected) {
      throw new IllegalStateException(rows + " rows for " + expected);
    }
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      TileCache.shared().invalidateAll();
      long t = System.nanoTime();
      pass.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms[reps / 2];
  }
}
