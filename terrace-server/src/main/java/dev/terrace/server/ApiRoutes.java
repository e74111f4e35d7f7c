package dev.terrace.server;

import dev.terrace.api.ErrorType;
import dev.terrace.api.Operation;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * The two route styles over one handler: {@code POST /v1/op/{operation}} for every operation by name, and the
 * resource-style routes attribute-service clients speak.
 */
final class ApiRoutes {

  /** A route of the service, for 405 answers and for checking the OpenAPI document. */
  record Route(Method method, String path) {}

  static final List<Route> ROUTES = List.of(
      new Route(Method.POST, "/v1/op/{operation}"),
      new Route(Method.POST, "/api/v1/extract"),
      new Route(Method.POST, "/api/v1/extract/batch"),
      new Route(Method.GET, "/api/v1/providers"),
      new Route(Method.GET, "/api/v1/providers/{slug}"),
      new Route(Method.GET, "/api/v1/datasets"),
      new Route(Method.GET, "/api/v1/datasets/{id}"));

  private final OperationHandler handler;

  ApiRoutes(OperationHandler handler) {
    this.handler = handler;
  }

  void register(HttpRouting.Builder routing) {
    routing
        .post("/v1/op/{operation}", this::byName)
        .post("/api/v1/extract", (req, res) -> handler.fromBody(Operation.EXTRACT, req, res))
        .post("/api/v1/extract/batch", (req, res) -> handler.fromBody(Operation.EXTRACT_BATCH, req, res))
        .get("/api/v1/providers", (req, res) -> handler.fromQuery(Operation.CATALOG_PROVIDERS_LIST, req, res, null))
        .get("/api/v1/providers/{slug}", (req, res) -> handler.fromQuery(Operation.CATALOG_PROVIDERS_GET, req,
            res, "slug"))
        .get("/api/v1/datasets", (req, res) -> handler.fromQuery(Operation.CATALOG_DATASETS_LIST, req, res, null))
        .get("/api/v1/datasets/{id}", (req, res) -> handler.fromQuery(Operation.CATALOG_DATASETS_GET, req, res,
            "id"));
  }

  private void byName(ServerRequest req, ServerResponse res) throws Exception {
    String name = req.path().pathParameters().get("operation");
    Operation op = Operation.find(name).orElseThrow(() -> ProblemException.field(ErrorType.NOT_FOUND,
        "no operation named '" + name + "'; the operations are " + names(), "unknown_operation", "operation"));
    handler.fromBody(op, req, res);
  }

  private static String names() {
    StringBuilder out = new StringBuilder();
    for (Operation op : Operation.values()) {
      out.append(out.isEmpty() ? "" : ", ").append(op.operationName());
    }
    return out.toString();
  }
}
