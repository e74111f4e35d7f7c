package dev.terrace.spark;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.PixelRule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A runnable extraction for {@code spark-submit}: rows in, the same rows with their results out.
 *
 * <pre>
 * spark-submit --class dev.terrace.spark.ExtractJob terrace-spark-VERSION-all.jar \
 *   --catalog /data/catalog.yaml --in parcels.parquet --geometry-column geom \
 *   --dataset lux:elevation --aggregation mean --out values.parquet
 * </pre>
 *
 * <p>Input by its extension: Parquet, CSV with a header ({@code --lon}/{@code --lat} columns or a
 * WKT {@code --geometry-column}), or a GeoJSON FeatureCollection (each feature's properties kept as
 * one JSON column, {@code properties}). The geometry column's kind is its type's: binary is WKB;
 * text is GeoJSON when it starts with {@code {}, WKT otherwise. Output by its extension: Parquet
 * (the struct shape unless {@code --flat}), CSV (always flat; classes as JSON), {@code .geojson}: one
 * FeatureCollection in one file, or {@code .geojsonl}: one GeoJSON Feature per line in Spark's part
 * files; a feature's properties are the input's columns and the results.
 */
public final class ExtractJob {

  private static final String USAGE =
      "usage: ExtractJob --in FILE --out FILE --dataset ID [--dataset ID …]"
          + " (--geometry-column COLUMN | --lon COLUMN --lat COLUMN) [--catalog FILE]"
          + " [--aggregation mean] [--pixel-rule exact|center|all_touched] [--flat]"
          + " [--partitions N]";

  private ExtractJob() {}

  public static void main(String[] args) throws java.io.IOException {
    try (SparkSession spark = SparkSession.builder().appName("terrace-extract").getOrCreate()) {
      run(spark, args);
    }
  }

  /**
   * @return the rows written
   * @throws IllegalArgumentException naming what is wrong with the arguments, with the usage
   */
  static long run(SparkSession spark, String... args) {
    Arguments a = Arguments.parse(args);
    Dataset<Row> input = read(spark, a.in);
    ExtractSpec.Builder spec =
        ExtractSpec.builder()
            .options(
                BatchExtractRequest.builder()
                    .datasetIds(a.datasets)
                    .aggregation(a.aggregation)
                    .pixelRule(a.pixelRule)
                    .build());
    if (a.catalog != null) {
      spec.catalog(a.catalog);
    }
    if (a.partitions > 0) {
      spec.partitions(a.partitions);
    }
    Column geoJson;
    if (a.lon != null) {
      spec.lonLatColumns(a.lon, a.lat);
      geoJson =
          functions.concat(
              functions.lit("{\"type\":\"Point\",\"coordinates\":["),
              functions.col(a.lon).cast(DataTypes.StringType),
              functions.lit(","),
              functions.col(a.lat).cast(DataTypes.StringType),
              functions.lit("]}"));
    } else {
      geoJson = geometry(spec, input, a.geometry);
    }
    String out = a.out.toLowerCase(Locale.ROOT);
    boolean csv = out.endsWith(".csv");
    spec.shape(a.flat || csv ? ExtractSpec.Shape.FLAT : ExtractSpec.Shape.STRUCTS);
    Dataset<Row> values = TerraceSpark.extract(input, spec.build()).cache();
    if (csv) {
      mapsAsJson(values).write().option("header", true).mode("overwrite").csv(a.out);
    } else if (out.endsWith(".geojsonl")) {
      features(values, geoJson).write().mode("overwrite").text(a.out);
    } else if (out.endsWith(".geojson")) {
      featureCollection(spark, features(values, geoJson), a.out);
    } else {
      values.write().mode("overwrite").parquet(a.out);
    }
    long rows = values.count();
    values.unpersist();
    return rows;
  }

  /**
   * One GeoJSON Feature per line: the row's geometry, and every other column (the input's and the
   * results) as its properties.
   */
  private static Dataset<Row> features(Dataset<Row> values, Column geoJson) {
    List<Column> properties = new ArrayList<>();
    for (String c : values.columns()) {
      properties.add(functions.col(c));
    }
    return values.select(
        functions.concat(
            functions.lit("{\"type\":\"Feature\",\"geometry\":"),
            functions.coalesce(geoJson, functions.lit("null")),
            functions.lit(",\"properties\":"),
            functions.to_json(functions.struct(properties.toArray(Column[]::new))),
            functions.lit("}")));
  }

  /**
   * One GeoJSON FeatureCollection in one file, at a path of any file system Spark writes to (local,
   * HDFS, S3A, …), streamed from the driver a partition at a time.
   */
  private static void featureCollection(SparkSession spark, Dataset<Row> features, String out) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(out);
    try (OutputStream file =
            path.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(path, true);
        Writer w = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8))) {
      w.write("{\"type\":\"FeatureCollection\",\"features\":[");
      String separator = "\n";
      for (Iterator<Row> rows = features.toLocalIterator(); rows.hasNext(); ) {
        w.write(separator);
        w.write(rows.next().getString(0));
        separator = ",\n";
      }
      w.write("\n]}\n");
    } catch (IOException e) {
      throw new UncheckedIOException("--out " + out + ": " + e.getMessage(), e);
    }
  }

  private static Dataset<Row> read(SparkSession spark, String in) {
    String lower = in.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".parquet")) {
      return spark.read().parquet(in);
    }
    if (lower.endsWith(".csv")) {
      return spark.read().option("header", true).option("inferSchema", true).csv(in);
    }
    if (lower.endsWith(".geojson") || lower.endsWith(".json")) {
      // A JSON object read into a string field keeps its text: the geometry for the engine, the
      // properties as they were.
      Column features =
          functions.from_json(
              functions.col("value"),
              DataTypes.createStructType(
                  List.of(
                      DataTypes.createStructField(
                          "features",
                          DataTypes.createArrayType(
                              new StructType()
                                  .add("geometry", DataTypes.StringType)
                                  .add("properties", DataTypes.StringType)),
                          true))));
      return spark
          .read()
          .option("wholetext", true)
          .text(in)
          .select(functions.explode(features.getField("features")).as("f"))
          .select(
              functions.col("f.geometry").as("geometry"),
              functions.col("f.properties").as("properties"));
    }
    throw new IllegalArgumentException("--in " + in + ": not .parquet, .csv or .geojson; " + USAGE);
  }

  /**
   * The geometry column's kind, from its type and, for text, its first value.
   *
   * @return the geometry as GeoJSON text
   */
  private static Column geometry(ExtractSpec.Builder spec, Dataset<Row> input, String column) {
    String name = column != null ? column : "geometry";
    if (!List.of(input.columns()).contains(name)) {
      throw new IllegalArgumentException(
          "--geometry-column "
              + name
              + ": the input has no such column; its columns: "
              + String.join(", ", input.columns()));
    }
    Column asGeoJson =
        functions.udf(new GeoJsonText(name), DataTypes.StringType).apply(functions.col(name));
    if (input.schema().apply(name).dataType() instanceof BinaryType) {
      spec.wkbColumn(name);
      return asGeoJson;
    }
    List<Row> first =
        input.select(name).where(functions.col(name).isNotNull()).limit(1).collectAsList();
    boolean json = !first.isEmpty() && first.get(0).getString(0).stripLeading().startsWith("{");
    if (json) {
      spec.geoJsonColumn(name);
      return functions.col(name);
    }
    spec.wktColumn(name);
    return asGeoJson;
  }

  /** CSV holds no maps: the classes columns as JSON text. */
  private static Dataset<Row> mapsAsJson(Dataset<Row> out) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : out.schema().fields()) {
      Column c = functions.col(f.name());
      columns.add(f.dataType() instanceof MapType ? functions.to_json(c).as(f.name()) : c);
    }
    return out.select(columns.toArray(Column[]::new));
  }

  /** The command's arguments. */
  private static final class Arguments {
    String in;
    String out;
    String catalog;
    String geometry;
    String lon;
    String lat;
    String aggregation = "mean";
    PixelRule pixelRule = PixelRule.EXACT;
    boolean flat;
    int partitions;
    final List<String> datasets = new ArrayList<>();

    static Arguments parse(String[] args) {
      Arguments a = new Arguments();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (name.equals("--flat")) {
          a.flat = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value; " + USAGE);
        }
        String value = args[++i];
        switch (name) {
          case "--in" -> a.in = value;
          case "--out" -> a.out = value;
          case "--catalog" -> a.catalog = value;
          case "--geometry-column" -> a.geometry = value;
          case "--lon" -> a.lon = value;
          case "--lat" -> a.lat = value;
          case "--dataset" -> a.datasets.add(value);
          case "--aggregation" -> a.aggregation = value;
          case "--pixel-rule" -> a.pixelRule = pixelRule(value);
          case "--partitions" -> a.partitions = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
        }
      }
      if (a.in == null || a.out == null || a.datasets.isEmpty()) {
        throw new IllegalArgumentException("--in, --out and --dataset are required; " + USAGE);
      }
      String out = a.out.toLowerCase(Locale.ROOT);
      if (!out.endsWith(".parquet")
          && !out.endsWith(".csv")
          && !out.endsWith(".geojson")
          && !out.endsWith(".geojsonl")) {
        throw new IllegalArgumentException(
            "--out " + a.out + ": not .parquet, .csv, .geojson or .geojsonl; " + USAGE);
      }
      if ((a.lon == null) != (a.lat == null)) {
        throw new IllegalArgumentException("--lon and --lat go together; " + USAGE);
      }
      return a;
    }

    private static PixelRule pixelRule(String value) {
      for (PixelRule r : PixelRule.values()) {
        if (r.wireName().equals(value)) {
          return r;
        }
      }
      throw new IllegalArgumentException(
          "--pixel-rule " + value + ": not exact, center or all_touched; " + USAGE);
    }
  }
}
