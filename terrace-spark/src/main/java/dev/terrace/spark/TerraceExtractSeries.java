package dev.terrace.spark;

import dev.terrace.api.ExtractResult;
import dev.terrace.engine.internal.rows.Extraction;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The SQL function {@code terrace_extract_series(geometry, dataset, aggregation)}: every
 * timestamp's result of a geometry (WKT text or WKB bytes, WGS 84), an array of {@link
 * TerraceExtract#TYPE} structs in time order — one for a static dataset; one with its {@code error}
 * when the geometry cannot be read or evaluated. {@link TerraceSpark#register} registers it; from
 * PySpark, {@code spark.udf.registerJavaFunction("terrace_extract_series",
 * "dev.terrace.spark.TerraceExtractSeries")}, its catalog then the file named by the Spark setting
 * {@value TerraceValue#CATALOG}.
 */
public final class TerraceExtractSeries implements UDF3<Object, String, String, Seq<Row>> {

  private static final long serialVersionUID = 1L;

  /** What the function returns. */
  public static final ArrayType TYPE = DataTypes.createArrayType(TerraceExtract.TYPE);

  private final String catalog;

  /** Over the catalog the Spark setting {@value TerraceValue#CATALOG} names. */
  public TerraceExtractSeries() {
    this(TerraceValue.configuredCatalog());
  }

  /**
   * @param catalog a catalog file every executor can read, or null for the built-in samples
   */
  public TerraceExtractSeries(String catalog) {
    this.catalog = catalog;
  }

  @Override
  public Seq<Row> call(Object geometry, String dataset, String aggregation) {
    if (geometry == null || dataset == null) {
      return null;
    }
    Extraction.Outcome o = TerraceExtract.outcome(catalog, geometry, dataset, aggregation);
    List<Row> rows = new ArrayList<>();
    if (o.response() == null) {
      rows.add(TerraceExtract.row(null, o.error()));
    } else {
      for (ExtractResult r : o.response().results()) {
        rows.add(TerraceExtract.row(r, null));
      }
    }
    return CollectionConverters.asScala(rows).toList();
  }
}
