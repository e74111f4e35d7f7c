package dev.terrace.spark;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.JtsGeometries;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.locationtech.jts.io.ParseException;

/**
 * The SQL function {@code terrace_extract(geometry, dataset, aggregation)}: a geometry's result,
 * the geometry as WKT text or WKB bytes (WGS 84), as a struct ({@link #TYPE}): the {@link
 * ResultColumns#RESULT} members and an {@code error}, null unless the geometry cannot be read or
 * evaluated, or the dataset is a time series, whose timestamps {@link TerraceExtractSeries} gives.
 * {@link TerraceSpark#register} registers it; from PySpark, {@code
 * spark.udf.registerJavaFunction("terrace_extract", "dev.terrace.spark.TerraceExtract")}, its
 * catalog then the file named by the Spark setting {@value TerraceValue#CATALOG}.
 */
public final class TerraceExtract implements UDF3<Object, String, String, Row> {

  private static final long serialVersionUID = 1L;

  /** What the function returns. */
  public static final StructType TYPE =
      ResultColumns.RESULT.add("error", DataTypes.StringType, true);

  private final String catalog;

  /** Over the catalog the Spark setting {@value TerraceValue#CATALOG} names. */
  public TerraceExtract() {
    this(TerraceValue.configuredCatalog());
  }

  /**
   * @param catalog a catalog file every executor can read, or null for the built-in samples
   */
  public TerraceExtract(String catalog) {
    this.catalog = catalog;
  }

  @Override
  public Row call(Object geometry, String dataset, String aggregation) {
    if (geometry == null || dataset == null) {
      return null;
    }
    Extraction.Outcome o = outcome(catalog, geometry, dataset, aggregation);
    if (o.response() == null) {
      return row(null, o.error());
    }
    List<ExtractResult> results = o.response().results();
    return results.size() == 1
        ? row(results.get(0), null)
        : row(
            null,
            dataset
                + " has "
                + results.size()
                + " timestamps: read them with terrace_extract_series or TerraceSpark.extract");
  }

  /**
   * @return a geometry's outcome from a dataset, or why it has none
   */
  static Extraction.Outcome outcome(
      String catalog, Object geometry, String dataset, String aggregation) {
    dev.terrace.api.geojson.Geometry g;
    try {
      g = JtsGeometries.toRecord(RowGeometry.wkbOrWkt(geometry), "geometry");
    } catch (ParseException | IllegalArgumentException e) {
      return new Extraction.Outcome(null, "geometry is not valid WKT or WKB: " + e.getMessage());
    }
    BatchExtractRequest request =
        BatchExtractRequest.builder()
            .datasets(dataset)
            .aggregation(aggregation == null ? "mean" : aggregation)
            .build();
    return Extraction.run(ExecutorEngines.engine(catalog), request::withGeometries, List.of(g), 1)
        .get(0);
  }

  /**
   * @return a {@link #TYPE} row: the result's members, or nulls, and the error
   */
  static Row row(ExtractResult result, String error) {
    Object[] values = new Object[TYPE.size()];
    if (result != null) {
      Row r = ResultColumns.struct(result);
      for (int i = 0; i < r.size(); i++) {
        values[i] = r.get(i);
      }
    }
    values[values.length - 1] = error;
    return RowFactory.create(values);
  }
}
