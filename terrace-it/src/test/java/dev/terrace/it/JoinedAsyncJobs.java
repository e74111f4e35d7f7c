package dev.terrace.it;

import static dev.terrace.it.JoinedAsyncApi.join;

import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.Job;
import dev.terrace.api.JobInput;
import dev.terrace.api.JobPage;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobsApi;
import dev.terrace.api.JobsAsyncApi;
import dev.terrace.api.ListJobsRequest;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The asynchronous jobs joined, so that the contract's tests run them as the blocking ones. */
final class JoinedAsyncJobs implements JobsApi {

  private final JobsAsyncApi async;

  JoinedAsyncJobs(JobsAsyncApi async) {
    this.async = async;
  }

  @Override
  public Job create(CreateJobRequest request) {
    return join(async.create(request));
  }

  @Override
  public Job create(CreateJobRequest request, JobInput input) {
    return join(async.create(request, input));
  }

  @Override
  public Job get(String id) {
    return join(async.get(id));
  }

  @Override
  public JobPage list(ListJobsRequest request) {
    return join(async.list(request));
  }

  @Override
  public Job cancel(String id) {
    return join(async.cancel(id));
  }

  @Override
  public Stream<JobRow> results(String id, long offset) {
    return join(async.results(id, offset));
  }

  @Override
  public Job waitFor(String id, Duration timeout, Consumer<Job> progress) {
    return join(async.waitFor(id, timeout, progress));
  }
}
