package dev.terrace.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.Terrace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExtractJob}: files in, files out, on a real Spark in {@code local[2]}. */
class ExtractJobTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static SparkSession spark;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session("terrace-extract-job-test", 2);
  }

  @AfterAll
  static void stop() throws Exception {
    spark.close();
  }

  /** A GeoJSON FeatureCollection in, Parquet out: each feature's mean is the engine's. */
  @Test
  void geoJsonInParquetOut() throws IOException {
    Path in = dir.resolve("polygons.geojson");
    String text = fixture("elev_lux_polygons.geojson");
    Files.writeString(in, text);
    Path out = dir.resolve("values.parquet");

    long rows =
        ExtractJob.run(
            spark,
            "--in",
            in.toString(),
            "--out",
            out.toString(),
            "--dataset",
            "lux:elevation",
            "--partitions",
            "3");

    JsonNode features = JSON.readTree(text).get("features");
    assertThat(rows).isEqualTo(features.size());
    Map<String, Double> engine = new HashMap<>();
    List<Geometry> geometries = new ArrayList<>();
    for (JsonNode f : features) {
      geometries.add(JSON.treeToValue(f.get("geometry"), Geometry.class));
    }
    try (Terrace terrace = Terrace.embedded()) {
      List<ExtractResponse> answers =
          terrace
              .batchExtract(
                  BatchExtractRequest.builder()
                      .datasets("lux:elevation")
                      .build()
                      .withGeometries(geometries))
              .responses();
      for (int i = 0; i < features.size(); i++) {
        var value = answers.get(i).results().get(0).value();
        engine.put(
            features.get(i).get("properties").get("id").asText(),
            value == null ? null : value.asDouble());
      }
    }
    for (Row r : spark.read().parquet(out.toString()).collectAsList()) {
      String id = JSON.readTree(r.getString(r.fieldIndex("properties"))).get("id").asText();
      List<Row> results = r.getList(r.fieldIndex("lux_elevation"));
      assertThat((Double) results.get(0).getAs("value")).as(id).isEqualTo(engine.get(id));
    }
  }

  /** A CSV of points in, CSV out, flat: GDAL's values. */
  @Test
  void csvOfPointsInCsvOut() throws IOException {
    Path in = dir.resolve("points.csv");
    Files.writeString(
        in,
        "id,lon,lat\n"
            + "0,6.0262083180620785,49.60306260768918\n"
            + "1,5.974676777614235,49.49962240184948\n");
    Path out = dir.resolve("values.csv");

    ExtractJob.run(
        spark,
        "--in",
        in.toString(),
        "--out",
        out.toString(),
        "--dataset",
        "lux:elevation",
        "--lon",
        "lon",
        "--lat",
        "lat");

    Map<Integer, Double> values = new HashMap<>();
    for (Row r :
        spark
            .read()
            .option("header", true)
            .option("inferSchema", true)
            .csv(out.toString())
            .collectAsList()) {
      values.put(r.getInt(r.fieldIndex("id")), r.getDouble(r.fieldIndex("lux_elevation_mean")));
    }
    assertThat(values).containsEntry(0, 297.0).containsEntry(1, 300.0);
  }

  /** WKT in a CSV in, GeoJSON features out, one per line, the results among their properties. */
  @Test
  void wktInGeoJsonFeaturesOut() throws IOException {
    Path in = dir.resolve("wkt.csv");
    Files.writeString(in, "id,wkt\n7,POINT (6.0262083180620785 49.60306260768918)\n8,POINT (1\n");
    Path out = dir.resolve("values.geojsonl");

    ExtractJob.run(
        spark,
        "--in",
        in.toString(),
        "--out",
        out.toString(),
        "--dataset",
        "lux:elevation",
        "--geometry-column",
        "wkt");

    Map<Integer, JsonNode> features = new HashMap<>();
    for (Row line : spark.read().text(out.toString()).collectAsList()) {
      JsonNode f = JSON.readTree(line.getString(0));
      features.put(f.get("properties").get("id").asInt(), f);
    }
    JsonNode good = features.get(7);
    assertThat(good.get("type").asText()).isEqualTo("Feature");
    assertThat(good.get("geometry").get("type").asText()).isEqualTo("Point");
    assertThat(good.get("geometry").get("coordinates").get(0).asDouble())
        .isEqualTo(6.0262083180620785);
    assertThat(good.get("properties").get("lux_elevation").get(0).get("value").asDouble())
        .isEqualTo(297.0);
    JsonNode bad = features.get(8);
    assertThat(bad.get("geometry").isNull()).isTrue();
    assertThat(bad.get("properties").get("error").asText()).startsWith("wkt is not valid WKT");
  }

  /** GeoJSON in, one GeoJSON FeatureCollection file out, as GDAL and every GIS read it. */
  @Test
  void geoJsonInFeatureCollectionOut() throws IOException {
    Path in = dir.resolve("two.geojson");
    Files.writeString(
        in,
        "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"id\":1},\"geometry\":"
            + "{\"type\":\"Point\",\"coordinates\":[6.0262083180620785,49.60306260768918]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"id\":2},\"geometry\":"
            + "{\"type\":\"Polygon\",\"coordinates\":[[[5.9,49.5],[6.3,49.5],[6.3,49.9],"
            + "[5.9,49.9],[5.9,49.5]]]}}]}");
    Path out = dir.resolve("values.geojson");

    long rows =
        ExtractJob.run(
            spark, "--in", in.toString(), "--out", out.toString(), "--dataset", "lux:elevation");

    JsonNode collection = JSON.readTree(out.toFile());
    assertThat(collection.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(collection.get("features")).hasSize(2);
    assertThat(rows).isEqualTo(2);
    Map<String, JsonNode> byGeometry = new HashMap<>();
    for (JsonNode f : collection.get("features")) {
      assertThat(f.get("type").asText()).isEqualTo("Feature");
      byGeometry.put(f.get("geometry").get("type").asText(), f.get("properties"));
    }
    assertThat(byGeometry.get("Point").get("lux_elevation").get(0).get("value").asDouble())
        .isEqualTo(297.0);
    assertThat(byGeometry.get("Polygon").get("lux_elevation").get(0).get("value").asDouble())
        .isEqualTo(
            engineMean(
                dev.terrace.api.geojson.Polygon.rectangle(5.9, 49.5, 6.3, 49.9), "lux:elevation"));
  }

  private static double engineMean(dev.terrace.api.geojson.Geometry g, String dataset) {
    try (dev.terrace.engine.Terrace engine = dev.terrace.engine.Terrace.embedded()) {
      return engine
          .extract(dev.terrace.api.ExtractRequest.of(g, dataset))
          .results()
          .get(0)
          .value()
          .asDouble();
    }
  }

  @Test
  void badArgumentsAreRefusedNamingThem() {
    assertThatThrownBy(() -> ExtractJob.run(spark, "--in", "a.parquet", "--out", "b.parquet"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--dataset are required")
        .hasMessageContaining("usage: ExtractJob");
    assertThatThrownBy(
            () ->
                ExtractJob.run(
                    spark, "--in", "a.txt", "--out", "b.parquet", "--dataset", "lux:elevation"))
        .hasMessageContaining("--in a.txt: not .parquet, .csv or .geojson");
    assertThatThrownBy(
            () ->
                ExtractJob.run(
                    spark,
                    "--in",
                    dir.resolve("points.csv").toString(),
                    "--out",
                    "b.txt",
                    "--dataset",
                    "lux:elevation",
                    "--lon",
                    "lon",
                    "--lat",
                    "lat"))
        .hasMessageContaining("--out b.txt: not .parquet, .csv, .geojson or .geojsonl");
    assertThatThrownBy(
            () ->
                ExtractJob.run(
                    spark,
                    "--in",
                    "a.parquet",
                    "--out",
                    "b.parquet",
                    "--dataset",
                    "x",
                    "--pixel-rule",
                    "middle"))
        .hasMessageContaining("--pixel-rule middle");
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = ExtractJobTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
