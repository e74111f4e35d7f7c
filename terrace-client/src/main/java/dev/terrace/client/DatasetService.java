package dev.terrace.client;

import dev.terrace.api.Dataset;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.TerraceException;

/**
 * Operations {@code catalog.datasets.list} and {@code catalog.datasets.get} of a {@link
 * TerraceClient}.
 */
public final class DatasetService {

  private final TerraceClient client;

  DatasetService(TerraceClient client) {
    this.client = client;
  }

  /**
   * The first page of datasets at the default size (100).
   *
   * @return the page, which fetches the next ones
   * @throws TerraceException if the call fails
   */
  public CatalogPage<Dataset> list() {
    return list(ListDatasetsRequest.FIRST_PAGE);
  }

  /**
   * A page of datasets, across all providers or one provider's.
   *
   * @param request the provider filter and the page to return
   * @return the page, which fetches the next ones
   * @throws TerraceException if the call fails
   */
  public CatalogPage<Dataset> list(ListDatasetsRequest request) {
    return list(request, RequestOptions.none());
  }

  /**
   * A page of datasets, with settings for this call and the next pages'.
   *
   * @param request the provider filter and the page to return
   * @param options settings overriding the client's
   * @return the page, which fetches the next ones
   * @throws TerraceException if the call fails
   */
  public CatalogPage<Dataset> list(ListDatasetsRequest request, RequestOptions options) {
    return new CatalogPage<>(
        client.datasets(request, options),
        offset -> client.datasets(request.withOffset(offset), options));
  }

  /**
   * One dataset.
   *
   * @param id the dataset's id, {@code provider:name}
   * @return the dataset
   * @throws NotFoundException for an unknown id
   * @throws TerraceException if the call fails otherwise
   */
  public Dataset get(String id) {
    return client.dataset(id);
  }

  /**
   * One dataset, with settings for this call.
   *
   * @param id the dataset's id, {@code provider:name}
   * @param options settings overriding the client's
   * @return the dataset
   * @throws NotFoundException for an unknown id
   * @throws TerraceException if the call fails otherwise
   */
  public Dataset get(String id, RequestOptions options) {
    return client.dataset(id, options);
  }
}
