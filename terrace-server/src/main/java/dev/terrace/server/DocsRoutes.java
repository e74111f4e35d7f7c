package dev.terrace.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /openapi.json} and {@code GET /docs}: the API described for programs and for people.
 */
final class DocsRoutes {

  static final ApiRoutes.Route OPENAPI = new ApiRoutes.Route(Method.GET, "/openapi.json");
  static final ApiRoutes.Route DOCS = new ApiRoutes.Route(Method.GET, "/docs");
  static final List<ApiRoutes.Route> ROUTES = List.of(OPENAPI, DOCS);

  /** The page runs its own inline script and fetches only from this server. */
  private static final String PAGE_POLICY =
      "default-src 'none'; script-src 'unsafe-inline'; "
          + "style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'";

  private final byte[] openApi;
  private final byte[] page;

  /** Builds both documents once: they change only with the code. */
  DocsRoutes(List<ApiRoutes.Route> routes) {
    ObjectNode document = OpenApi.document(routes);
    try {
      this.openApi = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    this.page = DocsPage.render(document).getBytes(StandardCharsets.UTF_8);
  }

  void register(HttpRouting.Builder routing) {
    routing
        .get(OPENAPI.path(), (req, res) -> send(req, res, "openapi", "application/json", openApi))
        .get(
            DOCS.path(),
            (req, res) -> {
              res.header("Content-Security-Policy", PAGE_POLICY);
              send(req, res, "docs", "text/html; charset=utf-8", page);
            });
  }

  private static void send(
      ServerRequest req, ServerResponse res, String label, String type, byte[] body) {
    req.context().get(Exchange.class).ifPresent(e -> e.label(label));
    res.header("Content-Type", type);
    res.send(body);
  }
}
