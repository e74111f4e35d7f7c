package dev.terrace.client;

import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.Job;
import dev.terrace.api.JobIdRequest;
import dev.terrace.api.JobInput;
import dev.terrace.api.JobPage;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobsAsyncApi;
import dev.terrace.api.ListJobsRequest;
import dev.terrace.api.Operation;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The service's jobs, asynchronous: {@code asyncClient.jobs()}, the methods of {@link JobsService}
 * answering with futures. A streamed create and the results run on the client's executor.
 */
public final class JobsServiceAsync implements JobsAsyncApi {

  private final TerraceAsyncClient client;
  private final JobStreams streams;

  JobsServiceAsync(TerraceAsyncClient client, JobStreams streams) {
    this.client = client;
    this.streams = streams;
  }

  @Override
  public CompletableFuture<Job> create(CreateJobRequest request) {
    return client.call(Operation.JOBS_CREATE.operationName(), request, Job.class);
  }

  @Override
  public CompletableFuture<Job> create(CreateJobRequest request, JobInput input) {
    return CompletableFuture.supplyAsync(
        () -> streams.create(request, input, null), client.executor());
  }

  @Override
  public CompletableFuture<Job> get(String id) {
    return client.call(Operation.JOBS_GET.operationName(), new JobIdRequest(id), Job.class);
  }

  @Override
  public CompletableFuture<JobPage> list(ListJobsRequest request) {
    return client.call(Operation.JOBS_LIST.operationName(), request, JobPage.class);
  }

  /**
   * Operation {@code jobs.list} as a page that fetches the ones after it.
   *
   * @param request the status filter and the first page
   * @return a future of the page
   * @see JobsService#pages(ListJobsRequest)
   */
  public CompletableFuture<CatalogPageAsync<Job>> pages(ListJobsRequest request) {
    return CatalogPageAsync.fetch(
        request.offset(), offset -> list(request.withOffset(offset)), client.executor());
  }

  @Override
  public CompletableFuture<Job> cancel(String id) {
    return client.call(Operation.JOBS_CANCEL.operationName(), new JobIdRequest(id), Job.class);
  }

  @Override
  public CompletableFuture<Stream<JobRow>> results(String id, long offset) {
    return CompletableFuture.supplyAsync(() -> streams.results(id, offset), client.executor());
  }
}
