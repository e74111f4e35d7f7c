package dev.terrace.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TerraceSpark} on Spark's {@code local-cluster[2,1,1024]}: a standalone master and two
 * workers in this JVM, each executor a JVM of its own (started from a Spark home made of the test
 * classpath's jars, see the module's pom), so that engines, tile keys and results cross real
 * process boundaries, and an executor can be killed.
 */
class LocalClusterTest {

  private static final int POINTS = 20_000;

  private static SparkSession spark;
  private static Dataset<Row> points;
  private static Map<String, Double> embedded;

  @BeforeAll
  static void start() throws IOException {
    Path home = Path.of(System.getenv("SPARK_HOME"));
    Path jars = Files.createDirectories(home.resolve("jars"));
    Files.writeString(home.resolve("RELEASE"), "Spark for the tests: the test classpath's jars\n");
    StringBuilder folders = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        folders.append(folders.isEmpty() ? "" : File.pathSeparator).append(entry);
      } else if (Files.isRegularFile(p) && !Files.exists(jars.resolve(p.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(p.getFileName()), p);
      }
    }
    spark =
        SparkSession.builder()
            .master("local-cluster[2,1,1024]")
            .appName("terrace-spark-local-cluster")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.executor.extraClassPath", folders.toString())
            .config("spark.executor.extraJavaOptions", System.getProperty("spark.opens", ""))
            .getOrCreate();

    // Random points over lux:elevation's extent, and what the embedded engine answers for them.
    Random random = new Random(20);
    List<Row> rows = new ArrayList<>();
    List<Geometry> geometries = new ArrayList<>();
    for (int i = 0; i < POINTS; i++) {
      double lon = 5.75 + random.nextDouble() * 0.75;
      double lat = 49.45 + random.nextDouble() * 0.7;
      rows.add(RowFactory.create("p" + i, lon, lat));
      geometries.add(Point.of(lon, lat));
    }
    points =
        spark.createDataFrame(
            rows,
            new StructType()
                .add("id", DataTypes.StringType)
                .add("lon", DataTypes.DoubleType)
                .add("lat", DataTypes.DoubleType));
    embedded = new HashMap<>();
    try (Terrace engine = Terrace.embedded()) {
      for (int from = 0; from < POINTS; from += 1000) {
        List<ExtractResponse> answers =
            engine
                .batchExtract(options().withGeometries(geometries.subList(from, from + 1000)))
                .responses();
        for (int k = 0; k < answers.size(); k++) {
          var value = answers.get(k).results().get(0).value();
          embedded.put("p" + (from + k), value == null ? null : value.asDouble());
        }
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    spark.close();
  }

  @Test
  void executorsInJvmsOfTheirOwnAnswerAsTheEmbeddedEngine() {
    assertEveryRowOnceAsEmbedded(extract().collectAsList());
  }

  /**
   * The first attempt of one task halts its executor's JVM half-way through its rows: Spark runs
   * the task again on another executor, and every row comes out once, with the engine's answer.
   */
  @Test
  void anExecutorKilledMidStageLosesNoRowAndDuplicatesNone() throws IOException {
    Path marker = Files.createTempDirectory("terrace-kill").resolve("killed");
    List<Row> out =
        extract()
            .mapPartitions(new HaltOnce(marker.toString()), Encoders.row(extract().schema()))
            .collectAsList();
    assertThat(marker).as("an executor was killed").exists();
    assertEveryRowOnceAsEmbedded(out);
  }

  private static Dataset<Row> extract() {
    return TerraceSpark.extract(
        points,
        ExtractSpec.builder()
            .options(options())
            .lonLatColumns("lon", "lat")
            .shape(ExtractSpec.Shape.FLAT)
            .partitions(4)
            .build());
  }

  private static BatchExtractRequest options() {
    return BatchExtractRequest.builder().datasets("lux:elevation").build();
  }

  private static void assertEveryRowOnceAsEmbedded(List<Row> out) {
    assertThat(out).hasSize(POINTS);
    Map<String, Double> values = new HashMap<>();
    for (Row r : out) {
      assertThat(values.containsKey(r.getString(0))).as("%s twice", r.getString(0)).isFalse();
      values.put(r.getString(0), r.getAs("lux_elevation_mean"));
    }
    assertThat(values).isEqualTo(embedded);
  }

  /** Halts the executor's JVM in the middle of partition 1's first attempt, once per marker. */
  private static final class HaltOnce implements MapPartitionsFunction<Row, Row> {
    private final String marker;

    HaltOnce(String marker) {
      this.marker = marker;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws IOException {
      TaskContext task = TaskContext.get();
      List<Row> kept = new ArrayList<>();
      rows.forEachRemaining(kept::add);
      Path killed = Path.of(marker);
      if (task.partitionId() == 1 && task.attemptNumber() == 0 && !Files.exists(killed)) {
        Files.createFile(killed);
        Runtime.getRuntime().halt(137);
      }
      return kept.iterator();
    }
  }
}
