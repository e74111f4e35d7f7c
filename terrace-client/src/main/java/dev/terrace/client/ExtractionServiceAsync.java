package dev.terrace.client;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.Estimate;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Operations {@code extract} and {@code extract.batch} of a {@link TerraceAsyncClient}, and the
 * fan-out over both. The twin of {@link ExtractionService}.
 */
public final class ExtractionServiceAsync {

  private final TerraceAsyncClient client;

  ExtractionServiceAsync(TerraceAsyncClient client) {
    this.client = client;
  }

  /**
   * Operation {@code extract}; see {@link TerraceAsyncClient#extract(ExtractRequest)}.
   *
   * @param request the geometry, datasets and options
   * @return a future of one result per dataset, in request order
   */
  public CompletableFuture<ExtractResponse> extract(ExtractRequest request) {
    return client.extract(request);
  }

  /**
   * Operation {@code extract} with settings for this call.
   *
   * @param request the geometry, datasets and options
   * @param options settings overriding the client's
   * @return a future of one result per dataset, in request order
   */
  public CompletableFuture<ExtractResponse> extract(
      ExtractRequest request, RequestOptions options) {
    return client.extract(request, options);
  }

  /**
   * Operation {@code extract.batch}; see {@link
   * TerraceAsyncClient#batchExtract(BatchExtractRequest)}.
   *
   * @param request up to 1000 geometries, the datasets and options
   * @return a future of one response per geometry, in input order
   */
  public CompletableFuture<BatchExtractResponse> batch(BatchExtractRequest request) {
    return client.batchExtract(request);
  }

  /**
   * Operation {@code extract.batch} with settings for this call.
   *
   * @param request up to 1000 geometries, the datasets and options
   * @param options settings overriding the client's
   * @return a future of one response per geometry, in input order
   */
  public CompletableFuture<BatchExtractResponse> batch(
      BatchExtractRequest request, RequestOptions options) {
    return client.batchExtract(request, options);
  }

  /**
   * Operation {@code extract.estimate}; see {@link TerraceAsyncClient#estimate(EstimateRequest)}.
   *
   * @param request the body of the operation to estimate
   * @return a future of the estimate
   */
  public CompletableFuture<Estimate> estimate(EstimateRequest request) {
    return client.estimate(request);
  }

  /**
   * Operation {@code extract.estimate} with settings for this call.
   *
   * @param request the body of the operation to estimate
   * @param options settings overriding the client's
   * @return a future of the estimate
   */
  public CompletableFuture<Estimate> estimate(EstimateRequest request, RequestOptions options) {
    return client.estimate(request, options);
  }

  /**
   * Any number of geometries in server-sized batches; see {@link
   * TerraceAsyncClient#extractAll(BatchExtractRequest)}.
   *
   * @param request the geometries (any number), the datasets and options
   * @return a future of one item per geometry, in input order
   */
  public CompletableFuture<List<ItemResult<ExtractResponse>>> all(BatchExtractRequest request) {
    return client.extractAll(request);
  }

  /**
   * Any number of geometries in server-sized batches, with settings for each batch.
   *
   * @param request the geometries (any number), the datasets and options
   * @param options settings overriding the client's
   * @return a future of one item per geometry, in input order
   */
  public CompletableFuture<List<ItemResult<ExtractResponse>>> all(
      BatchExtractRequest request, RequestOptions options) {
    return client.extractAll(request, options);
  }
}
