package dev.terrace.api;

/**
 * The Terrace API, blocking: the same contract whether it runs in-process ({@code Terrace.embedded(...)}) or
 * over HTTP ({@code TerraceClient}). Code written against this interface runs unchanged on either.
 *
 * <p><b>Errors.</b> Implementations throw unchecked exceptions only. Each failure corresponds to an
 * {@link ErrorType} and can be described by a {@link Problem}: an invalid request is a
 * {@link ErrorType#VALIDATION_ERROR} naming the offending fields, a request over a configured limit a
 * {@link ErrorType#REQUEST_LIMIT}, an unknown provider or dataset a {@link ErrorType#NOT_FOUND}; over HTTP also
 * {@link ErrorType#UNAUTHORIZED}, {@link ErrorType#FORBIDDEN}, {@link ErrorType#RATE_LIMITED}, and connection
 * failures and timeouts. The exception types are the implementation's (the engine's and the SDK's own
 * hierarchies). A dataset that fails during an extraction does not fail the call: its result has quality
 * {@link Quality#MISSING} and the response carries a warning.
 *
 * <p>{@link TerraceAsyncApi} has the same methods, returning {@code CompletableFuture}s.
 */
public interface TerraceApi {

    /**
     * Operation {@code extract}: the value of each dataset over one geometry.
     *
     * @param request the geometry, datasets and options
     * @return one result per dataset (and per timestamp of a time-varying dataset), in request order
     * @throws RuntimeException a validation error ({@code validation_error}: bad geometry, no or too many
     *     dataset ids, unknown aggregation), {@code request_limit}, or {@code not_found} for an unknown
     *     dataset id; over HTTP also authentication, rate-limit and connection failures
     */
    ExtractResponse extract(ExtractRequest request);

    /**
     * Operation {@code extract.batch}: the value of each dataset over each of up to 1000 geometries.
     *
     * @param request the geometries, datasets and options
     * @return one response per geometry, in input order
     * @throws RuntimeException as {@link #extract(ExtractRequest)}; validation errors locate the geometry by
     *     index ({@code geometries[3]})
     */
    BatchExtractResponse batchExtract(BatchExtractRequest request);

    /**
     * Operation {@code catalog.providers.list}: a page of providers, without their datasets.
     *
     * @param request the page to return
     * @return the page
     * @throws RuntimeException a validation error for a limit outside 1 to 1000 or a negative offset; over HTTP
     *     also authentication, rate-limit and connection failures
     */
    ProviderPage providers(ListProvidersRequest request);

    /**
     * Operation {@code catalog.providers.list} for the first page at the default size (100 providers).
     *
     * @return the first page
     * @throws RuntimeException as {@link #providers(ListProvidersRequest)}
     */
    default ProviderPage providers() {
        return providers(ListProvidersRequest.FIRST_PAGE);
    }

    /**
     * Operation {@code catalog.providers.get}: one provider with its datasets.
     *
     * @param slug the provider's slug
     * @return the provider, {@link Provider#datasets()} included
     * @throws RuntimeException {@code not_found} for an unknown slug; over HTTP also authentication,
     *     rate-limit and connection failures
     */
    Provider provider(String slug);

    /**
     * Operation {@code catalog.datasets.list}: a page of datasets, across all providers or one provider's.
     *
     * @param request the provider filter and the page to return
     * @return the page
     * @throws RuntimeException a validation error for a limit outside 1 to 1000 or a negative offset,
     *     {@code not_found} for an unknown provider; over HTTP also authentication, rate-limit and connection
     *     failures
     */
    DatasetPage datasets(ListDatasetsRequest request);

    /**
     * Operation {@code catalog.datasets.list} for the first page of all datasets at the default size (100).
     *
     * @return the first page
     * @throws RuntimeException as {@link #datasets(ListDatasetsRequest)}
     */
    default DatasetPage datasets() {
        return datasets(ListDatasetsRequest.FIRST_PAGE);
    }

    /**
     * Operation {@code catalog.datasets.get}: one dataset.
     *
     * @param id the dataset's id, {@code provider:name}
     * @return the dataset
     * @throws RuntimeException {@code not_found} for an unknown id; over HTTP also authentication, rate-limit
     *     and connection failures
     */
    Dataset dataset(String id);
}
