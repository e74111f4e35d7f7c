package dev.terrace.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.ErrorType;
import dev.terrace.engine.internal.preview.Legend;
import dev.terrace.engine.internal.preview.PreviewInfo;
import dev.terrace.engine.internal.preview.PreviewTile;
import dev.terrace.engine.internal.preview.Previews;
import dev.terrace.engine.internal.preview.TileRequest;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Preview tiles of every dataset ({@code GET /api/v1/tiles/{dataset_id}/{z}/{x}/{y}.png}, and
 * {@code @2x.png}) and their TileJSON 3.0.0 document, for web maps. They need the {@code
 * catalog:read} scope and count against the rate limit as the API's routes do; a tile that has not
 * changed is answered 304 to a request carrying its {@code ETag}.
 */
final class TileRoutes {

  static final ApiRoutes.Route TILE =
      new ApiRoutes.Route(Method.GET, "/api/v1/tiles/{dataset_id}/{z}/{x}/{y}");
  static final ApiRoutes.Route TILEJSON =
      new ApiRoutes.Route(Method.GET, "/api/v1/tiles/{dataset_id}/tilejson.json");
  static final List<ApiRoutes.Route> ROUTES = List.of(TILE, TILEJSON);

  /** The query parameters both routes take. */
  static final List<String> QUERY = List.of("colormap", "rescale", "timestamp");

  private static final Pattern ROW = Pattern.compile("(\\d{1,10})(@2x)?\\.png");

  private final Previews previews;
  private final WorkQueue queue;
  private final String cacheControl;

  /**
   * @param auth whether requests carry keys, so that shared caches must not keep the tiles
   */
  TileRoutes(Previews previews, WorkQueue queue, boolean auth) {
    this.previews = previews;
    this.queue = queue;
    this.cacheControl = (auth ? "private" : "public") + ", max-age=3600";
  }

  void register(HttpRouting.Builder routing) {
    routing.get(TILEJSON.path(), this::tileJson).get(TILE.path(), this::tile);
  }

  private void tile(ServerRequest req, ServerResponse res) throws Exception {
    OperationHandler.begin("tiles", Scope.CATALOG_READ, req);
    var path = req.path().pathParameters();
    Matcher row = ROW.matcher(path.get("y"));
    if (!row.matches()) {
      throw ProblemException.field(
          ErrorType.VALIDATION_ERROR,
          "the tile is '" + path.get("y") + "'; name it {y}.png or {y}@2x.png, such as 87.png",
          "value_error",
          "path",
          "y");
    }
    TileRequest request =
        new TileRequest(
            path.get("dataset_id"),
            number(path.get("z"), "z"),
            number(path.get("x"), "x"),
            number(row.group(1), "y"),
            row.group(2) == null ? 1 : 2,
            query(req, "colormap"),
            query(req, "rescale"),
            query(req, "timestamp"));
    PreviewTile tile = queue.run(() -> previews.tile(request), false);
    res.header("ETag", tile.etag());
    res.header("Cache-Control", cacheControl);
    if (req.headers().first(HeaderNames.IF_NONE_MATCH).stream()
        .anyMatch(tags -> tags.contains(tile.etag()))) {
      res.status(304);
      res.send();
      return;
    }
    res.header("Content-Type", "image/png");
    res.send(tile.png());
  }

  private void tileJson(ServerRequest req, ServerResponse res) throws Exception {
    OperationHandler.begin("tiles.tilejson", Scope.CATALOG_READ, req);
    String dataset = req.path().pathParameters().get("dataset_id");
    PreviewInfo info =
        queue.run(
            () ->
                previews.info(
                    dataset,
                    query(req, "colormap"),
                    query(req, "rescale"),
                    query(req, "timestamp")),
            false);
    res.header("Content-Type", "application/json");
    res.header("Cache-Control", cacheControl);
    res.send(Json.MAPPER.writeValueAsBytes(document(info, StacRoutes.base(req), req)));
  }

  /** The TileJSON 3.0.0 document, with the legend and the choices a viewer offers. */
  private static ObjectNode document(PreviewInfo info, String base, ServerRequest req) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.put("tilejson", "3.0.0").put("name", info.name()).put("scheme", "xyz");
    if (info.attribution() != null) {
      doc.put("attribution", info.attribution());
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("colormap", info.colormap());
    if (info.legend().min() != null) {
      query.put("rescale", info.legend().min() + "," + info.legend().max());
    }
    if (info.timestamp() != null) {
      query.put("timestamp", info.timestamp());
    }
    StringBuilder url =
        new StringBuilder(base)
            .append("/api/v1/tiles/")
            .append(encode(info.datasetId()))
            .append("/{z}/{x}/{y}.png");
    char sep = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      url.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    doc.putArray("tiles").add(url.toString());
    doc.put("minzoom", 0).put("maxzoom", info.maxZoom());
    if (info.bounds() != null) {
      double[] b = info.bounds();
      ArrayNode bounds = doc.putArray("bounds");
      for (double v : b) {
        bounds.add(v);
      }
      doc.putArray("center")
          .add((b[0] + b[2]) / 2)
          .add((b[1] + b[3]) / 2)
          .add(Math.max(0, info.maxZoom() - 2));
    }
    doc.put("colormap", info.colormap());
    info.colormaps().forEach(doc.putArray("colormaps")::add);
    info.timestamps().forEach(doc.putArray("timestamps")::add);
    if (info.timestamp() != null) {
      doc.put("timestamp", info.timestamp());
    }
    doc.set("legend", legend(info.legend()));
    return doc;
  }

  private static ObjectNode legend(Legend legend) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("type", legend.type());
    if (legend.colors() != null) {
      node.put("min", legend.min()).put("max", legend.max());
      if (legend.units() != null) {
        node.put("units", legend.units());
      }
      legend.colors().forEach(node.putArray("colors")::add);
    }
    if (legend.classes() != null) {
      ArrayNode classes = node.putArray("classes");
      for (Legend.ClassColour c : legend.classes()) {
        classes.addObject().put("value", c.value()).put("name", c.name()).put("color", c.color());
      }
    }
    return node;
  }

  private static String query(ServerRequest req, String name) {
    return req.query().first(name).orElse(null);
  }

  private static int number(String text, String field) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ProblemException.field(
          ErrorType.VALIDATION_ERROR,
          field + " is '" + text + "', not a whole number",
          "value_error",
          "path",
          field);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%3A", ":").replace("%2C", ",");
  }
}
