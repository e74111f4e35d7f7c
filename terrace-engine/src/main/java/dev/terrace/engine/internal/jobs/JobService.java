package dev.terrace.engine.internal.jobs;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ConflictException;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.ErrorType;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.Job;
import dev.terrace.api.JobInputFormat;
import dev.terrace.api.JobPage;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobStatus;
import dev.terrace.api.ListJobsRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.RateLimitException;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.extract.Priority;
import dev.terrace.engine.internal.json.StrictJson;
import dev.terrace.engine.internal.rows.RowSource;
import dev.terrace.engine.internal.rows.RowSources;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The jobs of one engine: creates them (the input copied to the job's folder), runs them on a
 * bounded pool of threads, and answers for them. Every method takes the owner, so that one caller
 * never sees another's jobs.
 */
public final class JobService implements AutoCloseable {

  /** Rows per committed chunk unless the operator says otherwise. */
  public static final int CHUNK_ROWS = 10_000;

  private static final int MAX_LIST_LIMIT = 1000;

  private final TerraceApi api;
  private final JobStore store;
  private final JobFolder folder;
  private final int chunkRows;
  private final JobQuota quota;
  private final JobRunner runner;
  private final ExecutorService pool;

  /**
   * @param catalog the catalog {@code api} reads, so that points are sorted by its rasters' tiles;
   *     null when unknown
   * @param workers how many jobs run at once
   * @param chunkRows rows per committed chunk of a new job
   * @param maxBatch the most geometries per {@code extract.batch} call
   * @param quota what one owner may have queued and running
   */
  public JobService(
      TerraceApi api,
      Catalog catalog,
      JobStore store,
      JobFolder folder,
      int workers,
      int chunkRows,
      int maxBatch,
      JobQuota quota,
      JobListener listener) {
    this.quota = quota;
    this.api = api;
    this.store = store;
    this.folder = folder;
    this.chunkRows = chunkRows;
    this.runner = new JobRunner(api, catalog, store, folder, maxBatch, listener);
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "terrace-job-" + n.incrementAndGet());
              t.setDaemon(true);
              // A hint only: Linux ignores it. What keeps jobs below interactive requests is
              // run(), which puts each job's extraction in the engine's background lane.
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
  }

  /**
   * Tells the ends the last process did not get to tell, and runs every job it left queued or
   * running, oldest first.
   */
  public void start() {
    store.untold().forEach(runner::tellEnd);
    store.unfinished().stream()
        .sorted(Comparator.comparing(JobRecord::id))
        .forEach(j -> pool.execute(() -> run(j)));
  }

  /**
   * Runs a job in the engine's background lane ({@link Priority}): its reads and decodes wait
   * behind interactive requests' for a core, so that a large job does not make a one-point {@code
   * extract} wait for its tiles. A job alone still has every core.
   */
  private void run(JobRecord job) {
    Priority.background(() -> runner.run(job));
  }

  /**
   * Operation {@code jobs.create}.
   *
   * @param body the streamed input, or null for an inline one
   * @param format the streamed input's format, or null for an inline one
   * @param idempotencyKey the request's key, or null
   * @throws IOException when the input cannot be copied
   */
  public Job create(
      String owner,
      CreateJobRequest request,
      InputStream body,
      JobInputFormat format,
      String idempotencyKey)
      throws IOException {
    BatchExtractRequest options = request.options().withGeometries(List.of());
    List<? extends Geometry> inline = request.inlineRows();
    if (!request.features().isEmpty() && !request.options().geometries().isEmpty()) {
      throw invalid("give the rows as features or as geometries, not both", "features");
    }
    if (body != null && !inline.isEmpty()) {
      throw invalid(
          "a job's rows are either inline (features, geometries) or the request body, not both",
          "features");
    }
    if (body == null && inline.isEmpty()) {
      throw invalid(
          "no rows: send features or geometries, or stream the input as the request body",
          "features");
    }
    if (inline.size() > CreateJobRequest.MAX_ROWS) {
      throw InvalidRequestException.of(
          ErrorType.REQUEST_LIMIT,
          String.format(
              Locale.ROOT, "at most %,d rows; split the input", CreateJobRequest.MAX_ROWS),
          "too_long",
          "features");
    }
    validate(options);
    if (idempotencyKey == null || store.findByKey(owner, idempotencyKey).isEmpty()) {
      checkQuota(owner, inline.size());
    }
    JobInputFormat stored = body == null ? JobInputFormat.NDJSON : format;
    String id = JobIds.next();
    Path dir = Files.createDirectories(folder.dir(id));
    String optionsJson = StrictJson.MAPPER.writeValueAsString(options);
    String hash;
    try {
      hash = copy(id, stored, optionsJson, request.layer(), body, inline);
      if (body != null) {
        check(id, stored, request.layer());
      }
      JobRecord job =
          new JobRecord(
              id,
              owner,
              JobStatus.QUEUED,
              Instant.now(),
              null,
              null,
              null,
              0,
              0,
              0,
              chunkRows,
              null,
              optionsJson,
              stored,
              request.layer(),
              idempotencyKey,
              hash);
      JobRecord kept = store.insert(job);
      if (kept != job) {
        JobFolder.deleteTree(dir);
        return replay(kept, hash);
      }
    } catch (IOException | RuntimeException e) {
      JobFolder.deleteTree(dir);
      throw e;
    }
    pool.execute(() -> run(store.find(owner, id).orElseThrow()));
    return get(owner, id);
  }

  /**
   * Refuses a job beyond the owner's quota, naming the limit. Not asked of a retried create with an
   * idempotency key, which finds its job whatever the owner has made since.
   */
  private void checkQuota(String owner, long newRows) {
    List<JobRecord> unfinished =
        new ArrayList<>(store.list(owner, JobStatus.RUNNING, Integer.MAX_VALUE, 0));
    unfinished.addAll(store.list(owner, JobStatus.QUEUED, Integer.MAX_VALUE, 0));
    long jobs = unfinished.size();
    if (jobs >= quota.jobs()) {
      throw new RateLimitException(
          String.format(
              Locale.ROOT,
              "this key has %d jobs queued or running, the most it may have (jobs per key: %d);"
                  + " wait for one to end or cancel one",
              jobs,
              quota.jobs()));
    }
    long rows = newRows;
    for (JobRecord j : unfinished) {
      rows += j.total() == null ? 0 : j.total() - j.processed();
    }
    if (rows > quota.rows()) {
      throw new RateLimitException(
          String.format(
              Locale.ROOT,
              "this job would leave %,d rows waiting for this key, over its limit of %,d (queued"
                  + " rows per key); wait for its jobs to progress",
              rows,
              quota.rows()));
    }
  }

  /** A retried create: the first job, if the request is the same. */
  private static Job replay(JobRecord first, String hash) {
    if (!first.requestHash().equals(hash)) {
      throw new ConflictException(
          "this Idempotency-Key was first used with a different job; use a new key for a new job");
    }
    return first.toJob(null);
  }

  /** Judges the options as {@code extract.batch} would, on one point, without reading a cell. */
  private void validate(BatchExtractRequest options) {
    try {
      api.estimate(EstimateRequest.of(options.withGeometries(List.of(Point.of(0, 0)))));
    } catch (InvalidRequestException e) {
      List<FieldError> fields = new ArrayList<>();
      for (FieldError f : e.fieldErrors()) {
        List<Object> loc = f.loc();
        boolean nested = !loc.isEmpty() && "extract_batch".equals(loc.get(0));
        fields.add(new FieldError(nested ? loc.subList(1, loc.size()) : loc, f.msg(), f.type()));
      }
      throw new InvalidRequestException(e.errorType().orElse(ErrorType.VALIDATION_ERROR), fields);
    }
  }

  /**
   * Copies the input into the job's folder, inline rows as NDJSON features.
   *
   * @return the request's hash: options, layer and input
   */
  private String copy(
      String id,
      JobInputFormat format,
      String optionsJson,
      String layer,
      InputStream body,
      List<? extends Geometry> inline)
      throws IOException {
    MessageDigest sha = sha256();
    sha.update(
        (optionsJson + "\n" + layer + "\n" + format + "\n").getBytes(StandardCharsets.UTF_8));
    try (OutputStream out =
        new DigestOutputStream(Files.newOutputStream(folder.input(id, format)), sha)) {
      if (body != null) {
        body.transferTo(out);
      } else {
        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (Geometry g : inline) {
          Feature f = g instanceof Feature feature ? feature : new Feature(g, null);
          w.write(StrictJson.MAPPER.writeValueAsString(f));
          w.write('\n');
        }
        w.flush();
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Refuses a streamed input that is not what its format says, or has no rows. */
  private void check(String id, JobInputFormat format, String layer) throws IOException {
    Path input = folder.input(id, format);
    if (Files.size(input) == 0) {
      throw invalid("the input is empty: send at least one row", "body");
    }
    try (RowSource source = RowSources.open(input, format, layer)) {
      if (source.next() == null) {
        throw invalid("the input has no rows: send at least one", "body");
      }
    } catch (IllegalArgumentException e) {
      throw invalid(folder.redact(e.getMessage(), id, format), "body");
    } catch (IOException e) {
      throw invalid(
          "the input cannot be read as "
              + format.wireName()
              + ": "
              + folder.redact(e.getMessage(), id, format),
          "body");
    }
  }

  /**
   * Operation {@code jobs.get}.
   *
   * @throws NotFoundException for an id that is not one of the owner's jobs
   */
  public Job get(String owner, String id) {
    return record(owner, id).toJob(runner.pace(id));
  }

  private JobRecord record(String owner, String id) {
    return store
        .find(owner, id)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no job '" + id + "'; jobs.list lists yours (ids look like job_01…)"));
  }

  /** Operation {@code jobs.list}. */
  public JobPage list(String owner, ListJobsRequest request) {
    if (request.limit() < 1 || request.limit() > MAX_LIST_LIMIT) {
      throw invalid("limit must be 1 to " + MAX_LIST_LIMIT, "limit");
    }
    if (request.offset() < 0) {
      throw invalid("offset must be 0 or more", "offset");
    }
    List<Job> jobs = new ArrayList<>();
    for (JobRecord r : store.list(owner, request.status(), request.limit(), request.offset())) {
      jobs.add(r.toJob(runner.pace(r.id())));
    }
    return JobPage.of(
        store.count(owner, request.status()), request.limit(), request.offset(), jobs);
  }

  /**
   * Operation {@code jobs.cancel}.
   *
   * @throws ConflictException for a job that has already ended
   */
  public Job cancel(String owner, String id) {
    JobRecord job = record(owner, id);
    if (!store.end(id, JobStatus.CANCELLED, null, Instant.now())) {
      throw new ConflictException(
          "job " + id + " has already ended (" + record(owner, id).status().wireName() + ")");
    }
    runner.cancel(id);
    JobRecord cancelled = record(owner, job.id());
    runner.tellEnd(cancelled);
    return cancelled.toJob(null);
  }

  /**
   * Operation {@code jobs.results}, as the stored JSON lines of its rows: what the service sends as
   * NDJSON.
   *
   * @throws ConflictException for a failed job: its error says why it has no rows
   */
  public Stream<String> resultLines(String owner, String id, long offset) {
    if (offset < 0) {
      throw invalid("offset must be 0 or more", "offset");
    }
    JobRecord job = record(owner, id);
    if (job.status() == JobStatus.FAILED) {
      throw new ConflictException("job " + id + " failed, so it has no results: " + job.error());
    }
    return folder.lines(id, job.chunks(), job.chunkRows(), offset);
  }

  /** Operation {@code jobs.results}. */
  public Stream<JobRow> results(String owner, String id, long offset) {
    return resultLines(owner, id, offset).map(JobService::row);
  }

  /**
   * A row of {@link #resultLines} read.
   *
   * @throws java.io.UncheckedIOException when the line is not a row: the results file is damaged
   */
  public static JobRow row(String line) {
    return JobFolder.parse(line);
  }

  private static InvalidRequestException invalid(String message, String field) {
    return InvalidRequestException.of(ErrorType.VALIDATION_ERROR, message, "value_error", field);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Stops the workers; a job they were running stays running and resumes on the next start. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
