package dev.terrace.client;

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
}
