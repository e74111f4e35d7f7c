package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The operations of the API by their dotted names, each with its request and response record. Every
 * operation is invoked as {@code POST /v1/op/{operation}} with the request record as its JSON body.
 * The {@code webhooks.*} operations are the service's alone: {@link TerraceApi} does not declare
 * them, since the engine in-process has no one to call back.
 */
public enum Operation {
  /** {@code extract}: one geometry × N datasets ({@link TerraceApi#extract(ExtractRequest)}). */
  EXTRACT("extract", ExtractRequest.class, ExtractResponse.class),

  /**
   * {@code extract.batch}: M geometries × N datasets ({@link
   * TerraceApi#batchExtract(BatchExtractRequest)}).
   */
  EXTRACT_BATCH("extract.batch", BatchExtractRequest.class, BatchExtractResponse.class),

  /**
   * {@code extract.estimate}: what an {@code extract} or {@code extract.batch} would read and how
   * long it would take, without reading a cell ({@link TerraceApi#estimate(EstimateRequest)}).
   */
  EXTRACT_ESTIMATE("extract.estimate", EstimateRequest.class, Estimate.class),

  /**
   * {@code catalog.providers.list}: a page of providers ({@link
   * TerraceApi#providers(ListProvidersRequest)}).
   */
  CATALOG_PROVIDERS_LIST("catalog.providers.list", ListProvidersRequest.class, ProviderPage.class),

  /**
   * {@code catalog.providers.get}: one provider with its datasets ({@link
   * TerraceApi#provider(String)}).
   */
  CATALOG_PROVIDERS_GET("catalog.providers.get", GetProviderRequest.class, Provider.class),

  /**
   * {@code catalog.datasets.list}: a page of datasets ({@link
   * TerraceApi#datasets(ListDatasetsRequest)}).
   */
  CATALOG_DATASETS_LIST("catalog.datasets.list", ListDatasetsRequest.class, DatasetPage.class),

  /** {@code catalog.datasets.get}: one dataset ({@link TerraceApi#dataset(String)}). */
  CATALOG_DATASETS_GET("catalog.datasets.get", GetDatasetRequest.class, Dataset.class),

  /** Search the catalog's items as STAC API Item Search does: {@code catalog.search}. */
  CATALOG_SEARCH("catalog.search", ItemSearchRequest.class, ItemCollection.class),

  /** {@code jobs.create}: a job over up to 10 million rows ({@link JobsApi#create}). */
  JOBS_CREATE("jobs.create", CreateJobRequest.class, Job.class),

  /** {@code jobs.get}: a job's status and progress ({@link JobsApi#get(String)}). */
  JOBS_GET("jobs.get", JobIdRequest.class, Job.class),

  /** {@code jobs.list}: a page of the caller's jobs ({@link JobsApi#list(ListJobsRequest)}). */
  JOBS_LIST("jobs.list", ListJobsRequest.class, JobPage.class),

  /** {@code jobs.cancel}: stops a job ({@link JobsApi#cancel(String)}). */
  JOBS_CANCEL("jobs.cancel", JobIdRequest.class, Job.class),

  /**
   * {@code jobs.results}: a job's rows in input order, streamed ({@link JobsApi#results(String,
   * long)}); the response is a {@link JobRow} per line, not one JSON document.
   */
  JOBS_RESULTS("jobs.results", JobResultsRequest.class, JobRow.class),

  /** {@code webhooks.create}: a webhook, answered once with its signing secret. */
  WEBHOOKS_CREATE("webhooks.create", CreateWebhookRequest.class, Webhook.class),

  /** {@code webhooks.list}: a page of the caller's webhooks, without their secrets. */
  WEBHOOKS_LIST("webhooks.list", ListWebhooksRequest.class, WebhookPage.class),

  /** {@code webhooks.delete}: removes a webhook and answers it as it was. */
  WEBHOOKS_DELETE("webhooks.delete", DeleteWebhookRequest.class, Webhook.class),

  /** {@code webhooks.deliveries.list}: a page of one webhook's deliveries with their attempts. */
  WEBHOOKS_DELIVERIES_LIST(
      "webhooks.deliveries.list", ListWebhookDeliveriesRequest.class, WebhookDeliveryPage.class);

  private final String operationName;
  private final Class<? extends Record> requestType;
  private final Class<? extends Record> responseType;

  Operation(
      String operationName,
      Class<? extends Record> requestType,
      Class<? extends Record> responseType) {
    this.operationName = operationName;
    this.requestType = requestType;
    this.responseType = responseType;
  }

  /**
   * The dotted name, as it appears in {@code /v1/op/{operation}}.
   *
   * @return for example {@code "catalog.providers.list"}
   */
  @JsonValue
  public String operationName() {
    return operationName;
  }

  /**
   * The record a request body is read into.
   *
   * @return for example {@code ExtractRequest.class}
   */
  public Class<? extends Record> requestType() {
    return requestType;
  }

  /**
   * The record a successful response body is read into.
   *
   * @return for example {@code ExtractResponse.class}
   */
  public Class<? extends Record> responseType() {
    return responseType;
  }

  /**
   * Whether the operation is work sent with {@code POST} ({@code extract}, {@code extract.batch},
   * {@code jobs.create}, {@code webhooks.create}), which an {@code Idempotency-Key} makes safe to
   * send again: the service replays its first answer (the same job, one webhook). Reads, {@code
   * extract.estimate}, which changes nothing, and {@code webhooks.delete}, which changes nothing
   * the second time, need no key.
   *
   * @return true for the operations that take an {@code Idempotency-Key}
   */
  public boolean takesIdempotencyKey() {
    return this == EXTRACT
        || this == EXTRACT_BATCH
        || this == JOBS_CREATE
        || this == WEBHOOKS_CREATE;
  }

  /**
   * Finds an operation by its dotted name (exact, case-sensitive, as in a URL path).
   *
   * @param name the dotted name
   * @return the operation, or empty when there is none of that name
   */
  public static Optional<Operation> find(String name) {
    for (Operation op : values()) {
      if (op.operationName.equals(name)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads an operation's dotted name.
   *
   * @param name the dotted name
   * @return the operation
   * @throws IllegalArgumentException if there is none of that name; the message lists the valid
   *     names
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Operation of(String name) {
    return find(name)
        .orElseThrow(
            () -> {
              StringBuilder names = new StringBuilder();
              for (Operation op : values()) {
                names.append(names.length() == 0 ? "" : ", ").append(op.operationName);
              }
              return new IllegalArgumentException(
                  "Unknown operation '" + name + "'; expected one of: " + names);
            });
  }

  /**
   * The dotted name.
   *
   * @return {@link #operationName()}
   */
  @Override
  public String toString() {
    return operationName;
  }
}
