package dev.terrace.client;

/**
 * The catalog operations of a {@link TerraceClient}: {@link #providers()} and {@link #datasets()}.
 */
public final class CatalogService {

  private final TerraceClient client;

  CatalogService(TerraceClient client) {
    this.client = client;
  }

  /**
   * Operations {@code catalog.providers.list} and {@code catalog.providers.get}.
   *
   * @return the providers namespace
   */
  public ProviderService providers() {
    return new ProviderService(client);
  }

  /**
   * Operations {@code catalog.datasets.list} and {@code catalog.datasets.get}.
   *
   * @return the datasets namespace
   */
  public DatasetService datasets() {
    return new DatasetService(client);
  }

  /**
   * Operation {@code catalog.search} as a page that fetches the next ones: STAC API Item Search
   * over the catalog, where each dataset is a collection and each raster behind it an item.
   *
   * <pre>{@code
   * client.catalog().search(ItemSearchRequest.builder().collections("bcsd:pr").build())
   *     .autoPager().stream()
   *     .forEach(item -> System.out.println(item.id() + " " + item.datetime().orElseThrow()));
   * }</pre>
   *
   * @param request the filters, page size and order
   * @return the first page
   * @throws dev.terrace.api.InvalidRequestException naming a bad filter
   * @throws dev.terrace.api.TerraceException if the call fails otherwise
   */
  public SearchPage search(dev.terrace.api.ItemSearchRequest request) {
    return search(request, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.search} with settings for this call and the pages after it.
   *
   * @param request the filters, page size and order
   * @param options settings overriding the client's for these calls
   * @return the first page
   * @throws dev.terrace.api.TerraceException if the call fails
   */
  public SearchPage search(dev.terrace.api.ItemSearchRequest request, RequestOptions options) {
    return new SearchPage(
        client.search(request, options), request, next -> client.search(next, options));
  }
}
