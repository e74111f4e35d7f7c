package dev.terrace.client;

import dev.terrace.api.Dataset;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.NotFoundException;
import java.util.concurrent.CompletableFuture;

/**
 * Operations {@code catalog.datasets.list} and {@code catalog.datasets.get} of a {@link
 * TerraceAsyncClient}. The twin of {@link DatasetService}.
 */
public final class DatasetServiceAsync {

  private final TerraceAsyncClient client;

  DatasetServiceAsync(TerraceAsyncClient client) {
    this.client = client;
  }

  /**
   * The first page of datasets at the default size (100).
   *
   * @return a future of the page, which fetches the next ones
   */
  public CompletableFuture<CatalogPageAsync<Dataset>> list() {
    return list(ListDatasetsRequest.FIRST_PAGE);
  }

  /**
   * A page of datasets, across all providers or one provider's.
   *
   * @param request the provider filter and the page to return
   * @return a future of the page, which fetches the next ones
   */
  public CompletableFuture<CatalogPageAsync<Dataset>> list(ListDatasetsRequest request) {
    return list(request, RequestOptions.none());
  }

  /**
   * A page of datasets, with settings for this call and the next pages'.
   *
   * @param request the provider filter and the page to return
   * @param options settings overriding the client's
   * @return a future of the page, which fetches the next ones
   */
  public CompletableFuture<CatalogPageAsync<Dataset>> list(
      ListDatasetsRequest request, RequestOptions options) {
    return CatalogPageAsync.fetch(
        request.offset(),
        offset -> client.datasets(request.withOffset(offset), options),
        client.executor());
  }

  /**
   * One dataset.
   *
   * @param id the dataset's id, {@code provider:name}
   * @return a future of the dataset; a {@link NotFoundException} for an unknown id
   */
  public CompletableFuture<Dataset> get(String id) {
    return client.dataset(id);
  }

  /**
   * One dataset, with settings for this call.
   *
   * @param id the dataset's id, {@code provider:name}
   * @param options settings overriding the client's
   * @return a future of the dataset; a {@link NotFoundException} for an unknown id
   */
  public CompletableFuture<Dataset> get(String id, RequestOptions options) {
    return client.dataset(id, options);
  }
}
