/**
 * The Terrace wire contract: request and response records shared by the embedded engine, the HTTP
 * service and the SDK. Compiled for Java 17 so that SDK users need no newer runtime.
 *
 * <ul>
 *   <li>{@link dev.terrace.api.TerraceApi} (blocking) and {@link dev.terrace.api.TerraceAsyncApi}
 *       ({@code CompletableFuture}) declare the operations; {@link dev.terrace.api.Operation} names
 *       them ({@code extract}, {@code extract.batch}, {@code catalog.providers.list}, …) with their
 *       records.
 *   <li>Extraction: {@link dev.terrace.api.ExtractRequest}, {@link
 *       dev.terrace.api.BatchExtractRequest}, {@link dev.terrace.api.ExtractResponse}, {@link
 *       dev.terrace.api.BatchExtractResponse}, {@link dev.terrace.api.ExtractResult}, with {@link
 *       dev.terrace.api.Aggregation}, {@link dev.terrace.api.PixelRule}, {@link
 *       dev.terrace.api.TimeRange} and {@link dev.terrace.api.Quality}. Geometry is GeoJSON, in
 *       {@link dev.terrace.api.geojson}.
 *   <li>Catalog: {@link dev.terrace.api.Provider}, {@link dev.terrace.api.Dataset} and the {@link
 *       dev.terrace.api.Page}s {@link dev.terrace.api.ProviderPage} and {@link
 *       dev.terrace.api.DatasetPage}; STAC API Item Search over the catalog: {@link
 *       dev.terrace.api.ItemSearchRequest} (with {@link dev.terrace.api.SortBy} and {@link
 *       dev.terrace.api.ItemFields}) answered by an {@link dev.terrace.api.ItemCollection} of
 *       {@link dev.terrace.api.StacItem}s with their {@link dev.terrace.api.StacAsset}s and {@link
 *       dev.terrace.api.StacLink}s (STAC's own member names, such as {@code numberMatched}).
 *   <li>Errors: {@link dev.terrace.api.Problem} (RFC 9457) with {@link dev.terrace.api.ErrorType},
 *       {@link dev.terrace.api.FieldError} and {@link dev.terrace.api.ErrorEnvelope}; the
 *       exceptions both the engine and the SDK throw, {@link dev.terrace.api.TerraceException} and
 *       its subclasses ({@link dev.terrace.api.InvalidRequestException}, {@link
 *       dev.terrace.api.NotFoundException}, …), each holding its {@link
 *       dev.terrace.api.ErrorResponse}, with {@link dev.terrace.api.RateLimitInfo}. Retrying over
 *       HTTP is in {@link dev.terrace.api.retry}.
 * </ul>
 *
 * <p>JSON conventions: member names are snake_case; optional members are omitted when null; unknown
 * members are ignored, so that older clients keep working when newer servers add fields; enums
 * travel as their lower-case wire names. A plain {@code new ObjectMapper()} reads and writes every
 * type. Records are immutable: lists and maps are copied into unmodifiable ones (null elements are
 * kept, so that the engine can report them by index), and request defaults are applied on
 * construction. Records validate nothing beyond their own invariants; the engine validates requests
 * and reports the offending field.
 *
 * <p>Nullness is declared with JSpecify ({@code @NullMarked}): nothing is null unless marked
 * {@code @Nullable}, as the members a message may omit are.
 */
@NullMarked
package dev.terrace.api;

import org.jspecify.annotations.NullMarked;
