package dev.terrace.engine.internal.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A provider of a catalog and its datasets, in file order.
 *
 * @param slug the identifier, the part of dataset ids before the colon
 * @param name a human name
 * @param protocol how its data is stored: {@code cog}, {@code cog_tiles} or {@code netcdf}
 * @param baseUrl where its files live, if it says
 * @param license the data licence, if it says
 * @param citation how to cite the data, if it says
 * @param description a description, if it has one
 * @param datasets its datasets
 */
public record CatalogProvider(
    String slug,
    String name,
    String protocol,
    Optional<String> baseUrl,
    Optional<String> license,
    Optional<String> citation,
    Optional<String> description,
    List<CatalogDataset> datasets) {

  /** Copies the dataset list. */
  public CatalogProvider {
    datasets = List.copyOf(datasets);
  }
}
