package dev.terrace.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.MultiPolygon;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.rows.TileKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

/**
 * {@link TerraceSpark} on a real Spark in {@code local[2]} over the built-in {@code lux:elevation}
 * sample: every answer equals the embedded engine's to the bit, and GDAL's (fixtures/README.md).
 */
class TerraceSparkTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private static SparkSession spark;
  private static Terrace engine;

  /** The 40 GDAL-answered polygons: id, GeoJSON geometry, GDAL's exact-rule mean. */
  private static final List<Object[]> POLYGONS = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    spark = LocalSpark.session("terrace-spark-test", 4);
    engine = Terrace.embedded();
    JsonNode features = JSON.readTree(fixture("elev_lux_polygons.geojson")).get("features");
    Map<String, Double> exactMean = new HashMap<>();
    List<String> lines = lines("elev_lux_polygons_expected.csv");
    List<String> header = List.of(lines.get(0).split(","));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      String mean = cells[header.indexOf("exact_mean")];
      exactMean.put(cells[0], mean.isEmpty() ? null : Double.parseDouble(mean));
    }
    for (JsonNode f : features) {
      String id = f.get("properties").get("id").asText();
      POLYGONS.add(
          new Object[] {id, JSON.writeValueAsString(f.get("geometry")), exactMean.get(id)});
    }
  }

  @AfterAll
  static void stop() throws Exception {
    engine.close();
    spark.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = PixelRule.class,
      names = {"EXACT", "CENTER", "ALL_TOUCHED"})
  void polygonsFromWkbEqualTheEmbeddedEngineToTheBitSplitAcrossBlocks(PixelRule rule) {
    WKBWriter wkb = new WKBWriter();
    List<Row> rows = new ArrayList<>();
    for (Object[] p : POLYGONS) {
      rows.add(RowFactory.create(p[0], wkb.write(jts((String) p[1]))));
    }
    StructType schema =
        new StructType().add("id", DataTypes.StringType).add("geom", DataTypes.BinaryType);
    BatchExtractRequest options =
        BatchExtractRequest.builder()
            .datasets("lux:elevation")
            .aggregation("mean")
            .pixelRule(rule)
            .build();
    Dataset<Row> out =
        TerraceSpark.extract(
            spark.createDataFrame(rows, schema).repartition(3),
            ExtractSpec.builder().options(options).wkbColumn("geom").partitions(4).build());

    Map<String, ExtractResult> embedded = embedded(options);
    List<Row> collected = out.collectAsList();
    assertThat(collected).hasSize(POLYGONS.size());
    TileKeys keys = TileKeys.of(Catalog.builtin(), options);
    assertThat(POLYGONS.stream().filter(p -> keys.place(geoJson((String) p[1])).size() > 1))
        .as("polygons read in parts, one per block of the DEM they reach")
        .hasSizeGreaterThan(5);
    for (Row r : collected) {
      String id = r.getString(0);
      List<Row> results = r.getList(r.fieldIndex("lux_elevation"));
      assertThat(results).as(id).hasSize(1);
      Row result = results.get(0);
      ExtractResult expected = embedded.get(id);
      assertThat((Double) result.getAs("value"))
          .as(id)
          .isEqualTo(expected.value() == null ? null : expected.value().asDouble());
      assertThat((Double) result.getAs("coverage_fraction"))
          .as(id)
          .isEqualTo(expected.coverageFraction());
      assertThat((Long) result.getAs("pixel_count")).as(id).isEqualTo(expected.pixelCount());
      assertThat((String) result.getAs("quality")).isEqualTo(expected.quality().wireName());
      assertThat(r.isNullAt(r.fieldIndex("error"))).isTrue();
    }
  }

  @Test
  void exactMeansEqualGdals() {
    List<Row> rows = new ArrayList<>();
    for (Object[] p : POLYGONS) {
      rows.add(RowFactory.create(p[0], p[1]));
    }
    StructType schema =
        new StructType().add("id", DataTypes.StringType).add("g", DataTypes.StringType);
    List<Row> out =
        TerraceSpark.extract(
                spark.createDataFrame(rows, schema),
                ExtractSpec.builder()
                    .options(BatchExtractRequest.builder().datasets("lux:elevation").build())
                    .geoJsonColumn("g")
                    .shape(ExtractSpec.Shape.FLAT)
                    .build())
            .collectAsList();
    Map<String, Double> gdal = new HashMap<>();
    POLYGONS.forEach(p -> gdal.put((String) p[0], (Double) p[2]));
    assertThat(out).hasSize(POLYGONS.size());
    int compared = 0;
    for (Row r : out) {
      Double expected = gdal.get(r.getString(0));
      Double mean = r.getAs("lux_elevation_mean");
      if (expected == null) {
        assertThat(mean).as(r.getString(0)).isNull();
        continue;
      }
      assertThat(mean).as(r.getString(0)).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
      assertThat((String) r.getAs("lux_elevation_quality")).isNotNull();
      compared++;
    }
    assertThat(compared).isGreaterThan(25);
  }

  /** The 200 GDAL-answered points as lon/lat columns, in the flat shape: GDAL's value each. */
  @Test
  void pointsFromLonLatColumnsAreGdalsValues() throws IOException {
    List<String> lines = lines("elev_lux_points_expected.csv");
    List<Row> rows = new ArrayList<>();
    Map<String, Double> gdal = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      rows.add(RowFactory.create(c[0], Double.parseDouble(c[2]), Double.parseDouble(c[3])));
      gdal.put(c[0], c[10].isEmpty() ? null : Double.parseDouble(c[10]));
    }
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("lon", DataTypes.DoubleType)
            .add("lat", DataTypes.DoubleType);
    List<Row> out =
        TerraceSpark.extract(
                spark.createDataFrame(rows, schema),
                ExtractSpec.builder()
                    .options(BatchExtractRequest.builder().datasets("lux:elevation").build())
                    .lonLatColumns("lon", "lat")
                    .shape(ExtractSpec.Shape.FLAT)
                    .build())
            .collectAsList();
    assertThat(out).hasSize(rows.size());
    assertThat(out.get(0).schema().fieldNames())
        .containsExactly(
            "id",
            "lon",
            "lat",
            "timestamp",
            "lux_elevation_mean",
            "lux_elevation_classes",
            "lux_elevation_units",
            "lux_elevation_quality",
            "lux_elevation_coverage_fraction",
            "lux_elevation_pixel_count",
            "error");
    int withValues = 0;
    for (Row r : out) {
      Double expected = gdal.get(r.getString(0));
      assertThat((Double) r.getAs("lux_elevation_mean")).as(r.getString(0)).isEqualTo(expected);
      withValues += expected == null ? 0 : 1;
    }
    assertThat(withValues).isEqualTo(110);
  }

  /** Rows whose geometry is not one get their error; the others their values; no task fails. */
  @Test
  void aBadRowGetsItsErrorAndTheOthersTheirValues() {
    List<Row> rows =
        List.of(
            RowFactory.create("good", "POINT (6.0262083180620785 49.60306260768918)"),
            RowFactory.create("garbled", "POINT (6.02"),
            RowFactory.create("missing", null),
            RowFactory.create("bowtie", "POLYGON ((6 49.6, 6.1 49.7, 6.1 49.6, 6 49.7, 6 49.6))"));
    StructType schema =
        new StructType().add("id", DataTypes.StringType).add("wkt", DataTypes.StringType);
    Map<String, Row> out = new HashMap<>();
    for (Row r :
        TerraceSpark.extract(
                spark.createDataFrame(rows, schema),
                ExtractSpec.builder()
                    .options(BatchExtractRequest.builder().datasets("lux:elevation").build())
                    .wktColumn("wkt")
                    .build())
            .collectAsList()) {
      out.put(r.getString(0), r);
    }
    assertThat(out).hasSize(4);
    assertThat(out.get("good").<Row>getList(2).get(0).<Double>getAs("value")).isEqualTo(297.0);
    assertThat(out.get("garbled").getString(3)).startsWith("wkt is not valid WKT");
    assertThat(out.get("missing").getString(3)).isEqualTo("wkt is null");
    assertThat(out.get("bowtie").getString(3)).contains("Self-intersection");
    assertThat(out.get("bowtie").isNullAt(2)).isTrue();
  }

  /** A monthly series gives one struct entry per timestamp, the engine's own. */
  @Test
  void aTimeSeriesGivesOneEntryPerTimestamp() {
    Point point = Point.of(-80.98605561623508, 36.27518302630759);
    List<Row> rows =
        List.of(RowFactory.create("a", point.coordinates()[0], point.coordinates()[1]));
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("lon", DataTypes.DoubleType)
            .add("lat", DataTypes.DoubleType);
    BatchExtractRequest options = BatchExtractRequest.builder().datasets("bcsd:pr").build();
    Row out =
        TerraceSpark.extract(
                spark.createDataFrame(rows, schema),
                ExtractSpec.builder().options(options).lonLatColumns("lon", "lat").build())
            .collectAsList()
            .get(0);
    List<ExtractResult> expected =
        engine.batchExtract(options.withGeometries(List.of(point))).responses().get(0).results();
    List<Row> series = out.getList(out.fieldIndex("bcsd_pr"));
    assertThat(series).hasSize(12).hasSameSizeAs(expected);
    for (int i = 0; i < series.size(); i++) {
      assertThat((String) series.get(i).getAs("timestamp")).isEqualTo(expected.get(i).timestamp());
      assertThat((Double) series.get(i).getAs("value"))
          .isEqualTo(expected.get(i).value() == null ? null : expected.get(i).value().asDouble());
    }
    assertThat((Double) series.get(0).getAs("value")).isEqualTo(134.1699981689453);
  }

  /**
   * A catalog of the operator's own, read by every executor, with a dataset whose file is gone: its
   * results are {@code quality: missing}, the readable one's are values, and no row fails.
   */
  @Test
  void aDatasetThatCannotBeReadIsMissingAndTheRowsStand(@TempDir Path dir) throws IOException {
    try (InputStream tif =
        Terrace.class.getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif")) {
      Files.copy(tif, dir.resolve("elev_lux.tif"));
    }
    Path catalog =
        Files.writeString(
            dir.resolve("catalog.json"),
            """
            {"providers": [{"slug": "own", "protocol": "cog", "datasets": [
              {"name": "elevation", "path": "elev_lux.tif"},
              {"name": "gone", "path": "nowhere.tif"}]}]}""");
    List<Row> rows =
        List.of(
            RowFactory.create("a", 6.0262083180620785, 49.60306260768918),
            RowFactory.create("b", 5.974676777614235, 49.49962240184948));
    StructType schema =
        new StructType()
            .add("id", DataTypes.StringType)
            .add("lon", DataTypes.DoubleType)
            .add("lat", DataTypes.DoubleType);
    Map<String, Row> out = new HashMap<>();
    for (Row r :
        TerraceSpark.extract(
                spark.createDataFrame(rows, schema),
                ExtractSpec.builder()
                    .options(
                        BatchExtractRequest.builder().datasets("own:elevation", "own:gone").build())
                    .catalog(catalog.toString())
                    .lonLatColumns("lon", "lat")
                    .shape(ExtractSpec.Shape.FLAT)
                    .build())
            .collectAsList()) {
      out.put(r.getString(0), r);
    }
    assertThat((Double) out.get("a").getAs("own_elevation_mean")).isEqualTo(297.0);
    assertThat((Double) out.get("b").getAs("own_elevation_mean")).isEqualTo(300.0);
    for (Row r : out.values()) {
      assertThat((String) r.getAs("own_gone_quality")).isEqualTo("missing");
      assertThat((Double) r.getAs("own_gone_mean")).isNull();
      assertThat(r.isNullAt(r.fieldIndex("error"))).isTrue();
    }
  }

  @Test
  void sqlFunctionsAnswerAsTheEngine() {
    TerraceSpark.register(spark, null);
    Row r =
        spark
            .sql(
                "SELECT terrace_value(6.0262083180620785, 49.60306260768918, 'lux:elevation') AS v,"
                    + " terrace_extract('"
                    + wkt((String) POLYGONS.get(0)[1])
                    + "', 'lux:elevation', 'mean') AS e,"
                    + " terrace_extract('POINT (1', 'lux:elevation', 'mean').error AS bad,"
                    + " terrace_extract_series('POINT (-80.98605561623508 36.27518302630759)',"
                    + " 'bcsd:pr', 'mean') AS series,"
                    + " terrace_extract('POINT (-80.98605561623508 36.27518302630759)',"
                    + " 'bcsd:pr', 'mean').error AS notOne")
            .collectAsList()
            .get(0);
    assertThat(r.getDouble(0)).isEqualTo(297.0);
    Row e = r.getStruct(1);
    double embedded =
        embedded(BatchExtractRequest.builder().datasets("lux:elevation").build())
            .get((String) POLYGONS.get(0)[0])
            .value()
            .asDouble();
    assertThat((Double) e.getAs("value")).isEqualTo(embedded);
    assertThat(e.isNullAt(e.fieldIndex("error"))).isTrue();
    assertThat(r.getString(2)).startsWith("geometry is not valid WKT or WKB");
    List<Row> series = r.getList(3);
    assertThat(series).hasSize(12);
    assertThat((Double) series.get(0).getAs("value")).isEqualTo(134.1699981689453);
    assertThat((String) series.get(0).getAs("timestamp")).startsWith("1999-01");
    assertThat(r.getString(4)).contains("12 timestamps").contains("terrace_extract_series");
  }

  @Test
  void anUnknownDatasetOrColumnIsRefusedOnTheDriverNamingIt() {
    Dataset<Row> input =
        spark.createDataFrame(
            List.of(RowFactory.create("a", 6.0, 49.6)),
            new StructType()
                .add("id", DataTypes.StringType)
                .add("lon", DataTypes.DoubleType)
                .add("lat", DataTypes.DoubleType));
    assertThatThrownBy(
            () ->
                TerraceSpark.extract(
                    input,
                    ExtractSpec.builder()
                        .options(BatchExtractRequest.builder().datasets("lux:nothing").build())
                        .lonLatColumns("lon", "lat")
                        .build()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("lux:nothing");
    assertThatThrownBy(
            () ->
                TerraceSpark.extract(
                    input,
                    ExtractSpec.builder()
                        .options(BatchExtractRequest.builder().datasets("lux:elevation").build())
                        .lonLatColumns("x", "lat")
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column x");
    assertThatThrownBy(
            () ->
                TerraceSpark.extract(
                    input,
                    ExtractSpec.builder()
                        .options(BatchExtractRequest.builder().datasets("lux:elevation").build())
                        .wkbColumn("id")
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the column id is string, not binary (WKB)");
  }

  /** The embedded engine's answers over the same polygons, by id. */
  private static Map<String, ExtractResult> embedded(BatchExtractRequest options) {
    List<Geometry> geometries = new ArrayList<>();
    for (Object[] p : POLYGONS) {
      try {
        geometries.add(JSON.readValue((String) p[1], Geometry.class));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    List<ExtractResponse> responses =
        engine.batchExtract(options.withGeometries(geometries)).responses();
    Map<String, ExtractResult> byId = new HashMap<>();
    for (int i = 0; i < POLYGONS.size(); i++) {
      byId.put((String) POLYGONS.get(i)[0], responses.get(i).results().get(0));
    }
    return byId;
  }

  private static Geometry geoJson(String text) {
    try {
      return JSON.readValue(text, Geometry.class);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String wkt(String geoJson) {
    return jts(geoJson).toText();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = TerraceSparkTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> lines(String name) throws IOException {
    return fixture(name).lines().toList();
  }

  /** A fixture's polygon or multipolygon as JTS, for its WKB and WKT. */
  private static org.locationtech.jts.geom.Geometry jts(String geoJson) {
    Geometry g;
    try {
      g = JSON.readValue(geoJson, Geometry.class);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return switch (g) {
      case Polygon p -> polygon(p.coordinates());
      case MultiPolygon m ->
          FACTORY.createMultiPolygon(
              java.util.Arrays.stream(m.coordinates())
                  .map(TerraceSparkTest::polygon)
                  .toArray(org.locationtech.jts.geom.Polygon[]::new));
      default -> throw new AssertionError("not a polygon: " + geoJson);
    };
  }

  private static org.locationtech.jts.geom.Polygon polygon(double[][][] rings) {
    org.locationtech.jts.geom.LinearRing[] all =
        java.util.Arrays.stream(rings)
            .map(
                ring ->
                    FACTORY.createLinearRing(
                        java.util.Arrays.stream(ring)
                            .map(c -> new Coordinate(c[0], c[1]))
                            .toArray(Coordinate[]::new)))
            .toArray(org.locationtech.jts.geom.LinearRing[]::new);
    return FACTORY.createPolygon(all[0], java.util.Arrays.copyOfRange(all, 1, all.length));
  }
}
