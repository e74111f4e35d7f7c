package dev.terrace.client;

import dev.terrace.api.ItemSearchRequest;
import java.util.concurrent.CompletableFuture;

/**
 * The catalog operations of a {@link TerraceAsyncClient}: {@link #providers()} and {@link
 * #datasets()}. The twin of {@link CatalogService}.
 */
public final class CatalogServiceAsync {

  private final TerraceAsyncClient client;

  CatalogServiceAsync(TerraceAsyncClient client) {
    this.client = client;
  }

  /**
   * Operations {@code catalog.providers.list} and {@code catalog.providers.get}.
   *
   * @return the providers namespace
   */
  public ProviderServiceAsync providers() {
    return new ProviderServiceAsync(client);
  }

  /**
   * Operations {@code catalog.datasets.list} and {@code catalog.datasets.get}.
   *
   * @return the datasets namespace
   */
  public DatasetServiceAsync datasets() {
    return new DatasetServiceAsync(client);
  }

  /**
   * Operation {@code catalog.search} as a page that fetches the next ones: see {@link
   * CatalogService#search}.
   *
   * @param request the filters, page size and order
   * @return a future of the first page
   */
  public CompletableFuture<SearchPageAsync> search(ItemSearchRequest request) {
    return search(request, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.search} with settings for this call and the pages after it.
   *
   * @param request the filters, page size and order
   * @param options settings overriding the client's for these calls
   * @return a future of the first page
   */
  public CompletableFuture<SearchPageAsync> search(
      ItemSearchRequest request, RequestOptions options) {
    return SearchPageAsync.fetch(request, next -> client.search(next, options), client.executor());
  }
}
