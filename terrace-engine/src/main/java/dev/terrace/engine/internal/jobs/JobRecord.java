package dev.terrace.engine.internal.jobs;

import dev.terrace.api.Job;
import dev.terrace.api.JobInputFormat;
import dev.terrace.api.JobStatus;
import java.time.Instant;

/**
 * A job as it is stored: its status and progress, and what it needs to run again after a restart.
 *
 * @param owner whose job it is (an API key's principal; {@code embedded} in-process)
 * @param total the input's rows, or null until counted
 * @param processed the rows of the committed chunks
 * @param chunks the chunks committed, each {@code chunkRows} rows but the last
 * @param chunkRows the rows per chunk, fixed for the job's life so that a row's chunk is known
 * @param options the {@code extract.batch} options as JSON, without geometries
 * @param format the format of the input file in the job's folder
 * @param layer the GeoPackage table to read, or null
 * @param idempotencyKey the {@code Idempotency-Key} it was created with, or null
 * @param requestHash a hash of the options and the input, to tell a retry from another request
 */
public record JobRecord(
    String id,
    String owner,
    JobStatus status,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Long total,
    long processed,
    long failedRows,
    int chunks,
    int chunkRows,
    String error,
    String options,
    JobInputFormat format,
    String layer,
    String idempotencyKey,
    String requestHash) {

  /**
   * @param pace how far the job has got while it runs in this process, or null
   * @return the job as the API answers it, with an ETA from the pace when the total is known
   */
  Job toJob(Pace pace) {
    boolean running = status == JobStatus.RUNNING && pace != null;
    long extracted = running ? Math.max(pace.extracted(), processed) : processed;
    Double rowsPerSecond = running ? pace.rowsPerSecond() : null;
    Instant eta = null;
    if (rowsPerSecond != null && rowsPerSecond > 0 && total != null) {
      double left = (2.0 * total - extracted - processed) / 2;
      eta = Instant.now().plusMillis((long) (left * 1000 / rowsPerSecond));
    }
    return new Job(
        id,
        status,
        createdAt,
        startedAt,
        finishedAt,
        total,
        processed,
        extracted,
        failedRows,
        rowsPerSecond,
        eta,
        error);
  }

  JobRecord withStatus(JobStatus status, Instant startedAt, Instant finishedAt, String error) {
    return with(status, startedAt, finishedAt, total, chunks, processed, failedRows, error);
  }

  JobRecord withTotal(long total) {
    return with(status, startedAt, finishedAt, total, chunks, processed, failedRows, error);
  }

  JobRecord withProgress(int chunks, long processed, long failedRows) {
    return with(status, startedAt, finishedAt, total, chunks, processed, failedRows, error);
  }

  /** This job with the parts that change as it runs replaced, the rest kept. */
  private JobRecord with(
      JobStatus status,
      Instant startedAt,
      Instant finishedAt,
      Long total,
      int chunks,
      long processed,
      long failedRows,
      String error) {
    return new JobRecord(
        id,
        owner,
        status,
        createdAt,
        startedAt,
        finishedAt,
        total,
        processed,
        failedRows,
        chunks,
        chunkRows,
        error,
        options,
        format,
        layer,
        idempotencyKey,
        requestHash);
  }
}
