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
import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Operation;
import dev.terrace.api.Provider;
import dev.terrace.api.ProviderPage;
import dev.terrace.api.TerraceAsyncApi;
import dev.terrace.api.TerraceException;
import dev.terrace.api.geojson.Geometry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The asynchronous client of a Terrace service: {@link TerraceAsyncApi} over HTTP, with the methods
 * of {@link TerraceClient}, same names and parameters, each returning a {@link CompletableFuture}
 * of the blocking method's result.
 *
 * <pre>{@code
 * try (TerraceAsyncClient client = TerraceAsyncClient.builder().maxConcurrentRequests(16).build()) {
 *     List<CompletableFuture<ExtractResponse>> futures = points.stream()
 *             .map(p -> client.extract(p, "lux:elevation"))       // at most 16 in flight
 *             .collect(Collectors.toList());
 *     CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
 * }
 * }</pre>
 *
 * <p><b>Failures.</b> A failed call completes its future exceptionally with the same {@link
 * TerraceException} the blocking client throws, itself, not wrapped: {@code whenComplete}, {@code
 * handle} and {@code exceptionally} on the returned future see, say, the {@link NotFoundException},
 * the class the engine's asynchronous view fails with too. As for any {@code CompletableFuture},
 * {@link CompletableFuture#join()} rethrows it wrapped in a {@link
 * java.util.concurrent.CompletionException}, {@link CompletableFuture#get()} in an {@link
 * java.util.concurrent.ExecutionException}, and stages derived from the future see it wrapped in a
 * {@code CompletionException}; its {@code getCause()} is the {@code TerraceException}. Invalid
 * arguments (a null request, malformed GeoJSON text, a closed client) throw at once instead.
 *
 * <p><b>Threads.</b> No call blocks a thread: waiting for a permit ({@code maxConcurrentRequests})
 * and between retries is done with futures. Futures complete on the client's executor (set with
 * {@link ClientBuilder#executor}; by default a pool of daemon threads the client makes), which is
 * also the default executor of their {@code *Async} stages: nothing runs on the common pool. The
 * client's HTTP exchanges run on the same threads, so a stage that blocks on I/O or a lock belongs
 * on an executor of the caller's ({@code thenApplyAsync(fn, mine)}); waiting on another call's
 * future there is fine.
 *
 * <p><b>Cancellation.</b> Cancelling a returned future aborts its HTTP exchange in flight (the
 * connection is closed) and stops its retries. Cancelling a stage derived from it does not reach
 * back to it.
 *
 * <p>{@link #sync()} is the blocking view over the same connection pool. Closing the client the
 * builder made closes the pool for it and every copy and view; closing a copy or view ends only
 * that one.
 */
public final class TerraceAsyncClient implements TerraceAsyncApi, AutoCloseable {

  private final Pipeline pipeline;
  private final RequestOptions defaults;

  TerraceAsyncClient(Pipeline pipeline, RequestOptions defaults) {
    this.pipeline = pipeline;
    this.defaults = defaults;
  }

  /**
   * A builder with every setting at its default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the environment ({@code TERRACE_BASE_URL}, {@code TERRACE_API_KEY};
   * see {@link ClientBuilder#fromEnv()}), every other setting at its default.
   *
   * @return the client
   * @throws IllegalArgumentException if the base URL found is invalid
   */
  public static TerraceAsyncClient fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * The blocking view of this client, sharing its connection pool, executor, settings and in-flight
   * bound. Closing the view does not close what it shares.
   *
   * @return the blocking client
   */
  public TerraceClient sync() {
    return new TerraceClient(pipeline.borrow(), defaults);
  }

  /**
   * A view of this client whose futures complete with the {@link RawResponse} (status, headers,
   * request id, rate-limit state, body) instead of failing for an error status.
   *
   * @return the raw view
   */
  public RawResponseAsyncClient withRawResponse() {
    return new RawResponseAsyncClient(pipeline, defaults);
  }

  /**
   * A copy of this client with other settings for every call, sharing the connection pool. Closing
   * the copy ends the copy only: the pool stays open for this client, which closes it.
   *
   * @param options the settings that override this client's (headers are added)
   * @return the copy
   */
  public TerraceAsyncClient withOptions(RequestOptions options) {
    return new TerraceAsyncClient(pipeline.borrow(), defaults.overriddenBy(options));
  }

  /**
   * A copy of this client sending more headers, sharing the connection pool.
   *
   * @param headers headers added to (or replacing) this client's
   * @return the copy
   * @throws IllegalArgumentException if a name or value is blank or contains a line break
   */
  public TerraceAsyncClient withHeaders(Map<String, String> headers) {
    return withOptions(RequestOptions.builder().headers(headers).build());
  }

  /**
   * A copy of this client with another per-attempt timeout, sharing the connection pool.
   *
   * @param timeout a positive duration
   * @return the copy
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public TerraceAsyncClient withTimeout(Duration timeout) {
    return withOptions(RequestOptions.builder().timeout(timeout).build());
  }

  /**
   * The catalog operations, grouped: {@code catalog().providers()} and {@code
   * catalog().datasets()}, whose lists return pages that fetch the next ones.
   *
   * @return the catalog namespace
   */
  public CatalogServiceAsync catalog() {
    return new CatalogServiceAsync(this);
  }

  /**
   * The extraction operations, grouped.
   *
   * @return the extraction namespace
   */
  public ExtractionServiceAsync extraction() {
    return new ExtractionServiceAsync(this);
  }

  /**
   * The caller's webhooks, which a service tells of its jobs; not part of {@link
   * dev.terrace.api.TerraceAsyncApi}, since the engine in-process has none.
   *
   * @return the webhooks namespace
   */
  public WebhookServiceAsync webhooks() {
    return new WebhookServiceAsync(this);
  }

  @Override
  public CompletableFuture<ExtractResponse> extract(ExtractRequest request) {
    return extract(request, RequestOptions.none());
  }

  /**
   * Operation {@code extract} with settings for this call.
   *
   * @param request the geometry, datasets and options
   * @param options settings overriding the client's for this call
   * @return a future of one result per dataset, in request order
   */
  public CompletableFuture<ExtractResponse> extract(
      ExtractRequest request, RequestOptions options) {
    return call(Operation.EXTRACT.operationName(), request, ExtractResponse.class, options);
  }

  /**
   * Operation {@code extract} for one geometry, every option at its default.
   *
   * @param geometry the geometry (a Feature is unwrapped)
   * @param datasetIds the dataset ids, such as {@code "lux:elevation"}
   * @return a future of one result per dataset, in request order
   */
  public CompletableFuture<ExtractResponse> extract(Geometry geometry, String... datasetIds) {
    return extract(ExtractRequest.of(geometry, datasetIds));
  }

  /**
   * Operation {@code extract} for a GeoJSON geometry or Feature given as text.
   *
   * @param geoJson the GeoJSON text
   * @param datasetIds the dataset ids
   * @return a future of one result per dataset, in request order
   * @throws IllegalArgumentException if the text is not GeoJSON, see {@link
   *     Geometries#parse(String)}
   */
  public CompletableFuture<ExtractResponse> extract(String geoJson, String... datasetIds) {
    return extract(Geometries.parse(geoJson), datasetIds);
  }

  /**
   * Operation {@code extract} for a GeoJSON geometry or Feature given as a map.
   *
   * @param geoJson the GeoJSON as nested maps and lists
   * @param datasetIds the dataset ids
   * @return a future of one result per dataset, in request order
   * @throws IllegalArgumentException if the map is not GeoJSON, see {@link Geometries#fromMap(Map)}
   */
  public CompletableFuture<ExtractResponse> extract(Map<String, ?> geoJson, String... datasetIds) {
    return extract(Geometries.fromMap(geoJson), datasetIds);
  }

  @Override
  public CompletableFuture<BatchExtractResponse> batchExtract(BatchExtractRequest request) {
    return batchExtract(request, RequestOptions.none());
  }

  /**
   * Operation {@code extract.batch} with settings for this call.
   *
   * @param request up to 1000 geometries, the datasets and options
   * @param options settings overriding the client's for this call
   * @return a future of one response per geometry, in input order
   */
  public CompletableFuture<BatchExtractResponse> batchExtract(
      BatchExtractRequest request, RequestOptions options) {
    return call(
        Operation.EXTRACT_BATCH.operationName(), request, BatchExtractResponse.class, options);
  }

  @Override
  public CompletableFuture<Estimate> estimate(EstimateRequest request) {
    return estimate(request, RequestOptions.none());
  }

  /**
   * Operation {@code extract.estimate} with settings for this call.
   *
   * @param request the body of the operation to estimate
   * @param options settings overriding the client's for this call
   * @return a future of the estimate
   */
  public CompletableFuture<Estimate> estimate(EstimateRequest request, RequestOptions options) {
    return call(Operation.EXTRACT_ESTIMATE.operationName(), request, Estimate.class, options);
  }

  /**
   * Any number of geometries through {@code extract.batch}; see {@link
   * #extractAll(BatchExtractRequest, RequestOptions)}.
   *
   * @param request the geometries (any number), the datasets and options
   * @return a future of one item per geometry, in input order
   */
  public CompletableFuture<List<ItemResult<ExtractResponse>>> extractAll(
      BatchExtractRequest request) {
    return extractAll(request, RequestOptions.none());
  }

  /**
   * Any number of geometries through {@code extract.batch}: split into batches of 1000, up to
   * {@code maxConcurrentRequests} batches in flight, each geometry's response or error put back at
   * its input position (see {@link TerraceClient#extractAll(BatchExtractRequest, RequestOptions)}).
   * The future fails only when cancelled, which cancels the batches in flight; the service's errors
   * land on the items.
   *
   * @param request the geometries (any number), the datasets and options
   * @param options settings overriding the client's for each batch
   * @return a future of one item per geometry, in input order
   */
  public CompletableFuture<List<ItemResult<ExtractResponse>>> extractAll(
      BatchExtractRequest request, RequestOptions options) {
    return Futures.relay(
        FanOut.run(request, pipeline.context.permits.max(), batch -> batchExtract(batch, options)),
        executor());
  }

  @Override
  public CompletableFuture<ProviderPage> providers(ListProvidersRequest request) {
    return providers(request, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.providers.list} with settings for this call.
   *
   * @param request the page to return
   * @param options settings overriding the client's for this call
   * @return a future of the page
   */
  public CompletableFuture<ProviderPage> providers(
      ListProvidersRequest request, RequestOptions options) {
    return call(
        Operation.CATALOG_PROVIDERS_LIST.operationName(), request, ProviderPage.class, options);
  }

  @Override
  public CompletableFuture<Provider> provider(String slug) {
    return provider(slug, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.providers.get} with settings for this call.
   *
   * @param slug the provider's slug
   * @param options settings overriding the client's for this call
   * @return a future of the provider with its datasets; a {@link NotFoundException} for an unknown
   *     slug
   */
  public CompletableFuture<Provider> provider(String slug, RequestOptions options) {
    return call(
        Operation.CATALOG_PROVIDERS_GET.operationName(),
        new GetProviderRequest(slug),
        Provider.class,
        options);
  }

  @Override
  public CompletableFuture<DatasetPage> datasets(ListDatasetsRequest request) {
    return datasets(request, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.datasets.list} with settings for this call.
   *
   * @param request the provider filter and the page to return
   * @param options settings overriding the client's for this call
   * @return a future of the page
   */
  public CompletableFuture<DatasetPage> datasets(
      ListDatasetsRequest request, RequestOptions options) {
    return call(
        Operation.CATALOG_DATASETS_LIST.operationName(), request, DatasetPage.class, options);
  }

  @Override
  public CompletableFuture<Dataset> dataset(String id) {
    return dataset(id, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.datasets.get} with settings for this call.
   *
   * @param id the dataset's id, {@code provider:name}
   * @param options settings overriding the client's for this call
   * @return a future of the dataset; a {@link NotFoundException} for an unknown id
   */
  public CompletableFuture<Dataset> dataset(String id, RequestOptions options) {
    return call(
        Operation.CATALOG_DATASETS_GET.operationName(),
        new GetDatasetRequest(id),
        Dataset.class,
        options);
  }

  @Override
  public CompletableFuture<ItemCollection> search(ItemSearchRequest request) {
    return search(request, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.search} with settings for this call.
   *
   * @param request the filters, page size and order
   * @param options settings overriding the client's for this call
   * @return a future of the page
   */
  public CompletableFuture<ItemCollection> search(
      ItemSearchRequest request, RequestOptions options) {
    return call(Operation.CATALOG_SEARCH.operationName(), request, ItemCollection.class, options);
  }

  /**
   * Any operation by its dotted name, for example one newer than this client.
   *
   * @param <T> the response type
   * @param operation the dotted name, such as {@code "catalog.datasets.get"}
   * @param body the request, any value Jackson writes as the operation's JSON body
   * @param responseType the type the response body is read into
   * @return a future of the response
   * @throws IllegalArgumentException if the name is not a dotted name or the body cannot be written
   *     as JSON
   */
  public <T> CompletableFuture<T> call(String operation, Object body, Class<T> responseType) {
    return call(operation, body, responseType, RequestOptions.none());
  }

  /**
   * Any operation by its dotted name, with settings for this call.
   *
   * @param <T> the response type
   * @param operation the dotted name, such as {@code "catalog.datasets.get"}
   * @param body the request, any value Jackson writes as the operation's JSON body
   * @param responseType the type the response body is read into
   * @param options settings overriding the client's for this call
   * @return a future of the response
   * @throws IllegalArgumentException if the name is not a dotted name or the body cannot be written
   *     as JSON
   */
  public <T> CompletableFuture<T> call(
      String operation, Object body, Class<T> responseType, RequestOptions options) {
    return pipeline.callAsync(operation, body, responseType, defaults.overriddenBy(options));
  }

  /**
   * The service's jobs, asynchronously.
   *
   * @return the jobs of this client's API key
   * @see TerraceClient#jobs()
   */
  @Override
  public JobsServiceAsync jobs() {
    return new JobsServiceAsync(this, new JobStreams(pipeline.context));
  }

  /** The executor completing this client's futures. */
  Executor executor() {
    return pipeline.context.executor;
  }

  /**
   * For the client the builder made: closes the connection pool and executor it made (a caller's
   * are left alone), for this client and every copy and view of it; calls in flight fail. For a
   * copy or view ({@code with*}, {@link #sync()}, {@link TerraceClient#async()}): ends this copy
   * only, leaving the pool it shares open and its calls in flight running. Either way, calls
   * through a closed client throw {@link IllegalStateException}.
   */
  @Override
  public void close() {
    pipeline.close();
  }

  /**
   * The base URL and whether a key is set; never the key.
   *
   * @return for example {@code TerraceAsyncClient[baseUrl=https://terrace.example.com,
   *     apiKey=(set)]}
   */
  @Override
  public String toString() {
    return "TerraceAsyncClient[" + pipeline.context + "]";
  }

  /** Builds a {@link TerraceAsyncClient}; see {@link ClientBuilder} for the settings. */
  public static final class Builder extends ClientBuilder<Builder, TerraceAsyncClient> {

    private Builder() {}

    @Override
    public TerraceAsyncClient build() {
      return new TerraceAsyncClient(pipeline(), defaults());
    }
  }
}
