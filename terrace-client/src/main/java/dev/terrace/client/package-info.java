/**
 * The Java SDK of a Terrace service: {@link dev.terrace.client.TerraceClient} (blocking, a {@link
 * dev.terrace.api.TerraceApi}) and {@link dev.terrace.client.TerraceAsyncClient} ({@code
 * CompletableFuture}, a {@link dev.terrace.api.TerraceAsyncApi}), with the same methods, over one
 * JDK {@code java.net.http.HttpClient}. Start at {@link dev.terrace.client.TerraceClient#builder()}
 * or {@link dev.terrace.client.TerraceClient#fromEnv()}.
 *
 * <ul>
 *   <li>Operations: flat methods ({@code extract}, {@code batchExtract}, {@code providers}, {@code
 *       provider}, {@code datasets}, {@code dataset}), namespaces ({@code
 *       catalog().datasets().list()}), any operation by name ({@code call}), and {@code extractAll}
 *       for any number of geometries in server-sized batches, with an {@link
 *       dev.terrace.client.ItemResult} per geometry.
 *   <li>Settings: {@link dev.terrace.client.ClientBuilder} for the client, {@link
 *       dev.terrace.client.RequestOptions} per call or per copy ({@code withOptions}, {@code
 *       withHeaders}, {@code withTimeout}).
 *   <li>Responses: the parsed records, or with {@code withRawResponse()} a {@link
 *       dev.terrace.client.RawResponse} with status, headers, request id and {@link
 *       dev.terrace.api.RateLimitInfo}.
 *   <li>Failures: unchecked {@link dev.terrace.api.TerraceException}s, the API's, which the
 *       embedded engine throws too: for an error response the class its {@code error_type} names
 *       ({@link dev.terrace.api.InvalidRequestException}, {@link
 *       dev.terrace.api.NotFoundException}, {@link dev.terrace.api.RateLimitException}, …), with
 *       the response's status, headers and problem; and the SDK's own {@link
 *       dev.terrace.client.ApiConnectionException}, {@link dev.terrace.client.ApiTimeoutException},
 *       {@link dev.terrace.client.InvalidResponseException} and {@link
 *       dev.terrace.client.UnexpectedStatusException}.
 *   <li>Catalog listings: {@link dev.terrace.client.CatalogPage} with {@code nextPage()} and {@link
 *       dev.terrace.client.AutoPager}; {@link dev.terrace.client.CatalogPageAsync} and {@link
 *       dev.terrace.client.AutoPagerAsync} for the asynchronous client.
 *   <li>Geometry input: the {@link dev.terrace.api.geojson} records, GeoJSON text or maps ({@link
 *       dev.terrace.client.Geometries}); Features are unwrapped.
 * </ul>
 *
 * <p>Lifecycle: the client a builder makes owns its connection pool and executor (not a caller's
 * {@code HttpClient} or executor, which it never closes); its copies ({@code withOptions}, {@code
 * withHeaders}, {@code withTimeout}) and views ({@code async()}, {@code sync()}) share them, and
 * closing one of those ends only that one.
 *
 * <p>The wire: every operation is {@code POST {baseUrl}/v1/op/{operation}} with the request record
 * as JSON. HTTPS is required except to a loopback host; the API key goes only to the base URL's
 * origin (redirects are followed only within it) and never appears in messages or {@code
 * toString()}. Compiled for Java 17; needs nothing beyond {@code terrace-api}, Jackson and the
 * JSpecify annotations.
 *
 * <p>Nullness is declared with JSpecify ({@code @NullMarked}): nothing is null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package dev.terrace.client;

import org.jspecify.annotations.NullMarked;
