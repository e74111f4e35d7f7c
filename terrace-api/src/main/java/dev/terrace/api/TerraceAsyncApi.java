package dev.terrace.api;

import java.util.concurrent.CompletableFuture;

/**
 * The Terrace API, asynchronous: the methods of {@link TerraceApi}, same names and parameters, each
 * returning a {@link CompletableFuture} of the blocking method's result.
 *
 * <p><b>Errors.</b> Methods do not throw for failures of the operation: the future completes
 * exceptionally with the {@link TerraceException} the blocking method would have thrown, of the
 * same class in-process and over HTTP ({@link CompletableFuture#join()} wraps it in a {@link
 * java.util.concurrent.CompletionException}, {@link CompletableFuture#get()} in an {@link
 * java.util.concurrent.ExecutionException}, whose {@code getCause()} is it). See {@link TerraceApi}
 * for which failures each operation reports.
 */
public interface TerraceAsyncApi {

  /**
   * Operation {@code extract}; see {@link TerraceApi#extract(ExtractRequest)}.
   *
   * @param request the geometry, datasets and options
   * @return a future of one result per dataset, completed exceptionally on failure
   */
  CompletableFuture<ExtractResponse> extract(ExtractRequest request);

  /**
   * Operation {@code extract.batch}; see {@link TerraceApi#batchExtract(BatchExtractRequest)}.
   *
   * @param request the geometries, datasets and options
   * @return a future of one response per geometry in input order, completed exceptionally on
   *     failure
   */
  CompletableFuture<BatchExtractResponse> batchExtract(BatchExtractRequest request);

  /**
   * Operation {@code extract.estimate}; see {@link TerraceApi#estimate(EstimateRequest)}.
   *
   * @param request the body of the operation to estimate
   * @return a future of the estimate, completed exceptionally on failure
   */
  CompletableFuture<Estimate> estimate(EstimateRequest request);

  /**
   * Operation {@code catalog.providers.list}; see {@link
   * TerraceApi#providers(ListProvidersRequest)}.
   *
   * @param request the page to return
   * @return a future of the page, completed exceptionally on failure
   */
  CompletableFuture<ProviderPage> providers(ListProvidersRequest request);

  /**
   * Operation {@code catalog.providers.list} for the first page at the default size; see {@link
   * TerraceApi#providers()}.
   *
   * @return a future of the first page, completed exceptionally on failure
   */
  default CompletableFuture<ProviderPage> providers() {
    return providers(ListProvidersRequest.FIRST_PAGE);
  }

  /**
   * Operation {@code catalog.providers.get}; see {@link TerraceApi#provider(String)}.
   *
   * @param slug the provider's slug
   * @return a future of the provider with its datasets, completed exceptionally on failure ({@code
   *     not_found} for an unknown slug)
   */
  CompletableFuture<Provider> provider(String slug);

  /**
   * Operation {@code catalog.datasets.list}; see {@link TerraceApi#datasets(ListDatasetsRequest)}.
   *
   * @param request the provider filter and the page to return
   * @return a future of the page, completed exceptionally on failure
   */
  CompletableFuture<DatasetPage> datasets(ListDatasetsRequest request);

  /**
   * Operation {@code catalog.datasets.list} for the first page of all datasets; see {@link
   * TerraceApi#datasets()}.
   *
   * @return a future of the first page, completed exceptionally on failure
   */
  default CompletableFuture<DatasetPage> datasets() {
    return datasets(ListDatasetsRequest.FIRST_PAGE);
  }

  /**
   * Operation {@code catalog.datasets.get}; see {@link TerraceApi#dataset(String)}.
   *
   * @param id the dataset's id, {@code provider:name}
   * @return a future of the dataset, completed exceptionally on failure ({@code not_found} for an
   *     unknown id)
   */
  CompletableFuture<Dataset> dataset(String id);

  /**
   * Operation {@code catalog.search}, asynchronous: see {@link TerraceApi#search}.
   *
   * @param request the filters, page size and order
   * @return a future of the page, completed exceptionally on failure ({@code validation_error}
   *     naming the bad filter)
   */
  CompletableFuture<ItemCollection> search(ItemSearchRequest request);

  /**
   * The jobs, asynchronous.
   *
   * @return the jobs of this door
   * @see TerraceApi#jobs()
   */
  JobsAsyncApi jobs();
}
