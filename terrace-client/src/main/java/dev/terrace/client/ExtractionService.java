package dev.terrace.client;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.Estimate;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.TerraceException;
import java.util.List;

/**
 * Operations {@code extract}, {@code extract.batch} and {@code extract.estimate} of a {@link
 * TerraceClient}, and the fan-out over the first two.
 */
public final class ExtractionService {

  private final TerraceClient client;

  ExtractionService(TerraceClient client) {
    this.client = client;
  }

  /**
   * Operation {@code extract}; see {@link TerraceClient#extract(ExtractRequest)}.
   *
   * @param request the geometry, datasets and options
   * @return one result per dataset, in request order
   * @throws TerraceException if the call fails
   */
  public ExtractResponse extract(ExtractRequest request) {
    return client.extract(request);
  }

  /**
   * Operation {@code extract} with settings for this call.
   *
   * @param request the geometry, datasets and options
   * @param options settings overriding the client's
   * @return one result per dataset, in request order
   * @throws TerraceException if the call fails
   */
  public ExtractResponse extract(ExtractRequest request, RequestOptions options) {
    return client.extract(request, options);
  }

  /**
   * Operation {@code extract.batch}; see {@link TerraceClient#batchExtract(BatchExtractRequest)}.
   *
   * @param request up to 1000 geometries, the datasets and options
   * @return one response per geometry, in input order
   * @throws TerraceException if the call fails
   */
  public BatchExtractResponse batch(BatchExtractRequest request) {
    return client.batchExtract(request);
  }

  /**
   * Operation {@code extract.batch} with settings for this call.
   *
   * @param request up to 1000 geometries, the datasets and options
   * @param options settings overriding the client's
   * @return one response per geometry, in input order
   * @throws TerraceException if the call fails
   */
  public BatchExtractResponse batch(BatchExtractRequest request, RequestOptions options) {
    return client.batchExtract(request, options);
  }

  /**
   * Operation {@code extract.estimate}: what an {@code extract} or {@code extract.batch} would read
   * and how long it would take; see {@link TerraceClient#estimate(EstimateRequest)}.
   *
   * @param request the body of the operation to estimate
   * @return the estimate
   * @throws TerraceException if the call fails
   */
  public Estimate estimate(EstimateRequest request) {
    return client.estimate(request);
  }

  /**
   * Operation {@code extract.estimate} with settings for this call.
   *
   * @param request the body of the operation to estimate
   * @param options settings overriding the client's
   * @return the estimate
   * @throws TerraceException if the call fails
   */
  public Estimate estimate(EstimateRequest request, RequestOptions options) {
    return client.estimate(request, options);
  }

  /**
   * Any number of geometries in server-sized batches; see {@link
   * TerraceClient#extractAll(BatchExtractRequest)}.
   *
   * @param request the geometries (any number), the datasets and options
   * @return one item per geometry, in input order
   * @throws ApiConnectionException if interrupted while waiting
   */
  public List<ItemResult<ExtractResponse>> all(BatchExtractRequest request) {
    return client.extractAll(request);
  }

  /**
   * Any number of geometries in server-sized batches, with settings for each batch.
   *
   * @param request the geometries (any number), the datasets and options
   * @param options settings overriding the client's
   * @return one item per geometry, in input order
   * @throws ApiConnectionException if interrupted while waiting
   */
  public List<ItemResult<ExtractResponse>> all(
      BatchExtractRequest request, RequestOptions options) {
    return client.extractAll(request, options);
  }
}
