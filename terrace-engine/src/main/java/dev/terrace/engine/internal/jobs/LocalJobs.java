package dev.terrace.engine.internal.jobs;

import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.Job;
import dev.terrace.api.JobInput;
import dev.terrace.api.JobPage;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobsApi;
import dev.terrace.api.JobsAsyncApi;
import dev.terrace.api.ListJobsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The in-process engine's jobs: a {@link JobService} over a {@link MemoryJobStore}, the jobs those
 * of the process, gone when the engine closes.
 */
public final class LocalJobs implements JobsApi {

  private static final String OWNER = "embedded";

  private final JobService service;

  public LocalJobs(JobService service) {
    this.service = service;
  }

  @Override
  public Job create(CreateJobRequest request) {
    try {
      return service.create(OWNER, request, null, null, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the job's input: " + e.getMessage(), e);
    }
  }

  @Override
  public Job create(CreateJobRequest request, JobInput input) {
    try (InputStream in = input.open()) {
      return service.create(OWNER, request, in, input.format(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + input + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Job get(String id) {
    return service.get(OWNER, id);
  }

  @Override
  public JobPage list(ListJobsRequest request) {
    return service.list(OWNER, request);
  }

  @Override
  public Job cancel(String id) {
    return service.cancel(OWNER, id);
  }

  @Override
  public Stream<JobRow> results(String id, long offset) {
    return service.results(OWNER, id, offset);
  }

  /**
   * @return the same jobs, each call run on the executor
   */
  public JobsAsyncApi async(Executor executor) {
    return new Async(this, executor);
  }

  private record Async(LocalJobs jobs, Executor executor) implements JobsAsyncApi {

    private <T> CompletableFuture<T> run(Supplier<T> call) {
      return CompletableFuture.supplyAsync(call, executor);
    }

    @Override
    public CompletableFuture<Job> create(CreateJobRequest request) {
      return run(() -> jobs.create(request));
    }

    @Override
    public CompletableFuture<Job> create(CreateJobRequest request, JobInput input) {
      return run(() -> jobs.create(request, input));
    }

    @Override
    public CompletableFuture<Job> get(String id) {
      return run(() -> jobs.get(id));
    }

    @Override
    public CompletableFuture<JobPage> list(ListJobsRequest request) {
      return run(() -> jobs.list(request));
    }

    @Override
    public CompletableFuture<Job> cancel(String id) {
      return run(() -> jobs.cancel(id));
    }

    @Override
    public CompletableFuture<Stream<JobRow>> results(String id, long offset) {
      return run(() -> jobs.results(id, offset));
    }
  }
}
