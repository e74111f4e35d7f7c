package dev.terrace.client;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.Dataset;
import dev.terrace.api.DatasetPage;
import dev.terrace.api.Estimate;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.GetDatasetRequest;
import dev.terrace.api.GetProviderRequest;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.Operation;
import dev.terrace.api.Provider;
import dev.terrace.api.ProviderPage;
import dev.terrace.api.TerraceException;

/**
 * The view of a {@link TerraceClient} whose methods return each {@link RawResponse} (status,
 * headers, request id, rate-limit state, body, parsed value or problem) whatever its status, after
 * the same retries; they throw only when no response came ({@link ApiConnectionException}, {@link
 * ApiTimeoutException}). From {@link TerraceClient#withRawResponse()}.
 *
 * <pre>{@code
 * RawResponse<ExtractResponse> raw = client.withRawResponse().extract(request);
 * System.out.println(raw.statusCode() + " " + raw.requestId().orElse("-") + " " + raw.rateLimit());
 * }</pre>
 */
public final class RawResponseClient {

  private final Pipeline pipeline;
  private final RequestOptions defaults;

  RawResponseClient(Pipeline pipeline, RequestOptions defaults) {
    this.pipeline = pipeline;
    this.defaults = defaults;
  }

  /**
   * Operation {@code extract}, its response as it came.
   *
   * @param request the geometry, datasets and options
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<ExtractResponse> extract(ExtractRequest request) {
    return extract(request, RequestOptions.none());
  }

  /**
   * Operation {@code extract} with settings for this call, its response as it came.
   *
   * @param request the geometry, datasets and options
   * @param options settings overriding the client's for this call
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<ExtractResponse> extract(ExtractRequest request, RequestOptions options) {
    return call(Operation.EXTRACT.operationName(), request, ExtractResponse.class, options);
  }

  /**
   * Operation {@code extract.batch}, its response as it came.
   *
   * @param request up to 1000 geometries, the datasets and options
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<BatchExtractResponse> batchExtract(BatchExtractRequest request) {
    return batchExtract(request, RequestOptions.none());
  }

  /**
   * Operation {@code extract.batch} with settings for this call, its response as it came.
   *
   * @param request up to 1000 geometries, the datasets and options
   * @param options settings overriding the client's for this call
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<BatchExtractResponse> batchExtract(
      BatchExtractRequest request, RequestOptions options) {
    return call(
        Operation.EXTRACT_BATCH.operationName(), request, BatchExtractResponse.class, options);
  }

  /**
   * Operation {@code extract.estimate}, its response as it came.
   *
   * @param request the body of the operation to estimate
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<Estimate> estimate(EstimateRequest request) {
    return estimate(request, RequestOptions.none());
  }

  /**
   * Operation {@code extract.estimate} with settings for this call, its response as it came.
   *
   * @param request the body of the operation to estimate
   * @param options settings overriding the client's for this call
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<Estimate> estimate(EstimateRequest request, RequestOptions options) {
    return call(Operation.EXTRACT_ESTIMATE.operationName(), request, Estimate.class, options);
  }

  /**
   * Operation {@code catalog.providers.list}, its response as it came.
   *
   * @param request the page to return
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<ProviderPage> providers(ListProvidersRequest request) {
    return providers(request, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.providers.list} with settings for this call, its response as it came.
   *
   * @param request the page to return
   * @param options settings overriding the client's for this call
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<ProviderPage> providers(ListProvidersRequest request, RequestOptions options) {
    return call(
        Operation.CATALOG_PROVIDERS_LIST.operationName(), request, ProviderPage.class, options);
  }

  /**
   * Operation {@code catalog.providers.get}, its response as it came.
   *
   * @param slug the provider's slug
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<Provider> provider(String slug) {
    return provider(slug, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.providers.get} with settings for this call, its response as it came.
   *
   * @param slug the provider's slug
   * @param options settings overriding the client's for this call
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<Provider> provider(String slug, RequestOptions options) {
    return call(
        Operation.CATALOG_PROVIDERS_GET.operationName(),
        new GetProviderRequest(slug),
        Provider.class,
        options);
  }

  /**
   * Operation {@code catalog.datasets.list}, its response as it came.
   *
   * @param request the provider filter and the page to return
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<DatasetPage> datasets(ListDatasetsRequest request) {
    return datasets(request, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.datasets.list} with settings for this call, its response as it came.
   *
   * @param request the provider filter and the page to return
   * @param options settings overriding the client's for this call
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<DatasetPage> datasets(ListDatasetsRequest request, RequestOptions options) {
    return call(
        Operation.CATALOG_DATASETS_LIST.operationName(), request, DatasetPage.class, options);
  }

  /**
   * Operation {@code catalog.datasets.get}, its response as it came.
   *
   * @param id the dataset's id, {@code provider:name}
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<Dataset> dataset(String id) {
    return dataset(id, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.datasets.get} with settings for this call, its response as it came.
   *
   * @param id the dataset's id, {@code provider:name}
   * @param options settings overriding the client's for this call
   * @return the response, whatever its status
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public RawResponse<Dataset> dataset(String id, RequestOptions options) {
    return call(
        Operation.CATALOG_DATASETS_GET.operationName(),
        new GetDatasetRequest(id),
        Dataset.class,
        options);
  }

  /**
   * Any operation by its dotted name, its response as it came.
   *
   * @param <T> the type a successful response is read into
   * @param operation the dotted name, such as {@code "catalog.datasets.get"}
   * @param body the request, any value Jackson writes as the operation's JSON body
   * @param responseType the type a successful response body is read into
   * @return the response, whatever its status
   * @throws IllegalArgumentException if the name is not a dotted name or the body cannot be written
   *     as JSON
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public <T> RawResponse<T> call(String operation, Object body, Class<T> responseType) {
    return call(operation, body, responseType, RequestOptions.none());
  }

  /**
   * Any operation by its dotted name, with settings for this call, its response as it came.
   *
   * @param <T> the type a successful response is read into
   * @param operation the dotted name, such as {@code "catalog.datasets.get"}
   * @param body the request, any value Jackson writes as the operation's JSON body
   * @param responseType the type a successful response body is read into
   * @param options settings overriding the client's for this call
   * @return the response, whatever its status
   * @throws IllegalArgumentException if the name is not a dotted name or the body cannot be written
   *     as JSON
   * @throws TerraceException if no response came (connection failure, timeout)
   */
  public <T> RawResponse<T> call(
      String operation, Object body, Class<T> responseType, RequestOptions options) {
    return pipeline.raw(operation, body, responseType, defaults.overriddenBy(options));
  }
}
