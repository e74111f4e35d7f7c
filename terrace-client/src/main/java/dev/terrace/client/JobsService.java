package dev.terrace.client;

import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.Job;
import dev.terrace.api.JobIdRequest;
import dev.terrace.api.JobInput;
import dev.terrace.api.JobPage;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobsApi;
import dev.terrace.api.ListJobsRequest;
import dev.terrace.api.Operation;
import java.util.stream.Stream;

/**
 * The service's jobs, blocking: {@code client.jobs()}. Calls go through the client's retries and
 * deadlines, but for a streamed create (sent once: a stream cannot be sent again) and the results,
 * which are read as they arrive and asked for again from the next row when the connection drops.
 */
public final class JobsService implements JobsApi {

  private final TerraceClient client;
  private final JobStreams streams;

  JobsService(TerraceClient client, JobStreams streams) {
    this.client = client;
    this.streams = streams;
  }

  @Override
  public Job create(CreateJobRequest request) {
    return client.call(Operation.JOBS_CREATE.operationName(), request, Job.class);
  }

  @Override
  public Job create(CreateJobRequest request, JobInput input) {
    return streams.create(request, input, null);
  }

  @Override
  public Job get(String id) {
    return client.call(Operation.JOBS_GET.operationName(), new JobIdRequest(id), Job.class);
  }

  @Override
  public JobPage list(ListJobsRequest request) {
    return client.call(Operation.JOBS_LIST.operationName(), request, JobPage.class);
  }

  /**
   * Operation {@code jobs.list} as a page that fetches the ones after it: {@code
   * jobs().pages(ListJobsRequest.FIRST_PAGE).autoPager().stream()} walks every job, newest first.
   *
   * @param request the status filter and the first page
   * @return the page
   */
  public CatalogPage<Job> pages(ListJobsRequest request) {
    return new CatalogPage<>(list(request), offset -> list(request.withOffset(offset)));
  }

  @Override
  public Job cancel(String id) {
    return client.call(Operation.JOBS_CANCEL.operationName(), new JobIdRequest(id), Job.class);
  }

  @Override
  public Stream<JobRow> results(String id, long offset) {
    return streams.results(id, offset);
  }
}
