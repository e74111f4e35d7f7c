package dev.terrace.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Jobs, asynchronous: the methods of {@link JobsApi}, each answering with a {@code
 * CompletableFuture} that completes with the same value or fails with the same {@link
 * TerraceException}.
 */
public interface JobsAsyncApi {

  /**
   * Operation {@code jobs.create}, asynchronously.
   *
   * @param request the options and the rows
   * @return the job, queued
   * @see JobsApi#create(CreateJobRequest)
   */
  CompletableFuture<Job> create(CreateJobRequest request);

  /**
   * Operation {@code jobs.create}, asynchronously.
   *
   * @param request the options
   * @param input the rows
   * @return the job, queued
   * @see JobsApi#create(CreateJobRequest, JobInput)
   */
  CompletableFuture<Job> create(CreateJobRequest request, JobInput input);

  /**
   * Operation {@code jobs.get}, asynchronously.
   *
   * @param id the job's id
   * @return the job
   * @see JobsApi#get(String)
   */
  CompletableFuture<Job> get(String id);

  /**
   * Operation {@code jobs.list}, asynchronously.
   *
   * @param request the status filter and the page
   * @return the page
   * @see JobsApi#list(ListJobsRequest)
   */
  CompletableFuture<JobPage> list(ListJobsRequest request);

  /**
   * Operation {@code jobs.list}, asynchronously.
   *
   * @return the first page of every job
   * @see JobsApi#list()
   */
  default CompletableFuture<JobPage> list() {
    return list(ListJobsRequest.FIRST_PAGE);
  }

  /**
   * Operation {@code jobs.cancel}, asynchronously.
   *
   * @param id the job's id
   * @return the job, cancelled
   * @see JobsApi#cancel(String)
   */
  CompletableFuture<Job> cancel(String id);

  /**
   * The rows from the first, once the first of them can be read.
   *
   * @param id the job's id
   * @return the rows
   * @see JobsApi#results(String)
   */
  default CompletableFuture<Stream<JobRow>> results(String id) {
    return results(id, 0);
  }

  /**
   * The rows from a row on, once the first of them can be read; the stream reads the rest as it is
   * consumed.
   *
   * @param id the job's id
   * @param offset the first row, from 0
   * @return the rows
   * @see JobsApi#results(String, long)
   */
  CompletableFuture<Stream<JobRow>> results(String id, long offset);

  /**
   * Waits for a job to end, asynchronously.
   *
   * @param id the job's id
   * @param timeout how long to wait
   * @param progress called with every state read
   * @return the job, ended
   * @see JobsApi#waitFor(String, Duration, Consumer)
   */
  default CompletableFuture<Job> waitFor(String id, Duration timeout, Consumer<Job> progress) {
    return JobPolling.waitForAsync(this::get, id, timeout, progress);
  }

  /**
   * Waits for a job to end, asynchronously.
   *
   * @param id the job's id
   * @param timeout how long to wait
   * @return the job, ended
   * @see JobsApi#waitFor(String, Duration)
   */
  default CompletableFuture<Job> waitFor(String id, Duration timeout) {
    return waitFor(id, timeout, job -> {});
  }
}
