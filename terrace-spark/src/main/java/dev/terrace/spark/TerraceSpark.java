package dev.terrace.spark;

import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.rows.TileKeys;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Terrace on Apache Spark: the embedded engine inside the executors, one per executor JVM, reading
 * the catalog's rasters for every row of a {@code Dataset<Row>}.
 *
 * <pre>{@code
 * Dataset<Row> parcels = spark.read().parquet("parcels.parquet");
 * Dataset<Row> values = TerraceSpark.extract(parcels, ExtractSpec.builder()
 *     .options(BatchExtractRequest.builder().datasets("lux:elevation").aggregation("mean").build())
 *     .wkbColumn("geom")
 *     .shape(ExtractSpec.Shape.FLAT)
 *     .build());
 * }</pre>
 *
 * <p>The work is planned, not thrown at rows one by one: each row is keyed by the block (tile) of
 * the first dataset its geometry falls in, the rows are partitioned by that key (every row of a
 * block in one partition; hashed, which needs no sampling pass over the rows) and sorted on it, and
 * each partition is extracted in that order, a request at a time, as {@code terrace batch} and jobs
 * extract their rows, so that an executor decodes each block about once. A polygon larger than a
 * block is read in parts, one per block it reaches, each with the block's other rows; the parts'
 * statistics (exactextract's mergeable accumulators, median and majority included) meet again by
 * the row's id and merge in block order into the answer the embedded engine gives, to the bit. A
 * row whose geometry cannot be read or evaluated gets its {@code error}, never a failed task; a
 * dataset that cannot be read gives {@code quality: missing}, as in the engine. The answers are the
 * engine's own, so a task Spark retries writes the same rows.
 */
public final class TerraceSpark {

  private TerraceSpark() {}

  /**
   * The input's rows with the results of the spec's datasets as columns (see {@link
   * ExtractSpec.Shape}).
   *
   * @param input any rows with a geometry, as the spec says where
   * @throws IllegalArgumentException if the spec names a column the input has not, or a result
   *     column the input has already
   * @throws dev.terrace.api.NotFoundException if a dataset is not in the catalog, which the driver
   *     opens too
   */
  public static Dataset<Row> extract(Dataset<Row> input, ExtractSpec spec) {
    Engine driver = ExecutorEngines.engine(spec.catalog());
    spec.options().datasetIds().forEach(driver::dataset);
    StructType schema = input.schema();
    new RowGeometry(spec, schema);
    ResultColumns columns = new ResultColumns(spec);
    StructType out = columns.schema(schema);
    StructType keyed = TileKeyedRows.schema(schema);
    int partitions = spec.partitions() > 0 ? spec.partitions() : input.rdd().getNumPartitions();
    Dataset<Row> byTile =
        input
            .mapPartitions(new TileKeyedRows(spec, schema), Encoders.row(keyed))
            .repartition(partitions, functions.col(TileKeyedRows.TILE))
            .sortWithinPartitions(TileKeyedRows.TILE);
    boolean inParts =
        spec.geometryKind() != ExtractSpec.GeometryKind.LON_LAT
            && TileKeys.of(driver.catalog(), spec.options()).splits();
    if (!inParts) {
      return byTile.mapPartitions(
          new PartitionExtraction(spec, keyed, columns, false), Encoders.row(out));
    }
    // The pieces of each polygon read in parts meet by the row's id, in block order.
    return byTile
        .mapPartitions(
            new PartitionExtraction(spec, keyed, columns, true),
            Encoders.row(PartitionExtraction.withPieces(out)))
        .repartition(partitions, functions.col(TileKeyedRows.ROW))
        .sortWithinPartitions(TileKeyedRows.ROW, PartitionExtraction.BLOCK)
        .mapPartitions(new PartsMerge(spec, columns, schema.size()), Encoders.row(out));
  }

  /**
   * Registers Terrace's SQL functions with a session, over a catalog every executor can read:
   *
   * <ul>
   *   <li>{@code terrace_value(lon, lat, dataset)}: the dataset's value at a point (WGS 84), a
   *       double, null where it has none;
   *   <li>{@code terrace_extract(geometry, dataset, aggregation)}: the {@link ResultColumns#RESULT}
   *       struct of a geometry given as WKT text or WKB bytes, with an {@code error} member, null
   *       unless the geometry could not be read or the dataset is a time series;
   *   <li>{@code terrace_extract_series(geometry, dataset, aggregation)}: the same, one struct per
   *       timestamp, in an array.
   * </ul>
   *
   * <p>They extract one row at a time; {@link #extract} plans the work by tile and is the one for
   * many rows. From PySpark, {@code spark.udf.registerJavaFunction} registers them too (see the
   * README).
   *
   * @param catalog a catalog file at the same path on every executor, or null for the built-in
   *     samples
   */
  public static void register(SparkSession spark, String catalog) {
    spark.udf().register("terrace_value", new TerraceValue(catalog), DataTypes.DoubleType);
    spark.udf().register("terrace_extract", new TerraceExtract(catalog), TerraceExtract.TYPE);
    spark
        .udf()
        .register(
            "terrace_extract_series", new TerraceExtractSeries(catalog), TerraceExtractSeries.TYPE);
  }
}
