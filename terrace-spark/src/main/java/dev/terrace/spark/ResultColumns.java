package dev.terrace.spark;

import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.ResultValue;
import dev.terrace.engine.internal.rows.Extraction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The result columns an {@link ExtractSpec} adds to the input's, and their values for one row's
 * outcome: in {@link ExtractSpec.Shape#STRUCTS} an array of {@link #RESULT} structs per dataset, in
 * {@link ExtractSpec.Shape#FLAT} flat columns per dataset and a row per timestamp; either way an
 * {@code error} column, null unless the row failed.
 */
final class ResultColumns implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One result: a dataset at one timestamp (null for a static dataset). */
  static final StructType RESULT =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("timestamp", DataTypes.StringType, true),
            DataTypes.createStructField("value", DataTypes.DoubleType, true),
            DataTypes.createStructField(
                "classes",
                DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType),
                true),
            DataTypes.createStructField("units", DataTypes.StringType, true),
            DataTypes.createStructField("quality", DataTypes.StringType, true),
            DataTypes.createStructField("coverage_fraction", DataTypes.DoubleType, true),
            DataTypes.createStructField("pixel_count", DataTypes.LongType, true)
          });

  private final List<String> datasets;
  private final ExtractSpec.Shape shape;
  private final String statistic;

  ResultColumns(ExtractSpec spec) {
    this.datasets = spec.options().datasetIds();
    this.shape = spec.shape();
    this.statistic = name(spec.options().aggregation().toString());
  }

  /**
   * @return a column name made of a dataset id or a statistic: {@code lux:elevation} → {@code
   *     lux_elevation}, {@code percentile:90} → {@code percentile_90}
   */
  static String name(String id) {
    return id.replaceAll("[^A-Za-z0-9]+", "_");
  }

  /**
   * @param input the input's columns, which the results follow
   * @throws IllegalArgumentException if a result column's name is already an input column's
   */
  StructType schema(StructType input) {
    List<StructField> fields = new ArrayList<>(Arrays.asList(input.fields()));
    if (shape == ExtractSpec.Shape.FLAT) {
      fields.add(DataTypes.createStructField("timestamp", DataTypes.StringType, true));
    }
    for (String d : datasets) {
      String column = name(d);
      if (shape == ExtractSpec.Shape.STRUCTS) {
        fields.add(DataTypes.createStructField(column, DataTypes.createArrayType(RESULT), true));
        continue;
      }
      fields.add(DataTypes.createStructField(column + "_" + statistic, DataTypes.DoubleType, true));
      fields.add(
          DataTypes.createStructField(
              column + "_classes",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType),
              true));
      fields.add(DataTypes.createStructField(column + "_units", DataTypes.StringType, true));
      fields.add(DataTypes.createStructField(column + "_quality", DataTypes.StringType, true));
      fields.add(
          DataTypes.createStructField(column + "_coverage_fraction", DataTypes.DoubleType, true));
      fields.add(DataTypes.createStructField(column + "_pixel_count", DataTypes.LongType, true));
    }
    fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
    List<String> names = new ArrayList<>();
    for (StructField f : fields) {
      if (names.contains(f.name())) {
        throw new IllegalArgumentException(
            "the input has a column "
                + f.name()
                + ", which the results would write: rename it first");
      }
      names.add(f.name());
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  /**
   * @return how many result columns there are
   */
  int width() {
    return shape == ExtractSpec.Shape.STRUCTS ? datasets.size() + 1 : 2 + 6 * datasets.size();
  }

  /**
   * @return the result columns' values for a row's outcome: one array of values for {@link
   *     ExtractSpec.Shape#STRUCTS}, one per timestamp for {@link ExtractSpec.Shape#FLAT}
   */
  List<Object[]> values(Extraction.Outcome outcome) {
    ExtractResponse response = outcome.response();
    int width = width();
    if (response == null) {
      Object[] failed = new Object[width];
      failed[width - 1] = outcome.error();
      return List.<Object[]>of(failed);
    }
    Map<String, List<ExtractResult>> byDataset = new HashMap<>();
    for (ExtractResult r : response.results()) {
      byDataset.computeIfAbsent(r.datasetId(), k -> new ArrayList<>()).add(r);
    }
    if (shape == ExtractSpec.Shape.STRUCTS) {
      Object[] out = new Object[width];
      for (int d = 0; d < datasets.size(); d++) {
        List<Row> entries = new ArrayList<>();
        for (ExtractResult r : byDataset.getOrDefault(datasets.get(d), List.of())) {
          entries.add(struct(r));
        }
        out[d] = CollectionConverters.asScala(entries).toSeq();
      }
      return List.<Object[]>of(out);
    }
    TreeSet<String> timestamps = new TreeSet<>();
    response.results().stream()
        .filter(r -> r.timestamp() != null)
        .forEach(r -> timestamps.add(r.timestamp()));
    List<String> rows =
        timestamps.isEmpty() ? java.util.Collections.singletonList(null) : List.copyOf(timestamps);
    List<Object[]> out = new ArrayList<>(rows.size());
    for (String t : rows) {
      Object[] values = new Object[width];
      values[0] = t;
      for (int d = 0; d < datasets.size(); d++) {
        ExtractResult r = at(byDataset.getOrDefault(datasets.get(d), List.of()), t);
        if (r != null) {
          values[1 + 6 * d] = value(r.value());
          values[2 + 6 * d] = classes(r.value());
          values[3 + 6 * d] = r.units();
          values[4 + 6 * d] = r.quality().wireName();
          values[5 + 6 * d] = r.coverageFraction();
          values[6 + 6 * d] = r.pixelCount();
        }
      }
      out.add(values);
    }
    return out;
  }

  /** A dataset's result at a timestamp: its only one when it is static. */
  private static ExtractResult at(List<ExtractResult> results, String timestamp) {
    for (ExtractResult r : results) {
      if (r.timestamp() == null || r.timestamp().equals(timestamp)) {
        return r;
      }
    }
    return null;
  }

  static Row struct(ExtractResult r) {
    return RowFactory.create(
        r.timestamp(),
        value(r.value()),
        classes(r.value()),
        r.units(),
        r.quality().wireName(),
        r.coverageFraction(),
        r.pixelCount());
  }

  private static Double value(ResultValue v) {
    return v instanceof ResultValue.Scalar s ? s.asDouble() : null;
  }

  private static scala.collection.Map<String, Double> classes(ResultValue v) {
    Map<String, Double> classes =
        switch (v) {
          case ResultValue.Distribution d -> d.fractions();
          case ResultValue.Histogram h -> h.counts();
          case null, default -> null;
        };
    return classes == null ? null : CollectionConverters.asScala(classes);
  }
}
