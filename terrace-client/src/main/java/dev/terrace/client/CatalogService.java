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
}
