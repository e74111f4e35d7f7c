package dev.terrace.server;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.ErrorType;
import dev.terrace.api.Job;
import dev.terrace.api.JobIdRequest;
import dev.terrace.api.JobInputFormat;
import dev.terrace.api.JobResultsFormat;
import dev.terrace.api.JobResultsRequest;
import dev.terrace.api.ListJobsRequest;
import dev.terrace.api.Operation;
import dev.terrace.engine.internal.jobs.JobService;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The jobs' routes in both styles. {@code jobs.create} reads either its JSON request or, for the
 * resource route, an input streamed as the body (options in the query string); {@code jobs.results}
 * streams rows rather than answering one document.
 */
final class JobRoutes {

  private final JobService jobs;
  private final long maxBodyBytes;
  private final long maxInputBytes;

  /**
   * @param maxBodyBytes the largest JSON body
   * @param maxInputBytes the largest input streamed as the body
   */
  JobRoutes(JobService jobs, long maxBodyBytes, long maxInputBytes) {
    this.jobs = jobs;
    this.maxBodyBytes = maxBodyBytes;
    this.maxInputBytes = maxInputBytes;
  }

  /** {@code POST /v1/op/jobs.create} and {@code POST /api/v1/jobs}. */
  void create(ServerRequest req, ServerResponse res, boolean resourceStyle) throws Exception {
    Exchange exchange = OperationHandler.begin(Operation.JOBS_CREATE, req);
    String key = OperationHandler.idempotencyKey(req).orElse(null);
    Optional<JobInputFormat> streamed =
        resourceStyle
            ? req.headers().first(HeaderNames.CONTENT_TYPE).flatMap(JobInputFormat::ofMediaType)
            : Optional.empty();
    Job job;
    if (streamed.isPresent()) {
      BatchExtractRequest options =
          Json.MAPPER.treeToValue(
              QueryFields.of(req.query(), BatchExtractRequest.class), BatchExtractRequest.class);
      String layer = req.query().first("layer").orElse(null);
      CreateJobRequest request = new CreateJobRequest(options, List.of(), layer);
      job =
          jobs.create(
              exchange.owner(),
              request,
              BodyReader.capped(req, maxInputBytes),
              streamed.get(),
              key);
    } else {
      JsonContentType.require(req, res);
      byte[] body = BodyReader.read(req, maxBodyBytes);
      CreateJobRequest request =
          Json.MAPPER.readValue(body.length == 0 ? "{}".getBytes() : body, CreateJobRequest.class);
      job = jobs.create(exchange.owner(), request, null, null, key);
    }
    res.header("Location", "/api/v1/jobs/" + job.id());
    OperationHandler.send(res, 202, job);
  }

  /** {@code jobs.get}, {@code jobs.list} and {@code jobs.cancel}: one JSON answer each. */
  Object answer(Operation op, Object request, String owner) {
    return switch (op) {
      case JOBS_GET -> jobs.get(owner, id(((JobIdRequest) request).id()));
      case JOBS_LIST -> jobs.list(owner, (ListJobsRequest) request);
      case JOBS_CANCEL -> jobs.cancel(owner, id(((JobIdRequest) request).id()));
      default -> throw new IllegalArgumentException(op + " is not answered here");
    };
  }

  /** {@code jobs.results}: the rows streamed in the format asked for. */
  void results(JobResultsRequest request, ServerRequest req, ServerResponse res) throws Exception {
    Exchange exchange = OperationHandler.begin(Operation.JOBS_RESULTS, req);
    JobResultsFormat format = request.format() != null ? request.format() : accepted(req);
    // Problems (404, 409, a bad offset) are raised here, before the first byte is sent.
    Stream<String> lines = jobs.resultLines(exchange.owner(), id(request.id()), request.offset());
    res.status(200);
    res.header("Content-Type", format.mediaType());
    try (lines;
        OutputStream out = res.outputStream()) {
      JobResultsWriter.write(format, lines, out);
    }
  }

  /** The first of the formats the {@code Accept} header lists, NDJSON when it lists none. */
  private static JobResultsFormat accepted(ServerRequest req) {
    String accept = req.headers().first(HeaderNames.ACCEPT).orElse("");
    for (String range : accept.split(",")) {
      String type = range.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      for (JobResultsFormat f : JobResultsFormat.values()) {
        if (f.mediaType().equals(type)) {
          return f;
        }
      }
    }
    return JobResultsFormat.NDJSON;
  }

  private static String id(String id) {
    if (id == null || id.isBlank()) {
      throw ProblemException.field(ErrorType.VALIDATION_ERROR, "id is required", "missing", "id");
    }
    return id;
  }
}
