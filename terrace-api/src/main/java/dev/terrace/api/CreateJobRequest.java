package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Geometry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code jobs.create} request: the options of {@code extract.batch}, at the top level of the
 * body as in {@link BatchExtractRequest}, and an input of up to {@value #MAX_ROWS} rows.
 *
 * <p>The input is either inline, as {@code features} (each feature's properties carried to its row
 * of the results) or as the options' {@code geometries}, or streamed as the request body in one of
 * the {@link JobInputFormat}s, the options then in the query string ({@code
 * ?dataset_ids=lux:elevation&aggregation=mean}).
 *
 * @param options the datasets and options, as for {@code extract.batch}; its {@code geometries} are
 *     the inline input when {@code features} is empty
 * @param features the inline input as GeoJSON features; an unmodifiable copy, empty when null
 * @param layer the table of a GeoPackage input that holds several, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateJobRequest(
    @JsonUnwrapped BatchExtractRequest options,
    @JsonProperty("features") List<Feature> features,
    @JsonProperty("layer") @Nullable String layer) {

  /** The most rows a job's input may hold. */
  public static final long MAX_ROWS = 10_000_000L;

  /**
   * Copies the features.
   *
   * @param options the options; an empty {@code extract.batch} request when null
   * @param features the inline features, or null for none
   * @param layer the GeoPackage table, or null
   */
  public CreateJobRequest {
    options = options == null ? BatchExtractRequest.of(List.of()) : options;
    features = Wire.copyOrEmpty(features);
  }

  /**
   * A job over inline features, with the options of a batch request (whose own geometries are
   * ignored).
   *
   * @param options the datasets and options
   * @param features the input rows
   * @return the request
   */
  public static CreateJobRequest of(BatchExtractRequest options, List<Feature> features) {
    return new CreateJobRequest(options.withGeometries(List.of()), features, null);
  }

  /**
   * A job whose input is streamed ({@link JobsApi#create(CreateJobRequest, JobInput)}), with the
   * options of a batch request.
   *
   * @param options the datasets and options; its geometries are ignored
   * @return the request
   */
  public static CreateJobRequest streamed(BatchExtractRequest options) {
    return new CreateJobRequest(options.withGeometries(List.of()), List.of(), null);
  }

  /**
   * The inline input: the features, or else the options' geometries.
   *
   * @return the rows, features keeping their properties
   */
  public List<? extends Geometry> inlineRows() {
    return features.isEmpty() ? options.geometries() : features;
  }
}
