package dev.terrace.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CreateWebhookRequest;
import dev.terrace.api.DeleteWebhookRequest;
import dev.terrace.api.ErrorType;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.GetDatasetRequest;
import dev.terrace.api.GetProviderRequest;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.JobResultsRequest;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.ListWebhookDeliveriesRequest;
import dev.terrace.api.ListWebhooksRequest;
import dev.terrace.api.Operation;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.geojson.Point;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs one operation for either route style: checks the caller's scope, parses the request, replays
 * or records an idempotent response, and runs the engine, or the caller's webhooks, through the
 * work queue.
 */
final class OperationHandler {

  private static final HeaderName IDEMPOTENCY_KEY_HEADER = HeaderNames.create("Idempotency-Key");
  static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private final TerraceApi engine;
  private final WebhookOperations webhooks;
  private final WorkQueue queue;
  private final IdempotencyStore idempotency;
  private final long maxBodyBytes;
  private final JobRoutes jobs;

  OperationHandler(
      TerraceApi engine,
      WebhookOperations webhooks,
      WorkQueue queue,
      IdempotencyStore idempotency,
      long maxBodyBytes,
      JobRoutes jobs) {
    this.jobs = jobs;
    this.engine = engine;
    this.webhooks = webhooks;
    this.queue = queue;
    this.idempotency = idempotency;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The request's {@code Idempotency-Key}, if it sent one.
   *
   * @throws ProblemException for a key that is not 1 to 255 printable ASCII characters
   */
  static Optional<String> idempotencyKey(ServerRequest req) {
    Optional<String> key = req.headers().first(IDEMPOTENCY_KEY_HEADER);
    if (key.isPresent() && !IDEMPOTENCY_KEY.matcher(key.get()).matches()) {
      throw ProblemException.field(
          ErrorType.VALIDATION_ERROR,
          "Idempotency-Key must be 1 to 255 printable ASCII" + " characters without spaces",
          "value_error",
          "header",
          "Idempotency-Key");
    }
    return key;
  }

  /** Answers an operation whose request is the JSON body. */
  void fromBody(Operation op, ServerRequest req, ServerResponse res) throws Exception {
    if (op == Operation.JOBS_CREATE) {
      jobs.create(req, res, false);
      return;
    }
    Exchange exchange = begin(op, req);
    JsonContentType.require(req, res);
    byte[] body = BodyReader.read(req, maxBodyBytes);
    Object request = parse(op, body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
    if (op == Operation.JOBS_RESULTS) {
      jobs.results((JobResultsRequest) request, req, res);
      return;
    }
    boolean crsAlias = CrsAlias.usedIn(body);
    Optional<String> key =
        op.takesIdempotencyKey() ? idempotencyKey(req) : Optional.<String>empty();
    if (key.isEmpty()) {
      Object answer = run(op, request, exchange, crsAlias);
      if (answer instanceof ItemCollection page) {
        // Links a STAC client follows: absolute, the next page by POST to this same route.
        String url = StacRoutes.base(req) + req.path().rawPath();
        answer = new StacDocuments(StacRoutes.base(req)).page(page, url, true, null);
      }
      send(res, 200, answer);
      return;
    }
    String owner = exchange.principal().id();
    String hash = hash(op, body);
    Optional<IdempotencyStore.Recorded> first = idempotency.find(owner, key.get());
    if (first.isPresent()) {
      if (!first.get().requestHash().equals(hash)) {
        throw ProblemException.field(
            ErrorType.CONFLICT,
            "this Idempotency-Key was first used with a different"
                + " request; use a new key for a new request",
            "idempotency_conflict",
            "header",
            "Idempotency-Key");
      }
      res.header("Idempotent-Replayed", "true");
      sendBytes(res, first.get().status(), first.get().body());
      return;
    }
    byte[] answer = Json.MAPPER.writeValueAsBytes(run(op, request, exchange, crsAlias));
    idempotency.save(owner, key.get(), new IdempotencyStore.Recorded(hash, 200, answer));
    sendBytes(res, 200, answer);
  }

  /**
   * Answers an operation whose request is built from the query string and, if named, a path
   * parameter.
   */
  void fromQuery(Operation op, ServerRequest req, ServerResponse res, String pathParameter)
      throws Exception {
    ObjectNode fields = QueryFields.of(req.query(), op.requestType());
    if (pathParameter != null) {
      fields.put(pathParameter, req.path().pathParameters().get(pathParameter));
    }
    Object request = Json.MAPPER.treeToValue(fields, op.requestType());
    if (op == Operation.JOBS_RESULTS) {
      jobs.results((JobResultsRequest) request, req, res);
      return;
    }
    Exchange exchange = begin(op, req);
    send(res, 200, run(op, request, exchange, CrsAlias.usedIn(fields)));
  }

  private static Object parse(Operation op, byte[] body) throws java.io.IOException {
    Object request = Json.MAPPER.readValue(body, op.requestType());
    if (request == null) {
      throw ProblemException.field(
          ErrorType.VALIDATION_ERROR,
          "the body must be a JSON object, not null",
          "type_error",
          "body");
    }
    return request;
  }

  static Exchange begin(Operation op, ServerRequest req) {
    return begin(op.operationName(), Scope.requiredFor(op), req);
  }

  /**
   * Labels a request that is not an operation (a preview tile, say) and checks its key's scope.
   *
   * @param label the name metrics and messages give it
   * @param needed the scope it needs
   */
  static Exchange begin(String label, Scope needed, ServerRequest req) {
    Exchange exchange = req.context().get(Exchange.class).orElseThrow();
    exchange.label(label);
    if (!exchange.principal().may(needed)) {
      throw ProblemException.of(
          ErrorType.FORBIDDEN,
          "this API key lacks the '"
              + needed.wireName()
              + "' scope that "
              + label
              + " needs; ask an admin for a key with it");
    }
    return exchange;
  }

  /**
   * @param crsAlias whether the request named its CRS {@code target_crs}, so problems with it say
   *     so
   */
  private Object run(Operation op, Object request, Exchange exchange, boolean crsAlias)
      throws Exception {
    try {
      return run(op, request, exchange);
    } catch (InvalidRequestException e) {
      throw crsAlias ? CrsAlias.renamed(e) : e;
    }
  }

  private Object run(Operation op, Object request, Exchange exchange) throws Exception {
    String requestId = exchange.requestId();
    String owner = exchange.owner();
    boolean quick =
        op == Operation.EXTRACT && ((ExtractRequest) request).geometry() instanceof Point;
    return queue.run(
        () ->
            switch (op) {
              case EXTRACT -> sameId(engine.extract((ExtractRequest) request), requestId);
              case EXTRACT_BATCH -> engine.batchExtract((BatchExtractRequest) request);
              case EXTRACT_ESTIMATE -> engine.estimate((EstimateRequest) request);
              case CATALOG_PROVIDERS_LIST -> engine.providers((ListProvidersRequest) request);
              case CATALOG_PROVIDERS_GET ->
                  engine.provider(required(((GetProviderRequest) request).slug(), "slug"));
              case CATALOG_DATASETS_LIST -> engine.datasets((ListDatasetsRequest) request);
              case CATALOG_DATASETS_GET ->
                  engine.dataset(required(((GetDatasetRequest) request).id(), "id"));
              case CATALOG_SEARCH -> engine.search((ItemSearchRequest) request);
              case JOBS_GET, JOBS_LIST, JOBS_CANCEL -> jobs.answer(op, request, owner);
              case JOBS_CREATE, JOBS_RESULTS ->
                  throw new IllegalStateException(op + " is not answered as one document");
              case WEBHOOKS_CREATE -> webhooks.create(owner, (CreateWebhookRequest) request);
              case WEBHOOKS_LIST -> webhooks.list(owner, (ListWebhooksRequest) request);
              case WEBHOOKS_DELETE -> webhooks.delete(owner, (DeleteWebhookRequest) request);
              case WEBHOOKS_DELIVERIES_LIST ->
                  webhooks.deliveries(owner, (ListWebhookDeliveriesRequest) request);
            },
        quick);
  }

  /** The response's id is the request's, so the body and the {@code X-Request-ID} header agree. */
  private static ExtractResponse sameId(ExtractResponse r, String requestId) {
    return new ExtractResponse(
        requestId, r.geometryHash(), r.results(), r.warnings(), r.elapsedMs(), r.error());
  }

  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ProblemException.field(
          ErrorType.VALIDATION_ERROR, field + " is required", "missing", field);
    }
    return value;
  }

  private static String hash(Operation op, byte[] body) {
    return Sha256.hex(op.operationName().getBytes(StandardCharsets.UTF_8), new byte[] {0}, body);
  }

  static void send(ServerResponse res, int status, Object body) throws Exception {
    sendBytes(res, status, Json.MAPPER.writeValueAsBytes(body));
  }

  private static void sendBytes(ServerResponse res, int status, byte[] body) {
    res.status(status);
    res.header("Content-Type", "application/json");
    res.send(body);
  }
}
