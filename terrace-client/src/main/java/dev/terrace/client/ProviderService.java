package dev.terrace.client;

import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Provider;
import dev.terrace.api.TerraceException;

/**
 * Operations {@code catalog.providers.list} and {@code catalog.providers.get} of a {@link
 * TerraceClient}.
 */
public final class ProviderService {

  private final TerraceClient client;

  ProviderService(TerraceClient client) {
    this.client = client;
  }

  /**
   * The first page of providers at the default size (100).
   *
   * @return the page, which fetches the next ones
   * @throws TerraceException if the call fails
   */
  public CatalogPage<Provider> list() {
    return list(ListProvidersRequest.FIRST_PAGE);
  }

  /**
   * A page of providers, without their datasets.
   *
   * @param request the page to return
   * @return the page, which fetches the next ones
   * @throws TerraceException if the call fails
   */
  public CatalogPage<Provider> list(ListProvidersRequest request) {
    return list(request, RequestOptions.none());
  }

  /**
   * A page of providers, with settings for this call and the next pages'.
   *
   * @param request the page to return
   * @param options settings overriding the client's
   * @return the page, which fetches the next ones
   * @throws TerraceException if the call fails
   */
  public CatalogPage<Provider> list(ListProvidersRequest request, RequestOptions options) {
    return new CatalogPage<>(
        client.providers(request, options),
        offset -> client.providers(request.withOffset(offset), options));
  }

  /**
   * One provider with its datasets.
   *
   * @param slug the provider's slug
   * @return the provider
   * @throws NotFoundException for an unknown slug
   * @throws TerraceException if the call fails otherwise
   */
  public Provider get(String slug) {
    return client.provider(slug);
  }

  /**
   * One provider with its datasets, with settings for this call.
   *
   * @param slug the provider's slug
   * @param options settings overriding the client's
   * @return the provider
   * @throws NotFoundException for an unknown slug
   * @throws TerraceException if the call fails otherwise
   */
  public Provider get(String slug, RequestOptions options) {
    return client.provider(slug, options);
  }
}
