package dev.terrace.api;

/**
 * The Terrace API, blocking: the same contract whether it runs in-process ({@code
 * Terrace.embedded(...)}) or over HTTP ({@code TerraceClient}). Code written against this interface
 * runs unchanged on either.
 *
 * <p><b>Errors.</b> Every failure is a {@link TerraceException}, unchecked, of the same class on
 * either side, so that one {@code catch} per kind of failure serves both: {@link
 * InvalidRequestException} for an invalid request ({@link ErrorType#VALIDATION_ERROR}, naming the
 * offending fields in {@link TerraceException#fieldErrors()}) or one over a configured limit
 * ({@link ErrorType#REQUEST_LIMIT}), {@link NotFoundException} for an unknown provider or dataset,
 * {@link ServiceException} when the service or the engine fails. Over HTTP also {@link
 * AuthenticationException}, {@link PermissionDeniedException}, {@link RateLimitException}, {@link
 * ConflictException}, and the SDK's own subclasses for a connection failure, a timeout or an answer
 * it cannot read. Each carries its {@link Problem}, the RFC 9457 body the service sends for it
 * (in-process the one it would send). A dataset that fails during an extraction does not fail the
 * call: its result has quality {@link Quality#MISSING} and the response carries a warning.
 *
 * <p>{@link TerraceAsyncApi} has the same methods, returning {@code CompletableFuture}s.
 */
public interface TerraceApi {

  /**
   * Operation {@code extract}: the value of each dataset over one geometry.
   *
   * @param request the geometry, datasets and options
   * @return one result per dataset (and per timestamp of a time-varying dataset), in request order
   * @throws InvalidRequestException {@code validation_error} for an invalid request (a bad
   *     geometry, no dataset id, an unknown dataset id or aggregation), naming each offending
   *     field; {@code request_limit} for one over a limit (datasets, vertices, the pixel budget)
   * @throws ConflictException over HTTP, for an {@code Idempotency-Key} reused with another request
   * @throws AuthenticationException over HTTP, for a missing, unknown or revoked API key
   * @throws PermissionDeniedException over HTTP, for a key without the scope the operation needs
   * @throws RateLimitException over HTTP, for too many calls, once the SDK's retries are spent
   * @throws ServiceException when the service or the engine fails
   * @throws TerraceException over HTTP also the SDK's own failures: no answer (connection, timeout)
   *     or one it cannot read
   */
  ExtractResponse extract(ExtractRequest request);

  /**
   * Operation {@code extract.batch}: the value of each dataset over each of up to 1000 geometries.
   *
   * @param request the geometries, datasets and options
   * @return one response per geometry, in input order
   * @throws InvalidRequestException as {@link #extract(ExtractRequest)}, field errors locating the
   *     geometry by index ({@code geometries[3]}); an invalid polygon fails only its own entry of
   *     the response instead; {@code request_limit} also for too many geometries
   * @throws ConflictException over HTTP, for an {@code Idempotency-Key} reused with another request
   * @throws AuthenticationException over HTTP, for a missing, unknown or revoked API key
   * @throws PermissionDeniedException over HTTP, for a key without the scope the operation needs
   * @throws RateLimitException over HTTP, for too many calls, once the SDK's retries are spent
   * @throws ServiceException when the service or the engine fails
   * @throws TerraceException over HTTP also the SDK's own failures: no answer (connection, timeout)
   *     or one it cannot read
   */
  BatchExtractResponse batchExtract(BatchExtractRequest request);

  /**
   * Operation {@code extract.estimate}: what an {@code extract} or {@code extract.batch} would read
   * — geometries, datasets and their timestamps, tiles and bytes (local and remote), cells —
   * whether each limit holds, and how long it would take, computed from the rasters' headers
   * without reading a cell. A request over a limit is reported ({@link LimitCheck#holds()} false),
   * not refused.
   *
   * @param request the body of the operation to estimate
   * @return the estimate
   * @throws InvalidRequestException {@code validation_error} for a request the operation would
   *     refuse as invalid (a bad geometry, an unknown dataset id), naming each offending field
   *     under {@code extract} or {@code extract_batch}, or for none or both of them set
   * @throws AuthenticationException over HTTP, for a missing, unknown or revoked API key
   * @throws PermissionDeniedException over HTTP, for a key without the scope the operation needs
   * @throws RateLimitException over HTTP, for too many calls, once the SDK's retries are spent
   * @throws ServiceException when the service or the engine fails
   * @throws TerraceException over HTTP also the SDK's own failures: no answer (connection, timeout)
   *     or one it cannot read
   */
  Estimate estimate(EstimateRequest request);

  /**
   * Operation {@code catalog.providers.list}: a page of providers, without their datasets.
   *
   * @param request the page to return
   * @return the page
   * @throws InvalidRequestException for a limit outside 1 to 1000 or a negative offset
   * @throws AuthenticationException over HTTP, for a missing, unknown or revoked API key
   * @throws PermissionDeniedException over HTTP, for a key without the scope the operation needs
   * @throws RateLimitException over HTTP, for too many calls, once the SDK's retries are spent
   * @throws ServiceException when the service or the engine fails
   * @throws TerraceException over HTTP also the SDK's own failures: no answer (connection, timeout)
   *     or one it cannot read
   */
  ProviderPage providers(ListProvidersRequest request);

  /**
   * Operation {@code catalog.providers.list} for the first page at the default size (100
   * providers).
   *
   * @return the first page
   * @throws TerraceException as {@link #providers(ListProvidersRequest)}
   */
  default ProviderPage providers() {
    return providers(ListProvidersRequest.FIRST_PAGE);
  }

  /**
   * Operation {@code catalog.providers.get}: one provider with its datasets.
   *
   * @param slug the provider's slug
   * @return the provider, {@link Provider#datasets()} included
   * @throws NotFoundException for an unknown slug
   * @throws AuthenticationException over HTTP, for a missing, unknown or revoked API key
   * @throws PermissionDeniedException over HTTP, for a key without the scope the operation needs
   * @throws RateLimitException over HTTP, for too many calls, once the SDK's retries are spent
   * @throws ServiceException when the service or the engine fails
   * @throws TerraceException over HTTP also the SDK's own failures: no answer (connection, timeout)
   *     or one it cannot read
   */
  Provider provider(String slug);

  /**
   * Operation {@code catalog.datasets.list}: a page of datasets, across all providers or one
   * provider's.
   *
   * @param request the provider filter and the page to return
   * @return the page
   * @throws InvalidRequestException for a limit outside 1 to 1000 or a negative offset
   * @throws NotFoundException for an unknown provider
   * @throws AuthenticationException over HTTP, for a missing, unknown or revoked API key
   * @throws PermissionDeniedException over HTTP, for a key without the scope the operation needs
   * @throws RateLimitException over HTTP, for too many calls, once the SDK's retries are spent
   * @throws ServiceException when the service or the engine fails
   * @throws TerraceException over HTTP also the SDK's own failures: no answer (connection, timeout)
   *     or one it cannot read
   */
  DatasetPage datasets(ListDatasetsRequest request);

  /**
   * Operation {@code catalog.datasets.list} for the first page of all datasets at the default size
   * (100).
   *
   * @return the first page
   * @throws TerraceException as {@link #datasets(ListDatasetsRequest)}
   */
  default DatasetPage datasets() {
    return datasets(ListDatasetsRequest.FIRST_PAGE);
  }

  /**
   * Operation {@code catalog.datasets.get}: one dataset.
   *
   * @param id the dataset's id, {@code provider:name}
   * @return the dataset
   * @throws NotFoundException for an unknown id
   * @throws AuthenticationException over HTTP, for a missing, unknown or revoked API key
   * @throws PermissionDeniedException over HTTP, for a key without the scope the operation needs
   * @throws RateLimitException over HTTP, for too many calls, once the SDK's retries are spent
   * @throws ServiceException when the service or the engine fails
   * @throws TerraceException over HTTP also the SDK's own failures: no answer (connection, timeout)
   *     or one it cannot read
   */
  Dataset dataset(String id);

  /**
   * Operation {@code catalog.search}: the catalog's items as STAC API Item Search finds them, a
   * page at a time. Each dataset is a collection and each raster behind it an item: its file, each
   * time step, each tile of a grid of tiles, each item of a STAC catalog.
   *
   * @param request the filters, page size and order; {@link ItemSearchRequest#ALL} for every item
   * @return a page of items; {@link ItemCollection#nextToken()} gives the next page's token
   * @throws InvalidRequestException for a bad filter, naming it: a {@code bbox} of other than 4 or
   *     6 numbers, both {@code bbox} and {@code intersects}, a {@code datetime} that is not RFC
   *     3339, a {@code limit} below 1, an unknown {@code sortby} field or a bad {@code token}
   * @throws AuthenticationException over HTTP, for a missing, unknown or revoked API key
   * @throws PermissionDeniedException over HTTP, for a key without the scope the operation needs
   * @throws RateLimitException over HTTP, for too many calls, once the SDK's retries are spent
   * @throws ServiceException when the service or the engine fails
   * @throws TerraceException over HTTP also the SDK's own failures: no answer (connection, timeout)
   *     or one it cannot read
   */
  ItemCollection search(ItemSearchRequest request);

  /**
   * The jobs: extractions of up to {@value CreateJobRequest#MAX_ROWS} rows, run in the background
   * and read back as rows.
   *
   * @return the jobs of this door (in-process: of this engine; over HTTP: of the caller's key)
   */
  JobsApi jobs();
}
