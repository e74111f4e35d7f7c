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
import dev.terrace.api.TerraceApi;
import dev.terrace.api.TerraceException;
import dev.terrace.api.geojson.Geometry;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The blocking client of a Terrace service: {@link TerraceApi} over HTTP, so that code written
 * against the interface runs unchanged on the embedded engine or a deployed service.
 *
 * <pre>{@code
 * try (TerraceClient client = TerraceClient.fromEnv()) {        // TERRACE_BASE_URL, TERRACE_API_KEY
 *     ExtractResponse r = client.extract(Point.of(6.13, 49.61), "lux:elevation");
 *     for (Dataset d : client.catalog().datasets().list().autoPager()) {
 *         System.out.println(d.id());
 *     }
 * }
 * }</pre>
 *
 * <p>Every operation is {@code POST {baseUrl}/v1/op/{operation}} with the request record as its
 * JSON body. Failures throw a {@link TerraceException}, the API's: for an error response the class
 * the engine throws in-process for the same error ({@link dev.terrace.api.InvalidRequestException},
 * {@link NotFoundException}, …, chosen by the problem's {@code error_type}), so that one {@code
 * catch} serves both; and the SDK's own {@link ApiConnectionException}, {@link
 * ApiTimeoutException}, {@link InvalidResponseException} and {@link UnexpectedStatusException}.
 * Connection failures, timeouts, 408, 429, 500, 502, 503 and 504 are retried first ({@code
 * maxRetries}, default 2) with exponential backoff or the {@code Retry-After} the service asks for,
 * by the {@link dev.terrace.api.retry.RetryPolicy} the engine shares, within the call's total
 * timeout; {@code extract} and {@code extract.batch} send one {@code Idempotency-Key} with every
 * attempt.
 *
 * <p>Thread-safe. {@link #async()}, {@link #withRawResponse()} and the {@code with*} copies share
 * this client's connection pool, executor and in-flight bound. Closing the client the builder made
 * closes them for all of them; closing a copy or view ends only that copy or view and leaves what
 * it shares open, since it did not make it. {@link TerraceAsyncClient} has the same methods,
 * returning {@code CompletableFuture}s.
 */
public final class TerraceClient implements TerraceApi, AutoCloseable {

  private final Pipeline pipeline;
  private final RequestOptions defaults;

  TerraceClient(Pipeline pipeline, RequestOptions defaults) {
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
  public static TerraceClient fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * The asynchronous view of this client, sharing its connection pool, executor, settings and
   * in-flight bound. Closing the view does not close what it shares.
   *
   * @return the asynchronous client
   */
  public TerraceAsyncClient async() {
    return new TerraceAsyncClient(pipeline.borrow(), defaults);
  }

  /**
   * A view of this client whose methods return the {@link RawResponse} (status, headers, request
   * id, rate-limit state, body) instead of throwing for an error status.
   *
   * @return the raw view
   */
  public RawResponseClient withRawResponse() {
    return new RawResponseClient(pipeline, defaults);
  }

  /**
   * A copy of this client with other settings for every call, sharing the connection pool. Closing
   * the copy ends the copy only: the pool stays open for this client, which closes it.
   *
   * @param options the settings that override this client's (headers are added)
   * @return the copy
   */
  public TerraceClient withOptions(RequestOptions options) {
    return new TerraceClient(pipeline.borrow(), defaults.overriddenBy(options));
  }

  /**
   * A copy of this client sending more headers, sharing the connection pool.
   *
   * @param headers headers added to (or replacing) this client's
   * @return the copy
   * @throws IllegalArgumentException if a name or value is blank or contains a line break
   */
  public TerraceClient withHeaders(Map<String, String> headers) {
    return withOptions(RequestOptions.builder().headers(headers).build());
  }

  /**
   * A copy of this client with another per-attempt timeout, sharing the connection pool.
   *
   * @param timeout a positive duration
   * @return the copy
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public TerraceClient withTimeout(Duration timeout) {
    return withOptions(RequestOptions.builder().timeout(timeout).build());
  }

  /**
   * The catalog operations, grouped: {@code catalog().providers()} and {@code
   * catalog().datasets()}, whose lists return pages that fetch the next ones.
   *
   * @return the catalog namespace
   */
  public CatalogService catalog() {
    return new CatalogService(this);
  }

  /**
   * The extraction operations, grouped.
   *
   * @return the extraction namespace
   */
  public ExtractionService extraction() {
    return new ExtractionService(this);
  }

  /**
   * The service's jobs: extractions of up to ten million rows, run by the service in the
   * background, surviving its restarts, read back as rows.
   *
   * <pre>{@code
   * Job job = client.jobs().create(
   *     CreateJobRequest.streamed(BatchExtractRequest.of(List.of(), "lux:elevation")),
   *     JobInput.of(Path.of("parcels.csv")));
   * client.jobs().waitFor(job.id(), Duration.ofHours(1), j -> log(j.processed() + " rows"));
   * try (Stream<JobRow> rows = client.jobs().results(job.id())) {
   *   rows.forEach(row -> ...);
   * }
   * }</pre>
   *
   * @return the jobs of this client's API key
   */
  @Override
  public JobsService jobs() {
    return new JobsService(this, new JobStreams(pipeline.context));
  }

  /**
   * The caller's webhooks, which a service tells of its jobs; not part of {@link TerraceApi}, since
   * the engine in-process has none.
   *
   * @return the webhooks namespace
   */
  public WebhookService webhooks() {
    return new WebhookService(this);
  }

  @Override
  public ExtractResponse extract(ExtractRequest request) {
    return extract(request, RequestOptions.none());
  }

  /**
   * Operation {@code extract} with settings for this call.
   *
   * @param request the geometry, datasets and options
   * @param options settings overriding the client's for this call
   * @return one result per dataset, in request order
   * @throws TerraceException if the call fails
   */
  public ExtractResponse extract(ExtractRequest request, RequestOptions options) {
    return call(Operation.EXTRACT.operationName(), request, ExtractResponse.class, options);
  }

  /**
   * Operation {@code extract} for one geometry, every option at its default.
   *
   * @param geometry the geometry (a Feature is unwrapped)
   * @param datasetIds the dataset ids, such as {@code "lux:elevation"}
   * @return one result per dataset, in request order
   * @throws TerraceException if the call fails
   */
  public ExtractResponse extract(Geometry geometry, String... datasetIds) {
    return extract(ExtractRequest.of(geometry, datasetIds));
  }

  /**
   * Operation {@code extract} for a GeoJSON geometry or Feature given as text.
   *
   * @param geoJson the GeoJSON text
   * @param datasetIds the dataset ids
   * @return one result per dataset, in request order
   * @throws IllegalArgumentException if the text is not GeoJSON, see {@link
   *     Geometries#parse(String)}
   * @throws TerraceException if the call fails
   */
  public ExtractResponse extract(String geoJson, String... datasetIds) {
    return extract(Geometries.parse(geoJson), datasetIds);
  }

  /**
   * Operation {@code extract} for a GeoJSON geometry or Feature given as a map.
   *
   * @param geoJson the GeoJSON as nested maps and lists
   * @param datasetIds the dataset ids
   * @return one result per dataset, in request order
   * @throws IllegalArgumentException if the map is not GeoJSON, see {@link Geometries#fromMap(Map)}
   * @throws TerraceException if the call fails
   */
  public ExtractResponse extract(Map<String, ?> geoJson, String... datasetIds) {
    return extract(Geometries.fromMap(geoJson), datasetIds);
  }

  @Override
  public BatchExtractResponse batchExtract(BatchExtractRequest request) {
    return batchExtract(request, RequestOptions.none());
  }

  /**
   * Operation {@code extract.batch} with settings for this call.
   *
   * @param request up to 1000 geometries, the datasets and options
   * @param options settings overriding the client's for this call
   * @return one response per geometry, in input order
   * @throws TerraceException if the call fails
   */
  public BatchExtractResponse batchExtract(BatchExtractRequest request, RequestOptions options) {
    return call(
        Operation.EXTRACT_BATCH.operationName(), request, BatchExtractResponse.class, options);
  }

  @Override
  public Estimate estimate(EstimateRequest request) {
    return estimate(request, RequestOptions.none());
  }

  /**
   * Operation {@code extract.estimate} with settings for this call.
   *
   * @param request the body of the operation to estimate
   * @param options settings overriding the client's for this call
   * @return the estimate
   * @throws TerraceException if the call fails
   */
  public Estimate estimate(EstimateRequest request, RequestOptions options) {
    return call(Operation.EXTRACT_ESTIMATE.operationName(), request, Estimate.class, options);
  }

  /**
   * Any number of geometries, split into batches of 1000, up to {@code maxConcurrentRequests}
   * batches in flight; see {@link #extractAll(BatchExtractRequest, RequestOptions)}.
   *
   * @param request the geometries (any number), the datasets and options
   * @return one item per geometry, in input order
   * @throws ApiConnectionException if interrupted while waiting
   */
  public List<ItemResult<ExtractResponse>> extractAll(BatchExtractRequest request) {
    return extractAll(request, RequestOptions.none());
  }

  /**
   * Any number of geometries through {@code extract.batch}: split into batches of 1000, up to
   * {@code maxConcurrentRequests} batches in flight, each geometry's response or error put back at
   * its input position. A batch that fails fails its items; a batch rejected with a 422 naming some
   * of its geometries fails just those and is sent again without them.
   *
   * @param request the geometries (any number), the datasets and options
   * @param options settings overriding the client's for each batch
   * @return one item per geometry, in input order
   * @throws ApiConnectionException if interrupted while waiting
   */
  public List<ItemResult<ExtractResponse>> extractAll(
      BatchExtractRequest request, RequestOptions options) {
    return Futures.await(async().extractAll(request, options));
  }

  @Override
  public ProviderPage providers(ListProvidersRequest request) {
    return providers(request, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.providers.list} with settings for this call.
   *
   * @param request the page to return
   * @param options settings overriding the client's for this call
   * @return the page
   * @throws TerraceException if the call fails
   */
  public ProviderPage providers(ListProvidersRequest request, RequestOptions options) {
    return call(
        Operation.CATALOG_PROVIDERS_LIST.operationName(), request, ProviderPage.class, options);
  }

  @Override
  public Provider provider(String slug) {
    return provider(slug, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.providers.get} with settings for this call.
   *
   * @param slug the provider's slug
   * @param options settings overriding the client's for this call
   * @return the provider with its datasets
   * @throws NotFoundException for an unknown slug
   * @throws TerraceException if the call fails otherwise
   */
  public Provider provider(String slug, RequestOptions options) {
    return call(
        Operation.CATALOG_PROVIDERS_GET.operationName(),
        new GetProviderRequest(slug),
        Provider.class,
        options);
  }

  @Override
  public DatasetPage datasets(ListDatasetsRequest request) {
    return datasets(request, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.datasets.list} with settings for this call.
   *
   * @param request the provider filter and the page to return
   * @param options settings overriding the client's for this call
   * @return the page
   * @throws TerraceException if the call fails
   */
  public DatasetPage datasets(ListDatasetsRequest request, RequestOptions options) {
    return call(
        Operation.CATALOG_DATASETS_LIST.operationName(), request, DatasetPage.class, options);
  }

  @Override
  public Dataset dataset(String id) {
    return dataset(id, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.datasets.get} with settings for this call.
   *
   * @param id the dataset's id, {@code provider:name}
   * @param options settings overriding the client's for this call
   * @return the dataset
   * @throws NotFoundException for an unknown id
   * @throws TerraceException if the call fails otherwise
   */
  public Dataset dataset(String id, RequestOptions options) {
    return call(
        Operation.CATALOG_DATASETS_GET.operationName(),
        new GetDatasetRequest(id),
        Dataset.class,
        options);
  }

  @Override
  public ItemCollection search(ItemSearchRequest request) {
    return search(request, RequestOptions.none());
  }

  /**
   * Operation {@code catalog.search} with settings for this call. {@code catalog().search(request)}
   * answers the same as a page that fetches the next ones.
   *
   * @param request the filters, page size and order
   * @param options settings overriding the client's for this call
   * @return the page
   * @throws TerraceException if the call fails
   */
  public ItemCollection search(ItemSearchRequest request, RequestOptions options) {
    return call(Operation.CATALOG_SEARCH.operationName(), request, ItemCollection.class, options);
  }

  /**
   * Any operation by its dotted name, for example one newer than this client.
   *
   * @param <T> the response type
   * @param operation the dotted name, such as {@code "catalog.datasets.get"}
   * @param body the request, any value Jackson writes as the operation's JSON body
   * @param responseType the type the response body is read into
   * @return the response
   * @throws IllegalArgumentException if the name is not a dotted name or the body cannot be written
   *     as JSON
   * @throws TerraceException if the call fails
   */
  public <T> T call(String operation, Object body, Class<T> responseType) {
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
   * @return the response
   * @throws IllegalArgumentException if the name is not a dotted name or the body cannot be written
   *     as JSON
   * @throws TerraceException if the call fails
   */
  public <T> T call(String operation, Object body, Class<T> responseType, RequestOptions options) {
    return pipeline.call(operation, body, responseType, defaults.overriddenBy(options));
  }

  /**
   * For the client the builder made: closes the connection pool and executor it made (a caller's
   * are left alone), for this client and every copy and view of it. For a copy or view ({@code
   * with*}, {@link #async()}, {@link TerraceAsyncClient#sync()}): ends this copy only, leaving the
   * pool it shares open. Either way, calls through a closed client throw {@link
   * IllegalStateException}.
   */
  @Override
  public void close() {
    pipeline.close();
  }

  /**
   * The base URL and whether a key is set; never the key.
   *
   * @return for example {@code TerraceClient[baseUrl=https://terrace.example.com, apiKey=(set)]}
   */
  @Override
  public String toString() {
    return "TerraceClient[" + pipeline.context + "]";
  }

  /** Builds a {@link TerraceClient}; see {@link ClientBuilder} for the settings. */
  public static final class Builder extends ClientBuilder<Builder, TerraceClient> {

    private Builder() {}

    @Override
    public TerraceClient build() {
      return new TerraceClient(pipeline(), defaults());
    }
  }
}
