package dev.terrace.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BatchExtractRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

/**
 * README.md's Spark examples: each region marked {@code // README: name} … {@code // README: end}
 * below appears in README.md verbatim (indentation removed), and runs here on a real Spark.
 */
class ReadmeExampleTest {

  private static final Pattern REGION =
      Pattern.compile("(?m)^( *)// README: (.+)\\n((?s:.*?))^ *// README: end$");

  private static SparkSession spark;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session("terrace-spark-readme", 2);
  }

  @AfterAll
  static void stop() throws Exception {
    spark.close();
  }

  @Test
  void theDatasetExampleRunsAndAnswersAsTheEngine() {
    String parcelsPath = dir.resolve("parcels.parquet").toString();
    String outPath = dir.resolve("values.parquet").toString();
    byte[] square =
        new WKBWriter()
            .write(
                new GeometryFactory()
                    .createPolygon(
                        new Coordinate[] {
                          new Coordinate(6.0, 49.6),
                          new Coordinate(6.02, 49.6),
                          new Coordinate(6.02, 49.62),
                          new Coordinate(6.0, 49.62),
                          new Coordinate(6.0, 49.6)
                        }));
    spark
        .createDataFrame(
            List.of(RowFactory.create("p1", square)),
            new StructType().add("id", DataTypes.StringType).add("geom", DataTypes.BinaryType))
        .write()
        .parquet(parcelsPath);

    // spotless:off -- README.md shows this region as written
    // README: spark
    Dataset<Row> parcels = spark.read().parquet(parcelsPath);        // any rows with a geometry column
    Dataset<Row> values = TerraceSpark.extract(parcels, ExtractSpec.builder()
        .options(BatchExtractRequest.builder().datasets("lux:elevation").aggregation("mean").build())
        .wkbColumn("geom")                    // or wktColumn, geoJsonColumn, lonLatColumns
        .shape(ExtractSpec.Shape.FLAT)        // lux_elevation_mean, _quality, …, error
        .build());                            // .catalog("/data/catalog.yaml"): the built-in samples without
    values.write().parquet(outPath);
    // README: end
    // spotless:on

    Row row = spark.read().parquet(outPath).collectAsList().get(0);
    assertThat(row.getString(row.fieldIndex("id"))).isEqualTo("p1");
    assertThat((Double) row.getAs("lux_elevation_mean")).isBetween(200.0, 500.0);
    assertThat((String) row.getAs("lux_elevation_quality")).isEqualTo("good");
    assertThat(row.isNullAt(row.fieldIndex("error"))).isTrue();
  }

  @Test
  void theSqlExampleRuns() {
    spark
        .createDataFrame(
            List.of(RowFactory.create("a", 6.0262083180620785, 49.60306260768918)),
            new StructType()
                .add("id", DataTypes.StringType)
                .add("lon", DataTypes.DoubleType)
                .add("lat", DataTypes.DoubleType))
        .createOrReplaceTempView("points");

    // spotless:off -- README.md shows this region as written
    // README: spark sql
    TerraceSpark.register(spark, null);   // null: the built-in samples; else a catalog file every executor reads
    Dataset<Row> elevations =
        spark.sql("SELECT id, terrace_value(lon, lat, 'lux:elevation') AS elevation FROM points");
    // README: end
    // spotless:on

    assertThat(elevations.collectAsList().get(0).getDouble(1)).isEqualTo(297.0);
  }

  @Test
  void everyExampleIsInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    Map<String, String> regions = new LinkedHashMap<>();
    Matcher m =
        REGION.matcher(
            Files.readString(Path.of("src/test/java/dev/terrace/spark/ReadmeExampleTest.java")));
    while (m.find()) {
      String indent = m.group(1);
      regions.put(m.group(2), m.group(3).replaceAll("(?m)^" + indent, ""));
    }
    assertThat(regions.keySet()).containsExactly("spark", "spark sql");
    regions.forEach(
        (name, code) -> assertThat(readme).as("README example '%s'", name).contains(code));
  }
}
