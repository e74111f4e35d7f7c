package dev.terrace.api;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Jobs, blocking: extractions too big for one request, submitted, run in the background in chunks
 * that are committed with their results, and read back as rows in input order. The same contract
 * in-process ({@code Terrace.embedded().jobs()}) and over HTTP ({@code TerraceClient.jobs()}).
 *
 * <pre>{@code
 * Job job = terrace.jobs().create(
 *     CreateJobRequest.streamed(BatchExtractRequest.of(List.of(), "lux:elevation")),
 *     JobInput.of(Path.of("parcels.gpkg")));
 * job = terrace.jobs().waitFor(job.id(), Duration.ofHours(1), j -> log(j.processed()));
 * try (Stream<JobRow> rows = terrace.jobs().results(job.id())) {
 *   rows.forEach(row -> ...);
 * }
 * }</pre>
 *
 * <p>{@link JobsAsyncApi} has the same methods, returning {@code CompletableFuture}s. Failures are
 * the {@link TerraceException}s of {@link TerraceApi}.
 */
public interface JobsApi {

  /**
   * Operation {@code jobs.create} over an inline input ({@link CreateJobRequest#inlineRows()}).
   *
   * @param request the options and the rows
   * @return the job, queued
   * @throws InvalidRequestException for invalid options (as {@code extract.batch} judges them), no
   *     rows, or both {@code features} and {@code geometries}; {@code request_limit} for more than
   *     {@value CreateJobRequest#MAX_ROWS} rows or more running or queued work than the caller may
   *     have
   * @throws TerraceException as for {@link TerraceApi#batchExtract(BatchExtractRequest)}
   */
  Job create(CreateJobRequest request);

  /**
   * Operation {@code jobs.create} over a streamed input: the input is copied as it is read and
   * judged by the job, so that a malformed row fails that row, with its line, and a file that is
   * not what its format says fails the job.
   *
   * @param request the options; inline rows are not allowed beside a streamed input
   * @param input the rows
   * @return the job, queued
   * @throws InvalidRequestException as {@link #create(CreateJobRequest)}
   * @throws TerraceException as for {@link TerraceApi#batchExtract(BatchExtractRequest)}
   */
  Job create(CreateJobRequest request, JobInput input);

  /**
   * Operation {@code jobs.get}: a job's status and progress.
   *
   * @param id the job's id
   * @return the job
   * @throws NotFoundException for an id that names none of the caller's jobs
   */
  Job get(String id);

  /**
   * Operation {@code jobs.list}: a page of the caller's jobs, newest first.
   *
   * @param request the status filter and the page
   * @return the page
   * @throws InvalidRequestException for a limit outside 1 to 1000 or a negative offset
   */
  JobPage list(ListJobsRequest request);

  /**
   * Operation {@code jobs.list}, the first page of every job at the default size.
   *
   * @return the page
   */
  default JobPage list() {
    return list(ListJobsRequest.FIRST_PAGE);
  }

  /**
   * Operation {@code jobs.cancel}: stops a queued or running job; the rows done stay readable.
   *
   * @param id the job's id
   * @return the job, cancelled
   * @throws NotFoundException for an unknown id
   * @throws ConflictException for a job that has already ended
   */
  Job cancel(String id);

  /**
   * Operation {@code jobs.results}: the job's rows from the start, in input order, each once. A
   * running job's stream ends at the rows done so far. Close the stream to release the connection.
   *
   * @param id the job's id
   * @return the rows
   * @throws NotFoundException for an unknown id
   */
  default Stream<JobRow> results(String id) {
    return results(id, 0);
  }

  /**
   * Operation {@code jobs.results} from a row on; over HTTP the SDK asks again from the next row
   * when the connection drops, so the stream neither loses nor repeats a row.
   *
   * @param id the job's id
   * @param offset the first row, from 0
   * @return the rows
   * @throws NotFoundException for an unknown id
   * @throws InvalidRequestException for a negative offset
   */
  Stream<JobRow> results(String id, long offset);

  /**
   * Waits for a job to end, asking for it with a backoff from 100 ms to 5 s.
   *
   * @param id the job's id
   * @param timeout how long to wait
   * @return the job, ended
   * @throws TerraceException from {@link #get(String)}, or {@link ServiceException} when the job
   *     has not ended within the timeout (the job goes on)
   */
  default Job waitFor(String id, Duration timeout) {
    return waitFor(id, timeout, job -> {});
  }

  /**
   * Waits for a job to end, calling {@code progress} with each state read.
   *
   * @param id the job's id
   * @param timeout how long to wait
   * @param progress called with every state read, the last one ended
   * @return the job, ended
   * @throws TerraceException from {@link #get(String)}, or {@link ServiceException} when the job
   *     has not ended within the timeout (the job goes on)
   */
  default Job waitFor(String id, Duration timeout, Consumer<Job> progress) {
    return JobPolling.waitFor(this::get, id, timeout, progress);
  }
}
