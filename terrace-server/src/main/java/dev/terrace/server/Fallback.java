package dev.terrace.server;

import dev.terrace.api.ErrorType;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers requests no route took: 405 naming the allowed method when the path is ours, 404
 * otherwise.
 */
final class Fallback implements Handler {

  private final List<ApiRoutes.Route> routes;

  Fallback(List<ApiRoutes.Route> routes) {
    this.routes = routes;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    String path = req.path().path();
    List<Method> allowed =
        routes.stream()
            .filter(r -> matches(r.path(), path))
            .map(ApiRoutes.Route::method)
            .distinct()
            .toList();
    if (allowed.isEmpty()) {
      throw ProblemException.of(
          ErrorType.NOT_FOUND, "no route " + path + "; see /docs for the routes");
    }
    String names = allowed.stream().map(Method::text).collect(Collectors.joining(", "));
    res.header("Allow", names);
    throw ProblemException.of(
        ErrorType.METHOD_NOT_ALLOWED,
        path + " accepts " + names + ", not " + req.prologue().method().text());
  }

  /**
   * Whether a concrete path fits a route template whose {@code {name}} segments match any one
   * segment.
   */
  static boolean matches(String template, String path) {
    String[] t = template.split("/", -1);
    String[] p = path.split("/", -1);
    if (t.length != p.length) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      boolean parameter = t[i].startsWith("{") && t[i].endsWith("}");
      if (parameter ? p[i].isEmpty() : !t[i].equals(p[i])) {
        return false;
      }
    }
    return true;
  }
}
