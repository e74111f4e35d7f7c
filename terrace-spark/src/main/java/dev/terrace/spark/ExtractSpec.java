package dev.terrace.spark;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.engine.internal.json.StrictJson;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link TerraceSpark#extract} reads for each row of a {@code Dataset<Row>}: the options of
 * {@code extract.batch} (datasets, aggregation, pixel rule, time range, …, built with the SDK's
 * {@link BatchExtractRequest#builder()}), the catalog every executor opens, where each row's
 * geometry is, and the shape of the result columns.
 *
 * <pre>{@code
 * ExtractSpec spec = ExtractSpec.builder()
 *     .options(BatchExtractRequest.builder().datasets("lux:elevation").aggregation("mean").build())
 *     .catalog("/data/terrace/catalog.yaml")
 *     .wkbColumn("geom")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and serializable: Spark ships it to the executors with the work.
 */
public final class ExtractSpec implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How the results appear beside the input's columns. */
  public enum Shape {
    /**
     * One column per dataset, named after it ({@code lux:elevation} → {@code lux_elevation}), an
     * array of result structs (timestamp, value, classes, units, quality, coverage_fraction,
     * pixel_count), one per timestamp: one input row, one output row.
     */
    STRUCTS,
    /**
     * Flat columns per dataset, {@code lux_elevation_mean}, {@code lux_elevation_quality}, {@code
     * lux_elevation_coverage_fraction}, {@code lux_elevation_pixel_count} (and {@code
     * lux_elevation_classes} for a distribution or histogram), and one output row per timestamp of
     * the datasets' time series, named in a {@code timestamp} column: a static dataset's values
     * repeat on each.
     */
    FLAT
  }

  /** Where a row's geometry is. */
  enum GeometryKind {
    /** Well-known binary, as {@code ST_AsBinary} and GeoParquet give it. */
    WKB,
    /** Well-known text. */
    WKT,
    /** A GeoJSON geometry. */
    GEOJSON,
    /** Two numeric columns, longitude and latitude. */
    LON_LAT
  }

  private final String options;
  private final @Nullable String catalog;
  private final GeometryKind geometryKind;
  private final List<String> geometryColumns;
  private final Shape shape;
  private final int partitions;

  private ExtractSpec(Builder b) {
    if (b.options == null) {
      throw new IllegalArgumentException(
          "options are required: the datasets and aggregation, as BatchExtractRequest.builder()"
              + " builds them");
    }
    if (b.options.datasetIds().isEmpty()) {
      throw new IllegalArgumentException("options name no dataset: give at least one");
    }
    if (!b.options.geometries().isEmpty()) {
      throw new IllegalArgumentException(
          "options hold geometries: the rows give them; build the options without any");
    }
    if (b.geometryKind == null) {
      throw new IllegalArgumentException(
          "say where each row's geometry is: wkbColumn, wktColumn, geoJsonColumn or"
              + " lonLatColumns");
    }
    try {
      this.options = StrictJson.MAPPER.writeValueAsString(b.options);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    this.catalog = b.catalog;
    this.geometryKind = b.geometryKind;
    this.geometryColumns = List.copyOf(b.geometryColumns);
    this.shape = b.shape;
    this.partitions = b.partitions;
  }

  /**
   * @return a builder: options and a geometry column are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the {@code extract.batch} options, without geometries
   */
  public BatchExtractRequest options() {
    try {
      return StrictJson.MAPPER.readValue(options, BatchExtractRequest.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return the catalog file every executor opens, or null for the engine's built-in samples
   */
  public @Nullable String catalog() {
    return catalog;
  }

  public Shape shape() {
    return shape;
  }

  /**
   * @return how many partitions the rows are spread over by tile, 0 for as many as the input has
   */
  public int partitions() {
    return partitions;
  }

  GeometryKind geometryKind() {
    return geometryKind;
  }

  List<String> geometryColumns() {
    return geometryColumns;
  }

  /** Builds an {@link ExtractSpec}. */
  public static final class Builder {
    private BatchExtractRequest options;
    private String catalog;
    private GeometryKind geometryKind;
    private List<String> geometryColumns = List.of();
    private Shape shape = Shape.STRUCTS;
    private int partitions;

    private Builder() {}

    /**
     * @param options the {@code extract.batch} options: datasets, aggregation, pixel rule, time
     *     range, …; without geometries
     */
    public Builder options(BatchExtractRequest options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * @param path a catalog file (JSON or YAML) at the same path on every executor; unset for the
     *     engine's built-in samples
     */
    public Builder catalog(String path) {
      this.catalog = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Each row's geometry is the well-known binary in this column. */
    public Builder wkbColumn(String column) {
      return geometry(GeometryKind.WKB, column);
    }

    /** Each row's geometry is the well-known text in this column. */
    public Builder wktColumn(String column) {
      return geometry(GeometryKind.WKT, column);
    }

    /** Each row's geometry is the GeoJSON geometry in this column. */
    public Builder geoJsonColumn(String column) {
      return geometry(GeometryKind.GEOJSON, column);
    }

    /** Each row is a point at the longitude and latitude (WGS 84) in these numeric columns. */
    public Builder lonLatColumns(String lon, String lat) {
      return geometry(GeometryKind.LON_LAT, lon, lat);
    }

    /**
     * @param shape the result columns' shape; {@link Shape#STRUCTS} unless set
     */
    public Builder shape(Shape shape) {
      this.shape = Objects.requireNonNull(shape, "shape");
      return this;
    }

    /**
     * @param partitions how many partitions the rows are spread over by tile; the input's number
     *     unless set
     */
    public Builder partitions(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
      }
      this.partitions = partitions;
      return this;
    }

    private Builder geometry(GeometryKind kind, String... columns) {
      for (String c : columns) {
        Objects.requireNonNull(c, "column");
      }
      this.geometryKind = kind;
      this.geometryColumns = List.of(columns);
      return this;
    }

    /**
     * @throws IllegalArgumentException naming what is missing
     */
    public ExtractSpec build() {
      return new ExtractSpec(this);
    }
  }
}
