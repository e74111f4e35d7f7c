package dev.terrace.engine;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.Dataset;
import dev.terrace.api.DatasetPage;
import dev.terrace.api.Estimate;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.JobsApi;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Provider;
import dev.terrace.api.ProviderPage;
import dev.terrace.api.ServiceException;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.TerraceAsyncApi;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.geotiff.TileCache;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Terrace in-process: the {@link TerraceApi} answered by the engine itself, no service to deploy.
 * Code written against {@code TerraceApi} runs unchanged here or against the HTTP client.
 *
 * <pre>{@code
 * try (Terrace terrace = Terrace.embedded()) {
 *   ExtractResponse r = terrace.extract(ExtractRequest.of(Point.of(6.13, 49.61), "lux:elevation"));
 *   double metres = r.results().get(0).number().orElseThrow();
 * }
 * }</pre>
 *
 * <p>Errors are the API's, unchecked, the same classes the SDK throws for the same refusal: {@link
 * InvalidRequestException} (bad input or a limit, with field paths), {@link NotFoundException}
 * (unknown provider or dataset), each carrying the problem the service would answer with. A dataset
 * that cannot be read does not fail the request: its result has quality {@code missing} and the
 * response a warning. Thread-safe; close it to release the rasters it opened.
 */
public final class Terrace implements TerraceApi, AutoCloseable {

  private final Engine engine;

  private Terrace(Engine engine) {
    this.engine = engine;
  }

  /**
   * Sets how many bytes of decoded raster tiles this process keeps, shared by every engine and
   * every open raster in it (the tiles are the bulk of an engine's memory). Unless set: 256 MiB, or
   * a quarter of the maximum heap if that is less. A smaller budget evicts at once; reads that need
   * more tiles than it holds fetch and decode them again, so it trades memory for speed only when
   * the requests' working set does not fit.
   *
   * @param maxBytes the most decoded bytes to keep, 0 for none
   * @throws IllegalArgumentException if {@code maxBytes} is negative
   */
  public static void setTileCacheBytes(long maxBytes) {
    TileCache.shared().resize(maxBytes);
  }

  /**
   * @return the bytes of decoded tiles this process keeps at most, see {@link #setTileCacheBytes}
   */
  public static long tileCacheBytes() {
    return TileCache.shared().maxBytes();
  }

  /**
   * The engine over the built-in sample catalog, with default limits.
   *
   * @return a new engine
   */
  public static Terrace embedded() {
    return new Terrace(Engine.open(Catalog.builtin(), Limits.defaults()));
  }

  /**
   * The engine over a catalog file (JSON or YAML), with default limits.
   *
   * @param catalogFile the catalog
   * @return a new engine
   * @throws ServiceException if the file cannot be used; the message names the field
   */
  public static Terrace embedded(Path catalogFile) {
    return new Terrace(Engine.open(Catalog.load(catalogFile), Limits.defaults()));
  }

  /**
   * The engine over a catalog file, with chosen limits and an executor for {@link #async()} calls.
   *
   * @param catalogFile the catalog (JSON or YAML)
   * @param limits what a request may ask for
   * @param asyncExecutor runs the work of asynchronous calls; the caller's, left running when the
   *     engine closes
   * @return a new engine
   * @throws ServiceException if the file cannot be used; the message names the field
   */
  public static Terrace embedded(Path catalogFile, Limits limits, Executor asyncExecutor) {
    return new Terrace(Engine.open(Catalog.load(catalogFile), limits, asyncExecutor));
  }

  /**
   * The same engine with the asynchronous surface: each call runs on the engine's executor and
   * returns at once; failures complete the future exceptionally with the exceptions listed on the
   * class.
   *
   * @return a view sharing this engine
   */
  public TerraceAsyncApi async() {
    return engine.async();
  }

  @Override
  public ExtractResponse extract(ExtractRequest request) {
    return engine.extract(Objects.requireNonNull(request, "request"));
  }

  @Override
  public BatchExtractResponse batchExtract(BatchExtractRequest request) {
    return engine.batchExtract(Objects.requireNonNull(request, "request"));
  }

  @Override
  public Estimate estimate(EstimateRequest request) {
    return engine.estimate(Objects.requireNonNull(request, "request"));
  }

  @Override
  public ProviderPage providers(ListProvidersRequest request) {
    return engine.providers(request);
  }

  @Override
  public Provider provider(String slug) {
    return engine.provider(slug);
  }

  @Override
  public DatasetPage datasets(ListDatasetsRequest request) {
    return engine.datasets(request);
  }

  @Override
  public Dataset dataset(String id) {
    return engine.dataset(id);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The items' assets name their files as the catalog does: a URL, or a path relative to the
   * catalog file.
   */
  @Override
  public ItemCollection search(ItemSearchRequest request) {
    return engine.search(request);
  }

  /**
   * The jobs of this engine, run in the background on one thread of this process, their input and
   * rows kept in a temporary folder: they last as long as the engine and are deleted when it
   * closes. For jobs that survive a restart, run the service ({@code terrace serve}) and use its
   * jobs through the SDK.
   *
   * @return the jobs
   */
  @Override
  public JobsApi jobs() {
    return engine.jobs();
  }

  /**
   * Closes the rasters the catalog opened, and the executor of {@link #async()} calls if the engine
   * made it (the one-argument and no-argument {@code embedded}); asynchronous calls made after
   * closing are refused.
   */
  @Override
  public void close() {
    engine.close();
  }
}
