package dev.terrace.it;

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
import dev.terrace.api.JobsApi;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.Provider;
import dev.terrace.api.ProviderPage;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.TerraceAsyncApi;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A {@link TerraceAsyncApi} seen as a {@link TerraceApi}: every call waits for its future, and a
 * failed future throws the exception it failed with (not the {@link CompletionException} around
 * it), so that the contract's error assertions see the same types as on the blocking client.
 */
final class JoinedAsyncApi implements TerraceApi {

  private final TerraceAsyncApi async;

  JoinedAsyncApi(TerraceAsyncApi async) {
    this.async = async;
  }

  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public ExtractResponse extract(ExtractRequest request) {
    return join(async.extract(request));
  }

  @Override
  public BatchExtractResponse batchExtract(BatchExtractRequest request) {
    return join(async.batchExtract(request));
  }

  @Override
  public Estimate estimate(EstimateRequest request) {
    return join(async.estimate(request));
  }

  @Override
  public ProviderPage providers(ListProvidersRequest request) {
    return join(async.providers(request));
  }

  @Override
  public Provider provider(String slug) {
    return join(async.provider(slug));
  }

  @Override
  public DatasetPage datasets(ListDatasetsRequest request) {
    return join(async.datasets(request));
  }

  @Override
  public Dataset dataset(String id) {
    return join(async.dataset(id));
  }

  @Override
  public ItemCollection search(ItemSearchRequest request) {
    return join(async.search(request));
  }

  @Override
  public JobsApi jobs() {
    return new JoinedAsyncJobs(async.jobs());
  }
}
