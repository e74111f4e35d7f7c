package dev.terrace.spark;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.ResultValue;
import dev.terrace.api.geojson.Point;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.api.java.UDF3;

/**
 * The SQL function {@code terrace_value(lon, lat, dataset)}: a dataset's value at a point (WGS 84,
 * any numeric columns or literals), null where it has none or the point is null. {@link
 * TerraceSpark#register} registers it; from PySpark, {@code
 * spark.udf.registerJavaFunction("terrace_value", "dev.terrace.spark.TerraceValue", DoubleType())},
 * its catalog then the file named by the Spark setting {@value #CATALOG} (the built-in samples
 * without it).
 */
public final class TerraceValue implements UDF3<Number, Number, String, Double> {

  private static final long serialVersionUID = 1L;

  /** The Spark setting naming the catalog file of the functions registered by class name. */
  public static final String CATALOG = "spark.terrace.catalog";

  private final String catalog;

  /** Over the catalog the Spark setting {@value #CATALOG} names, as PySpark registers it. */
  public TerraceValue() {
    this(configuredCatalog());
  }

  /**
   * @param catalog a catalog file every executor can read, or null for the built-in samples
   */
  public TerraceValue(String catalog) {
    this.catalog = catalog;
  }

  @Override
  public Double call(Number lon, Number lat, String dataset) {
    if (lon == null || lat == null || dataset == null) {
      return null;
    }
    List<ExtractResult> results =
        ExecutorEngines.engine(catalog)
            .extract(
                ExtractRequest.builder()
                    .geometry(Point.of(lon.doubleValue(), lat.doubleValue()))
                    .datasets(dataset)
                    .build())
            .results();
    return results.size() == 1 && results.get(0).value() instanceof ResultValue.Scalar s
        ? s.asDouble()
        : null;
  }

  /** The catalog the Spark setting names, read where the function is made: driver or executor. */
  static String configuredCatalog() {
    SparkEnv env = SparkEnv.get();
    return env == null ? null : env.conf().get(CATALOG, null);
  }
}
