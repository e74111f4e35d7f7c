package dev.terrace.engine.internal.catalog;

import java.util.List;
import java.util.Map;

/**
 * The catalog file as written (README, "Extracting values in-process"), before validation. Field
 * names are the snake_case of the file; unknown fields are errors so that a typo does not silently
 * drop a setting.
 */
record CatalogFile(List<ProviderEntry> providers) {

  record ProviderEntry(
      String slug,
      String name,
      String protocol,
      String baseUrl,
      String license,
      String citation,
      String description,
      StorageEntry storage,
      List<DatasetEntry> datasets) {}

  /**
   * How the provider's {@code s3://} and {@code gs://} objects are reached; see {@link
   * dev.terrace.engine.internal.io.ObjectStorage}.
   */
  record StorageEntry(
      String endpoint,
      String region,
      Boolean anonymous,
      Boolean requesterPays,
      Boolean pathStyle,
      String profile,
      String accessKeyId,
      String secretAccessKey,
      String sessionToken) {}

  record DatasetEntry(
      String name,
      String path,
      String url,
      String urlTemplate,
      Double tileDegrees,
      String tileIndex,
      Integer band,
      String variable,
      String units,
      String dataType,
      Double nodata,
      List<Double> validRange,
      Double resolutionM,
      String crs,
      String description,
      Map<String, String> classes,
      List<TimeStepEntry> timeSteps,
      Boolean sidecars,
      StacEntry stac) {}

  /**
   * STAC items read as a dataset: where a static catalog's root document is, or the root of a STAC
   * API to search; the collection read (every item of a static catalog when null); and the key of
   * the asset read from each item.
   */
  record StacEntry(String catalog, String api, String collection, String asset) {}

  /** One file of a stack of COGs: its timestamp and where it is. */
  record TimeStepEntry(String time, String path, String url) {}
}
