package dev.terrace.server;

import dev.terrace.api.ErrorType;
import dev.terrace.api.Operation;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * The two route styles over one handler: {@code POST /v1/op/{operation}} for every operation by
 * name, and the resource-style routes attribute-service clients speak.
 */
final class ApiRoutes {

  /**
   * A route of the service, for 405 answers and for the OpenAPI document.
   *
   * @param operation the operation a resource-style route runs; null for {@code /v1/op/{operation}}
   *     and for the service's own routes
   */
  record Route(Method method, String path, Operation operation) {

    Route(Method method, String path) {
      this(method, path, null);
    }

    /**
     * @return the name of the route's {@code {name}} path segment, or null when it has none
     */
    String pathParameter() {
      int open = path.indexOf('{');
      return open < 0 ? null : path.substring(open + 1, path.indexOf('}', open));
    }
  }

  /** The operation named in the path, always POST. */
  static final Route BY_NAME = new Route(Method.POST, "/v1/op/{operation}");

  static final List<Route> ROUTES =
      List.of(
          BY_NAME,
          new Route(Method.POST, "/api/v1/extract", Operation.EXTRACT),
          new Route(Method.POST, "/api/v1/extract/batch", Operation.EXTRACT_BATCH),
          new Route(Method.POST, "/api/v1/extract/estimate", Operation.EXTRACT_ESTIMATE),
          new Route(Method.GET, "/api/v1/providers", Operation.CATALOG_PROVIDERS_LIST),
          new Route(Method.GET, "/api/v1/providers/{slug}", Operation.CATALOG_PROVIDERS_GET),
          new Route(Method.GET, "/api/v1/datasets", Operation.CATALOG_DATASETS_LIST),
          new Route(Method.GET, "/api/v1/datasets/{id}", Operation.CATALOG_DATASETS_GET),
          new Route(Method.POST, "/api/v1/search", Operation.CATALOG_SEARCH),
          new Route(Method.POST, "/api/v1/jobs", Operation.JOBS_CREATE),
          new Route(Method.GET, "/api/v1/jobs", Operation.JOBS_LIST),
          new Route(Method.GET, "/api/v1/jobs/{id}", Operation.JOBS_GET),
          new Route(Method.POST, "/api/v1/jobs/{id}/cancel", Operation.JOBS_CANCEL),
          new Route(Method.GET, "/api/v1/jobs/{id}/results", Operation.JOBS_RESULTS),
          new Route(Method.POST, "/api/v1/webhooks", Operation.WEBHOOKS_CREATE),
          new Route(Method.GET, "/api/v1/webhooks", Operation.WEBHOOKS_LIST),
          new Route(Method.DELETE, "/api/v1/webhooks/{id}", Operation.WEBHOOKS_DELETE),
          new Route(
              Method.GET,
              "/api/v1/webhooks/{webhook_id}/deliveries",
              Operation.WEBHOOKS_DELIVERIES_LIST));

  private final OperationHandler handler;
  private final JobRoutes jobs;

  ApiRoutes(OperationHandler handler, JobRoutes jobs) {
    this.handler = handler;
    this.jobs = jobs;
  }

  /**
   * Registers {@link #ROUTES}: a resource-style POST reads its request from the body, a GET or a
   * POST to a resource by id ({@code /jobs/{id}/cancel}) or a DELETE from the path and the query;
   * {@code POST /api/v1/jobs} takes a streamed input as well as a JSON request.
   */
  void register(HttpRouting.Builder routing) {
    routing.post(BY_NAME.path(), this::byName);
    for (Route route : ROUTES) {
      Operation op = route.operation();
      if (op == null) {
        continue;
      }
      if (op == Operation.JOBS_CREATE) {
        routing.post(route.path(), (req, res) -> jobs.create(req, res, true));
      } else if (route.method().equals(Method.POST) && route.pathParameter() != null) {
        routing.post(
            route.path(), (req, res) -> handler.fromQuery(op, req, res, route.pathParameter()));
      } else if (route.method().equals(Method.POST)) {
        routing.post(route.path(), (req, res) -> handler.fromBody(op, req, res));
      } else if (route.method().equals(Method.DELETE)) {
        routing.delete(
            route.path(), (req, res) -> handler.fromQuery(op, req, res, route.pathParameter()));
      } else {
        routing.get(
            route.path(), (req, res) -> handler.fromQuery(op, req, res, route.pathParameter()));
      }
    }
  }

  private void byName(ServerRequest req, ServerResponse res) throws Exception {
    String name = req.path().pathParameters().get("operation");
    Operation op =
        Operation.find(name)
            .orElseThrow(
                () ->
                    ProblemException.field(
                        ErrorType.NOT_FOUND,
                        "no operation named '" + name + "'; the operations are " + names(),
                        "unknown_operation",
                        "operation"));
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
