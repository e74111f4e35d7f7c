package dev.terrace.client;

import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Provider;
import java.util.concurrent.CompletableFuture;

/**
 * Operations {@code catalog.providers.list} and {@code catalog.providers.get} of a {@link
 * TerraceAsyncClient}. The twin of {@link ProviderService}.
 */
public final class ProviderServiceAsync {

  private final TerraceAsyncClient client;

  ProviderServiceAsync(TerraceAsyncClient client) {
    this.client = client;
  }

  /**
   * The first page of providers at the default size (100).
   *
   * @return a future of the page, which fetches the next ones
   */
  public CompletableFuture<CatalogPageAsync<Provider>> list() {
    return list(ListProvidersRequest.FIRST_PAGE);
  }

  /**
   * A page of providers, without their datasets.
   *
   * @param request the page to return
   * @return a future of the page, which fetches the next ones
   */
  public CompletableFuture<CatalogPageAsync<Provider>> list(ListProvidersRequest request) {
    return list(request, RequestOptions.none());
  }

  /**
   * A page of providers, with settings for this call and the next pages'.
   *
   * @param request the page to return
   * @param options settings overriding the client's
   * @return a future of the page, which fetches the next ones
   */
  public CompletableFuture<CatalogPageAsync<Provider>> list(
      ListProvidersRequest request, RequestOptions options) {
    return CatalogPageAsync.fetch(
        request.offset(),
        offset -> client.providers(request.withOffset(offset), options),
        client.executor());
  }

  /**
   * One provider with its datasets.
   *
   * @param slug the provider's slug
   * @return a future of the provider; a {@link NotFoundException} for an unknown slug
   */
  public CompletableFuture<Provider> get(String slug) {
    return client.provider(slug);
  }

  /**
   * One provider with its datasets, with settings for this call.
   *
   * @param slug the provider's slug
   * @param options settings overriding the client's
   * @return a future of the provider; a {@link NotFoundException} for an unknown slug
   */
  public CompletableFuture<Provider> get(String slug, RequestOptions options) {
    return client.provider(slug, options);
  }
}
