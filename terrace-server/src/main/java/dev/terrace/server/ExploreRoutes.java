package dev.terrace.server;

import dev.terrace.api.ErrorType;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * {@code GET /explore} and its files: a map to pick a dataset, draw a geometry and run an extract
 * from the browser. The page holds no data, so it needs no key; its calls to the API carry one.
 */
final class ExploreRoutes {

  static final ApiRoutes.Route PAGE = new ApiRoutes.Route(Method.GET, "/explore");
  static final ApiRoutes.Route ASSET = new ApiRoutes.Route(Method.GET, "/explore/assets/{file}");
  static final List<ApiRoutes.Route> ROUTES = List.of(PAGE, ASSET);

  private static final String ASSETS = "/explore/assets/";

  /**
   * Scripts, styles and images from this server only, tiles also as blob URLs (fetched with the
   * key, which an image element cannot send), and calls to this server only.
   */
  static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /**
   * Every response is checked against its entity tag: the files change only with the server, and a
   * check on loopback costs less than a page of stale scripts after an upgrade.
   */
  private static final String CACHE = "no-cache";

  private final ExploreAssets assets = new ExploreAssets();

  void register(HttpRouting.Builder routing) {
    routing
        .get(PAGE.path(), (req, res) -> send(req, res, "explore", ExploreAssets.PAGE))
        // The uPlot files sit one folder down, which the single-segment template does not match.
        .get(
            ASSETS + "*",
            (req, res) ->
                send(req, res, "explore_asset", req.path().path().substring(ASSETS.length())));
  }

  private void send(ServerRequest req, ServerResponse res, String label, String path) {
    req.context().get(Exchange.class).ifPresent(e -> e.label(label));
    ExploreAssets.Asset asset =
        assets
            .find(path)
            .orElseThrow(
                () ->
                    ProblemException.of(
                        ErrorType.NOT_FOUND,
                        "no file " + path + " among the /explore page's assets"));
    res.header("Content-Security-Policy", PAGE_POLICY);
    res.header("X-Content-Type-Options", "nosniff");
    res.header("Cache-Control", CACHE);
    res.header("ETag", asset.etag());
    if (req.headers()
        .first(HeaderNames.IF_NONE_MATCH)
        .filter(tags -> tags.contains(asset.etag()))
        .isPresent()) {
      res.status(Status.NOT_MODIFIED_304);
      res.send();
      return;
    }
    res.header("Content-Type", asset.type());
    res.send(asset.body());
  }
}
