package dev.terrace.engine.internal;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.Dataset;
import dev.terrace.api.DatasetPage;
import dev.terrace.api.Estimate;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.JobsAsyncApi;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Provider;
import dev.terrace.api.ProviderPage;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.TerraceAsyncApi;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.catalog.CatalogProvider;
import dev.terrace.engine.internal.catalog.CatalogViews;
import dev.terrace.engine.internal.extract.Extractor;
import dev.terrace.engine.internal.extract.Part;
import dev.terrace.engine.internal.extract.PartReader;
import dev.terrace.engine.internal.extract.Partial;
import dev.terrace.engine.internal.jobs.JobFolder;
import dev.terrace.engine.internal.jobs.JobListener;
import dev.terrace.engine.internal.jobs.JobQuota;
import dev.terrace.engine.internal.jobs.JobService;
import dev.terrace.engine.internal.jobs.LocalJobs;
import dev.terrace.engine.internal.jobs.MemoryJobStore;
import dev.terrace.engine.internal.preview.Previews;
import dev.terrace.engine.internal.stac.CatalogSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The engine behind every door: {@code Terrace} in-process, the service and the CLI. Those that
 * need the catalog it reads (the service's listings, the benchmarks) hold an {@code Engine}; users
 * hold a {@code Terrace}. Thread-safe; closing it closes the catalog's rasters.
 */
public final class Engine implements TerraceApi, PartReader, AutoCloseable {

  private final Catalog catalog;
  private final CatalogSearch search;
  private final Previews previews;
  private final Extractor extractor;
  private final Executor asyncExecutor;

  /**
   * The executor this engine made for itself, shut down with it; null when the caller gave one,
   * which it keeps.
   */
  private final ExecutorService ownExecutor;

  private final int maxBatch;
  private LocalJobs jobs;
  private JobService jobService;
  private Path jobsFolder;

  private Engine(
      Catalog catalog, Limits limits, Executor asyncExecutor, ExecutorService ownExecutor) {
    this.catalog = catalog;
    this.extractor = new Extractor(catalog, limits);
    this.search = new CatalogSearch(catalog);
    this.previews = new Previews(catalog, this);
    this.maxBatch = limits.maxGeometries();
    this.asyncExecutor = asyncExecutor;
    this.ownExecutor = ownExecutor;
  }

  /**
   * An engine with an executor of its own for {@link #async()} calls, shut down when the engine
   * closes.
   *
   * @param catalog the catalog; closed with the engine
   * @param limits what a request may ask for
   * @return a new engine
   */
  public static Engine open(Catalog catalog, Limits limits) {
    ExecutorService own = Executors.newVirtualThreadPerTaskExecutor();
    return new Engine(
        Objects.requireNonNull(catalog, "catalog"),
        Objects.requireNonNull(limits, "limits"),
        own,
        own);
  }

  /**
   * An engine over any catalog, with chosen limits and an executor for {@link #async()} calls.
   *
   * @param catalog the catalog; closed with the engine
   * @param limits what a request may ask for
   * @param asyncExecutor runs the work of asynchronous calls; the caller's, left running when the
   *     engine closes
   * @return a new engine
   */
  public static Engine open(Catalog catalog, Limits limits, Executor asyncExecutor) {
    return new Engine(
        Objects.requireNonNull(catalog, "catalog"),
        Objects.requireNonNull(limits, "limits"),
        Objects.requireNonNull(asyncExecutor, "asyncExecutor"),
        null);
  }

  /**
   * @return the catalog this engine reads
   */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * @return the preview tiles of the catalog's datasets
   */
  public Previews previews() {
    return previews;
  }

  /**
   * The same engine with the asynchronous surface: each call runs on the engine's executor and
   * returns at once; failures complete the future exceptionally with the exceptions listed on the
   * class.
   *
   * @return a view sharing this engine
   */
  public TerraceAsyncApi async() {
    return new AsyncEngine(this, asyncExecutor);
  }

  @Override
  public ExtractResponse extract(ExtractRequest request) {
    return extractor.extract(Objects.requireNonNull(request, "request"));
  }

  @Override
  public BatchExtractResponse batchExtract(BatchExtractRequest request) {
    return extractor.batchExtract(Objects.requireNonNull(request, "request"));
  }

  @Override
  public Extractor.PartsResponse batchExtractParts(BatchExtractRequest request, List<Part> parts) {
    return extractor.batchExtractParts(Objects.requireNonNull(request, "request"), parts);
  }

  @Override
  public ExtractResponse finish(BatchExtractRequest request, ExtractResponse home, Partial merged) {
    return extractor.finish(request, home, merged);
  }

  @Override
  public Estimate estimate(EstimateRequest request) {
    return extractor.estimate(Objects.requireNonNull(request, "request"));
  }

  @Override
  public ProviderPage providers(ListProvidersRequest request) {
    Paging.check(request.limit(), request.offset());
    List<CatalogProvider> all = catalog.providers();
    List<Provider> page =
        Paging.slice(all, request.limit(), request.offset()).stream()
            .map(p -> CatalogViews.provider(p, false))
            .toList();
    return ProviderPage.of(all.size(), request.limit(), request.offset(), page);
  }

  @Override
  public Provider provider(String slug) {
    return catalog
        .provider(slug)
        .map(p -> CatalogViews.provider(p, true))
        .orElseThrow(() -> notFound("provider", slug, "list them with catalog.providers.list"));
  }

  @Override
  public DatasetPage datasets(ListDatasetsRequest request) {
    Paging.check(request.limit(), request.offset());
    List<CatalogDataset> all =
        request.provider() == null
            ? catalog.datasets()
            : catalog
                .provider(request.provider())
                .map(CatalogProvider::datasets)
                .orElseThrow(
                    () ->
                        notFound(
                            "provider",
                            request.provider(),
                            "list them with catalog.providers.list"));
    List<Dataset> page =
        Paging.slice(all, request.limit(), request.offset()).stream()
            .map(CatalogViews::dataset)
            .toList();
    return DatasetPage.of(all.size(), request.limit(), request.offset(), page);
  }

  @Override
  public Dataset dataset(String id) {
    return catalog
        .dataset(id)
        .map(CatalogViews::dataset)
        .orElseThrow(() -> notFound("dataset", id, "list them with catalog.datasets.list"));
  }

  @Override
  public ItemCollection search(ItemSearchRequest request) {
    return search.search(request);
  }

  /**
   * @param kind what was looked up, {@code "provider"} or {@code "dataset"}
   * @param id the id asked for
   * @param hint how to find the valid ids
   */
  private static NotFoundException notFound(String kind, String id, String hint) {
    return new NotFoundException("no " + kind + " \"" + id + "\" in the catalog; " + hint);
  }

  /**
   * Closes the rasters the catalog opened, and the executor of {@link #async()} calls if the engine
   * made it; asynchronous calls made after closing are refused.
   */
  @Override
  public synchronized LocalJobs jobs() {
    if (jobs == null) {
      try {
        Path folder = Files.createTempDirectory("terrace-jobs");
        jobService =
            new JobService(
                this,
                catalog,
                new MemoryJobStore(),
                new JobFolder(folder),
                1,
                JobService.CHUNK_ROWS,
                maxBatch,
                JobQuota.UNLIMITED,
                JobListener.NONE);
        jobsFolder = folder;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make a folder for the jobs: " + e.getMessage(), e);
      }
      jobs = new LocalJobs(jobService);
    }
    return jobs;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (jobService != null) {
        jobService.close();
        JobFolder.deleteTree(jobsFolder);
      }
    }
    if (ownExecutor != null) {
      ownExecutor.shutdown();
    }
    catalog.close();
  }

  /** The asynchronous view: every call is the blocking one, run on the executor. */
  private record AsyncEngine(Engine engine, Executor executor) implements TerraceAsyncApi {

    private <T> CompletableFuture<T> run(Supplier<T> call) {
      return CompletableFuture.supplyAsync(call, executor);
    }

    @Override
    public CompletableFuture<ExtractResponse> extract(ExtractRequest request) {
      return run(() -> engine.extract(request));
    }

    @Override
    public CompletableFuture<BatchExtractResponse> batchExtract(BatchExtractRequest request) {
      return run(() -> engine.batchExtract(request));
    }

    @Override
    public CompletableFuture<Estimate> estimate(EstimateRequest request) {
      return run(() -> engine.estimate(request));
    }

    @Override
    public CompletableFuture<ProviderPage> providers(ListProvidersRequest request) {
      return run(() -> engine.providers(request));
    }

    @Override
    public CompletableFuture<Provider> provider(String slug) {
      return run(() -> engine.provider(slug));
    }

    @Override
    public CompletableFuture<DatasetPage> datasets(ListDatasetsRequest request) {
      return run(() -> engine.datasets(request));
    }

    @Override
    public CompletableFuture<Dataset> dataset(String id) {
      return run(() -> engine.dataset(id));
    }

    @Override
    public CompletableFuture<ItemCollection> search(ItemSearchRequest request) {
      return run(() -> engine.search(request));
    }

    @Override
    public JobsAsyncApi jobs() {
      return engine.jobs().async(executor);
    }
  }
}
