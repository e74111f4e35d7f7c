package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A data provider of the catalog: a source of one or more datasets reached the same way.
 *
 * <p>{@code catalog.providers.list} returns providers without their datasets ({@code datasets} null
 * and omitted); {@code catalog.providers.get} returns one with its datasets.
 *
 * @param slug the provider's short id, the {@code provider} part of dataset ids
 * @param name a human-readable name
 * @param protocol how its rasters are reached
 * @param baseUrl where its rasters live (a URL or a folder), or null
 * @param license the data's license, for example {@code "CC-BY-4.0"}, or null
 * @param citation how to cite the data, or null
 * @param description what the provider offers, or null
 * @param datasetCount the number of datasets it has
 * @param datasets its datasets when the provider was fetched on its own, otherwise null; an
 *     unmodifiable copy
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Provider(
    @JsonProperty("slug") String slug,
    @JsonProperty("name") String name,
    @JsonProperty("protocol") Protocol protocol,
    @JsonProperty("base_url") @Nullable String baseUrl,
    @JsonProperty("license") @Nullable String license,
    @JsonProperty("citation") @Nullable String citation,
    @JsonProperty("description") @Nullable String description,
    @JsonProperty("dataset_count") int datasetCount,
    @JsonProperty("datasets") @Nullable List<Dataset> datasets) {

  /**
   * Copies the datasets.
   *
   * @param slug the slug
   * @param name the name
   * @param protocol the protocol
   * @param baseUrl the base URL, or null
   * @param license the license, or null
   * @param citation the citation, or null
   * @param description the description, or null
   * @param datasetCount the number of datasets
   * @param datasets the datasets, or null when not included
   */
  public Provider {
    datasets = Wire.copy(datasets);
  }

  /**
   * This provider with its datasets included, {@code dataset_count} set to their number.
   *
   * @param datasets the provider's datasets
   * @return a copy including {@code datasets}
   */
  public Provider withDatasets(List<Dataset> datasets) {
    return new Provider(
        slug, name, protocol, baseUrl, license, citation, description, datasets.size(), datasets);
  }

  /**
   * This provider without its datasets, as {@code catalog.providers.list} returns it.
   *
   * @return a copy with {@code datasets} null ({@code dataset_count} kept)
   */
  public Provider withoutDatasets() {
    return new Provider(
        slug, name, protocol, baseUrl, license, citation, description, datasetCount, null);
  }
}
