package dev.terrace.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.ErrorType;
import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.JobInputFormat;
import dev.terrace.api.JobResultsFormat;
import dev.terrace.api.JobRow;
import dev.terrace.api.Operation;
import dev.terrace.api.Problem;
import dev.terrace.api.StacItem;
import io.helidon.http.Method;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The service's OpenAPI 3.1 document, built at startup from the routes, the operations and the wire
 * records, so that it describes what the server does rather than what someone remembered to write
 * down.
 */
final class OpenApi {

  static final String VERSION = "3.1.0";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String RESPONSES = "#/components/responses/";
  private static final String HEADERS = "#/components/headers/";
  private static final String PARAMETERS = "#/components/parameters/";
  private static final String HEALTH = "Health";
  private static final List<String> RATE_HEADERS =
      List.of(
          "X-RateLimit-Limit",
          "X-RateLimit-Remaining",
          "X-RateLimit-Reset",
          "RateLimit",
          "RateLimit-Policy");
  private static final int UNAUTHORIZED = 401;

  /** The answers a client should retry after a delay, and so carry {@code Retry-After}. */
  private static final Set<Integer> RETRY_LATER = Set.of(429, 503);

  /** 413 is a {@code request_limit} on the body's size, sent before the body is read. */
  private static final int TOO_LARGE = 413;

  /** 415 answers a body declared as something other than JSON, sent before the body is read. */
  private static final int NOT_JSON = 415;

  /** 400 answers a bad parameter of the STAC API, as STAC API says; the API's own say 422. */
  private static final int BAD_REQUEST = 400;

  /** What a route that runs no operation answers with. */
  private record ServiceDoc(String summary, String mediaType, ObjectNode schema) {}

  private final JsonSchemas schemas = new JsonSchemas();
  private final ObjectNode paths = NODES.objectNode();

  private OpenApi() {}

  /**
   * @param routes every route the server answers
   * @return the document
   * @throws IllegalStateException if a route or a wire type has nothing to describe it
   */
  static ObjectNode document(List<ApiRoutes.Route> routes) {
    return new OpenApi().build(routes);
  }

  private ObjectNode build(List<ApiRoutes.Route> routes) {
    for (ApiRoutes.Route route : routes) {
      if (route.equals(ApiRoutes.BY_NAME)) {
        for (Operation op : Operation.values()) {
          put("/v1/op/" + op.operationName(), Method.POST, byName(op));
        }
      } else if (route.operation() != null) {
        put(route.path(), route.method(), resource(route));
      } else if (StacRoutes.ROUTES.contains(route)) {
        put(route.path(), route.method(), stac(route));
      } else if (TileRoutes.ROUTES.contains(route)) {
        put(route.path(), route.method(), tiles(route));
      } else {
        put(route.path(), route.method(), service(route.path()));
      }
    }
    ObjectNode doc = NODES.objectNode().put("openapi", VERSION);
    doc.putObject("info")
        .put("title", "Terrace")
        .put("version", TerraceServer.version())
        .put(
            "description",
            "Values of raster datasets under GeoJSON geometries. Every operation is `POST /v1/op/{operation}` with"
                + " its request as the JSON body; the `/api/v1/...` routes are the same operations in resource style."
                + " A human-readable page is at /docs.")
        .putObject("license")
        .put("name", "Apache 2.0")
        .put("identifier", "Apache-2.0");
    doc.putArray("servers").addObject().put("url", "/");
    doc.putArray("security")
        .add(requirement("bearerAuth"))
        .add(requirement("apiKeyAuth"))
        .addObject();
    ArrayNode tags = doc.putArray("tags");
    tags.addObject().put("name", "extract").put("description", "Values under geometries");
    tags.addObject().put("name", "catalog").put("description", "The providers and datasets served");
    tags.addObject()
        .put("name", "webhooks")
        .put("description", "URLs the service POSTs signed events to");
    tags.addObject()
        .put("name", "stac")
        .put("description", "The catalog as a STAC API, for STAC clients");
    tags.addObject()
        .put("name", "tiles")
        .put("description", "Preview tiles of every dataset, for web maps");
    tags.addObject()
        .put("name", "service")
        .put("description", "Health, metrics and these docs; no API key");
    doc.set("paths", paths);
    ObjectNode components = doc.putObject("components");
    components.set("responses", problemResponses());
    components.set("parameters", parameters());
    components.set("headers", headers());
    components.set("securitySchemes", securitySchemes());
    TreeMap<String, JsonNode> named = new TreeMap<>(schemas.definitions());
    // Named, so that generated clients call it Health rather than after its route and status.
    if (named.putIfAbsent(HEALTH, health()) != null) {
      throw new IllegalStateException("a wire record is named " + HEALTH + " too");
    }
    components.set("schemas", NODES.objectNode().setAll(named));
    return doc;
  }

  private void put(String path, Method method, ObjectNode operation) {
    ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
    item.set(method.text().toLowerCase(Locale.ROOT), operation);
  }

  private ObjectNode byName(Operation op) {
    ObjectNode o = operation(op, camel(op.operationName()), "", true);
    o.set("requestBody", requestBody(op));
    return o;
  }

  private ObjectNode resource(ApiRoutes.Route route) {
    Operation op = route.operation();
    ObjectNode o =
        operation(
            op,
            "rest"
                + Character.toUpperCase(camel(op.operationName()).charAt(0))
                + camel(op.operationName()).substring(1),
            " Resource-style route for `" + op.operationName() + "`.",
            route.method().equals(Method.POST));
    if (route.method().equals(Method.POST) && route.pathParameter() == null) {
      o.set("requestBody", requestBody(op));
      if (op == Operation.JOBS_CREATE) {
        streamedInputs((ObjectNode) o.get("requestBody").get("content"));
      }
      return o;
    }
    ArrayNode parameters = o.withArray("parameters");
    JsonNode definition = definition(op.requestType());
    JsonNode example = parse(OperationDocs.of(op).example());
    for (RecordComponent component : op.requestType().getRecordComponents()) {
      String name = JsonSchemas.wireName(component);
      boolean inPath = name.equals(route.pathParameter());
      ObjectNode schema = schemas.schema(component.getGenericType());
      JsonNode fallback = definition.path("properties").path(name).get("default");
      if (fallback != null) {
        schema.set("default", fallback);
      }
      ObjectNode parameter =
          parameters
              .addObject()
              .put("name", name)
              .put("in", inPath ? "path" : "query")
              .put("required", inPath);
      parameter.set("schema", schema);
      if (example.has(name)) {
        parameter.set("example", example.get(name));
      }
    }
    return o;
  }

  /** An operation's summary, tags and answers; its request is added by the route style. */
  private ObjectNode operation(Operation op, String operationId, String note, boolean body) {
    OperationDocs.Doc doc = OperationDocs.of(op);
    ObjectNode o = NODES.objectNode();
    o.putArray("tags").add(op.operationName().split("\\.")[0]);
    o.put("summary", doc.summary())
        .put("description", doc.description() + note)
        .put("operationId", operationId);
    boolean mutating = op.takesIdempotencyKey();
    if (mutating) {
      o.putArray("parameters").addObject().put("$ref", PARAMETERS + "IdempotencyKey");
    }
    o.withArray("parameters").addObject().put("$ref", PARAMETERS + "RequestId");
    ObjectNode responses = o.putObject("responses");
    ObjectNode ok =
        responses
            .putObject(op == Operation.JOBS_CREATE ? "202" : "200")
            .put("description", "The " + op.responseType().getSimpleName());
    ObjectNode okHeaders = ok.putObject("headers");
    okHeaders.putObject(RequestIds.HEADER).put("$ref", HEADERS + RequestIds.HEADER);
    RATE_HEADERS.forEach(h -> okHeaders.putObject(h).put("$ref", HEADERS + h));
    if (mutating) {
      okHeaders.putObject("Idempotent-Replayed").put("$ref", HEADERS + "Idempotent-Replayed");
    }
    if (op == Operation.JOBS_RESULTS) {
      resultFormats(ok.putObject("content"));
    } else {
      ok.putObject("content")
          .putObject("application/json")
          .set("schema", schemas.schema(op.responseType()));
    }
    for (int status : errorStatuses()) {
      // 405 answers the other methods on this path; OpenAPI has no place for it but the path's
      // operations.
      boolean applies =
          switch (status) {
            case 409 -> mutating || op == Operation.JOBS_CANCEL || op == Operation.JOBS_RESULTS;
            case TOO_LARGE, NOT_JSON -> body;
            case BAD_REQUEST -> false;
            default -> true;
          };
      if (applies) {
        responses.putObject(Integer.toString(status)).put("$ref", RESPONSES + "Problem" + status);
      }
    }
    return o;
  }

  /** A job's input streamed as the body, its options then in the query string. */
  private static void streamedInputs(ObjectNode content) {
    for (JobInputFormat f : JobInputFormat.values()) {
      content
          .putObject(f.mediaType())
          .set(
              "schema",
              typed("string")
                  .put(
                      "description",
                      "The job's input as "
                          + f.wireName()
                          + "; the options (dataset_ids, aggregation, …) in the query string")
                  .put("contentMediaType", f.mediaType()));
    }
  }

  /** The rows of a job in each format, by {@code Accept} or {@code format}. */
  private void resultFormats(ObjectNode content) {
    // The item schema of a stream of JSON lines, as is usual for NDJSON: each line is a JobRow.
    content
        .putObject(JobResultsFormat.NDJSON.mediaType())
        .set("schema", schemas.schema(JobRow.class));
    content
        .putObject(JobResultsFormat.CSV.mediaType())
        .set("schema", typed("string").put("description", "A header, then a line per result"));
    content
        .putObject(JobResultsFormat.GEOJSON.mediaType())
        .set(
            "schema", typed("object").put("description", "A FeatureCollection, a feature per row"));
  }

  private ObjectNode requestBody(Operation op) {
    ObjectNode schema = schemas.schema(op.requestType());
    ObjectNode body =
        NODES.objectNode().put("required", definition(op.requestType()).has("required"));
    ObjectNode json = body.putObject("content").putObject("application/json");
    json.set("schema", schema);
    json.set("example", parse(OperationDocs.of(op).example()));
    return body;
  }

  /**
   * @return the named schema of a record, made first if no route has used it yet
   */
  private JsonNode definition(Class<?> type) {
    schemas.schema(type);
    return schemas.definitions().get(type.getSimpleName());
  }

  /** A route of the STAC API: its documents, parameters and problems. */
  private ObjectNode stac(ApiRoutes.Route route) {
    boolean search = route.path().endsWith("/search") || route.path().endsWith("/items");
    boolean byPost = route.method().equals(Method.POST);
    boolean inCollection = route.path().contains("{collection_id}");
    StacDoc doc = STAC_DOCS.get(route);
    String summary = doc.summary();
    ObjectNode schema = doc.answer() == null ? typed("object") : schemas.schema(doc.answer());
    String mediaType = doc.answer() == null ? StacDocuments.JSON : StacDocuments.GEOJSON;
    ObjectNode o = NODES.objectNode();
    o.putArray("tags").add("stac");
    o.put("summary", summary).put("operationId", doc.operationId());
    ArrayNode parameters = o.putArray("parameters");
    if (inCollection) {
      pathParameter(
          parameters, "collection_id", "The collection: a dataset id, provider:name", "bcsd:pr");
    }
    if (route.equals(StacRoutes.ITEM)) {
      pathParameter(parameters, "item_id", "The item's id within its collection", "pr-1999-01-31");
    }
    if (search && !byPost) {
      for (String name : STAC_QUERY) {
        if (!(inCollection && name.equals("collections"))) {
          ObjectNode parameter =
              parameters.addObject().put("name", name).put("in", "query").put("required", false);
          parameter.set("schema", name.equals("limit") ? typed("integer") : typed("string"));
          JsonNode example = STAC_EXAMPLE.get(name);
          if (example != null) {
            parameter.set("example", example);
          }
        }
      }
    }
    parameters.addObject().put("$ref", PARAMETERS + "RequestId");
    if (byPost) {
      o.putObject("requestBody")
          .put("required", false)
          .putObject("content")
          .putObject("application/json")
          .<ObjectNode>set("schema", schemas.schema(ItemSearchRequest.class))
          .set(
              "example",
              parse(
                  "{\"collections\":[\"bcsd:pr\"],\"bbox\":[-85,33,-80,36],"
                      + "\"datetime\":\"1999-03-01T00:00:00Z/1999-05-31T23:59:59Z\","
                      + "\"limit\":2}"));
    }
    ObjectNode responses = o.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", summary);
    ObjectNode okHeaders = ok.putObject("headers");
    okHeaders.putObject(RequestIds.HEADER).put("$ref", HEADERS + RequestIds.HEADER);
    RATE_HEADERS.forEach(h -> okHeaders.putObject(h).put("$ref", HEADERS + h));
    ok.putObject("content").putObject(mediaType).set("schema", schema);
    for (int status : errorStatuses()) {
      boolean applies =
          switch (status) {
            case BAD_REQUEST -> search;
            case TOO_LARGE, NOT_JSON -> byPost;
            case 404 -> inCollection;
            case 409, 502 -> false;
            default -> true;
          };
      if (applies) {
        responses.putObject(Integer.toString(status)).put("$ref", RESPONSES + "Problem" + status);
      }
    }
    return o;
  }

  private ObjectNode tiles(ApiRoutes.Route route) {
    boolean tile = route.equals(TileRoutes.TILE);
    String summary =
        tile
            ? "A preview tile of a dataset: a Web Mercator XYZ PNG, transparent where there is no data"
            : "The TileJSON 3.0.0 document of a dataset's preview tiles, with their legend";
    ObjectNode o = NODES.objectNode();
    o.putArray("tags").add("tiles");
    o.put("summary", summary).put("operationId", tile ? "previewTile" : "previewTileJson");
    o.put(
        "description",
        tile
            ? "Read from the overview that matches the zoom, nearest cell to each pixel's centre as"
                + " gdalwarp -r near places it. 256 pixels a side, 512 for {y}@2x.png. A tile"
                + " outside the dataset is a transparent PNG, not an error. Answers 304 to an"
                + " If-None-Match naming its ETag."
            : "tiles (the URL template with the query resolved), minzoom, maxzoom (the zoom of the"
                + " dataset's cells), bounds, center, attribution, and the colormap, colormaps,"
                + " timestamps and legend a viewer offers.");
    ArrayNode parameters = o.putArray("parameters");
    pathParameter(parameters, "dataset_id", "The dataset: provider:name", "lux:elevation");
    if (tile) {
      pathParameter(parameters, "z", "The zoom level, 0 to 30", "8");
      pathParameter(parameters, "x", "The column, 0 to 2^z - 1 from the antimeridian east", "132");
      for (int i = parameters.size() - 2; i < parameters.size(); i++) {
        ((ObjectNode) parameters.get(i))
            .put("example", i == parameters.size() - 2 ? 8 : 132)
            .set("schema", typed("integer").put("minimum", 0));
      }
      pathParameter(parameters, "y", "The row from the north, then .png or @2x.png", "87.png");
    }
    Map<String, String> query =
        Map.of(
            "colormap",
            "A ramp (viridis, magma, terrain, greys, blues, spectral, rdbu) or, for a categorical"
                + " dataset, classes (its default: the file's colour table or a palette);"
                + " viridis by default",
            "rescale",
            "min,max of the ramp, or auto for the values' range in the coarsest overview;"
                + " the dataset's valid range by default",
            "timestamp",
            "One of a time series' timestamps (ISO-8601); its first by default");
    for (String name : TileRoutes.QUERY) {
      parameters
          .addObject()
          .put("name", name)
          .put("in", "query")
          .put("required", false)
          .put("description", query.get(name))
          .set("schema", typed("string"));
    }
    parameters.addObject().put("$ref", PARAMETERS + "RequestId");
    ObjectNode responses = o.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", summary);
    ObjectNode okHeaders = ok.putObject("headers");
    okHeaders.putObject(RequestIds.HEADER).put("$ref", HEADERS + RequestIds.HEADER);
    RATE_HEADERS.forEach(h -> okHeaders.putObject(h).put("$ref", HEADERS + h));
    if (tile) {
      okHeaders
          .putObject("ETag")
          .put("description", "A strong tag of the PNG's bytes")
          .set("schema", typed("string"));
      ok.putObject("content")
          .putObject("image/png")
          .set("schema", typed("string").put("format", "binary"));
      responses.putObject("304").put("description", "The tile the If-None-Match names");
    } else {
      ok.putObject("content").putObject("application/json").set("schema", typed("object"));
    }
    for (int status : errorStatuses()) {
      if (status != BAD_REQUEST && status != TOO_LARGE && status != NOT_JSON && status != 409) {
        responses.putObject(Integer.toString(status)).put("$ref", RESPONSES + "Problem" + status);
      }
    }
    return o;
  }

  /**
   * What the OpenAPI document says of a STAC route.
   *
   * @param answer the record it answers with, or null for a STAC document of its own
   */
  private record StacDoc(String summary, String operationId, Class<?> answer) {}

  private static final Map<ApiRoutes.Route, StacDoc> STAC_DOCS =
      Map.of(
          StacRoutes.LANDING,
          new StacDoc(
              "The STAC API's landing page: a Catalog linking to every collection",
              "stacLanding",
              null),
          StacRoutes.CONFORMANCE,
          new StacDoc("The conformance classes the STAC API implements", "stacConformance", null),
          StacRoutes.COLLECTIONS,
          new StacDoc("Every collection: one per dataset", "stacCollections", null),
          StacRoutes.COLLECTION,
          new StacDoc(
              "One collection: a dataset with its extent, license and providers",
              "stacCollection",
              null),
          StacRoutes.ITEMS,
          new StacDoc("A page of a collection's items", "stacItems", ItemCollection.class),
          StacRoutes.ITEM,
          new StacDoc("One item of a collection", "stacItem", StacItem.class),
          StacRoutes.SEARCH,
          new StacDoc("STAC API Item Search", "stacSearch", ItemCollection.class),
          StacRoutes.SEARCH_BY_POST,
          new StacDoc(
              "STAC API Item Search, the search as a JSON body",
              "stacSearchByPost",
              ItemCollection.class));

  /** The query parameters of a STAC search by GET, each a string as STAC API writes it. */
  private static final List<String> STAC_QUERY =
      List.of(
          "collections",
          "ids",
          "bbox",
          "intersects",
          "datetime",
          "limit",
          "token",
          "sortby",
          "fields");

  /** A search of three months of one collection, the example of the search routes by GET. */
  private static final ObjectNode STAC_EXAMPLE =
      (ObjectNode)
          parse(
              "{\"collections\":\"bcsd:pr\",\"bbox\":\"-85,33,-80,36\","
                  + "\"datetime\":\"1999-03-01T00:00:00Z/1999-05-31T23:59:59Z\",\"limit\":2}");

  private static void pathParameter(
      ArrayNode parameters, String name, String description, String example) {
    parameters
        .addObject()
        .put("name", name)
        .put("in", "path")
        .put("required", true)
        .put("description", description)
        .put("example", example)
        .set("schema", typed("string"));
  }

  private ObjectNode service(String path) {
    ServiceDoc doc =
        switch (path) {
          case "/health" ->
              new ServiceDoc(
                  "Liveness and readiness: 200 while serving, 503 while draining",
                  "application/json",
                  NODES.objectNode().put("$ref", JsonSchemas.REF + HEALTH));
          case "/metrics" -> new ServiceDoc("Prometheus metrics", "text/plain", typed("string"));
          case "/openapi.json" ->
              new ServiceDoc("This document", "application/json", typed("object"));
          case "/docs" ->
              new ServiceDoc("The API's documentation as a web page", "text/html", typed("string"));
          case "/explore" ->
              new ServiceDoc(
                  "A map to pick a dataset, draw a geometry and run an extract",
                  "text/html",
                  typed("string"));
          case "/explore/assets/{file}" ->
              new ServiceDoc(
                  "A script, style sheet, image or GeoJSON file of the /explore page",
                  "application/octet-stream",
                  typed("string").put("format", "binary"));
          default ->
              throw new IllegalStateException(
                  "the OpenAPI document does not describe the route " + path);
        };
    ObjectNode o = NODES.objectNode();
    o.putArray("tags").add("service");
    o.put("summary", doc.summary())
        .put(
            "operationId",
            path.equals(ExploreRoutes.ASSET.path())
                ? "exploreAsset"
                : camel(path.substring(1).replace(".json", "")));
    o.putArray("security");
    if (path.equals(ExploreRoutes.ASSET.path())) {
      pathParameter(
          o.putArray("parameters"),
          "file",
          "The file's path under /explore/assets/, which may name a folder (uplot/uPlot.iife.min.js)",
          "explore.js");
    }
    ObjectNode responses = o.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", doc.summary());
    ok.putObject("content").putObject(doc.mediaType()).set("schema", doc.schema());
    if (path.equals(ExploreRoutes.ASSET.path())) {
      responses.putObject("404").put("$ref", RESPONSES + "Problem" + ErrorType.NOT_FOUND.status());
    }
    if (path.equals("/health")) {
      responses
          .putObject("503")
          .put("description", "Draining before shutdown")
          .set("content", ok.get("content"));
    }
    // The only problem a service route can give: these routes need no key, no body and no rate
    // allowance.
    responses
        .putObject("405")
        .put("$ref", RESPONSES + "Problem" + ErrorType.METHOD_NOT_ALLOWED.status());
    return o;
  }

  private static ObjectNode health() {
    ObjectNode schema =
        typed("object")
            .put(
                "description",
                "Also the version, catalog size, auth, database,"
                    + " uptime, requests in flight and tile-cache counters.");
    schema
        .putObject("properties")
        .putObject("status")
        .put("type", "string")
        .putArray("enum")
        .add("ok")
        .add("draining");
    schema.putArray("required").add("status");
    return schema;
  }

  /** One problem response per status an error can have, naming the error types sent with it. */
  private ObjectNode problemResponses() {
    ObjectNode responses = NODES.objectNode();
    ObjectNode problem = schemas.schema(Problem.class);
    for (int status : errorStatuses()) {
      StringBuilder kinds = new StringBuilder();
      for (ErrorType type : ErrorType.values()) {
        if (type.status() == status) {
          kinds
              .append(kinds.isEmpty() ? "" : "; ")
              .append(type.title())
              .append(" (")
              .append(type.wireName())
              .append(')');
        }
      }
      ObjectNode response =
          responses
              .putObject("Problem" + status)
              .put(
                  "description",
                  switch (status) {
                    case TOO_LARGE -> "The body is larger than the service accepts (request_limit)";
                    case BAD_REQUEST ->
                        "A parameter of the STAC API is not valid (validation_error, naming it)";
                    case NOT_JSON ->
                        "The body is declared as a media type other than "
                            + JsonContentType.ACCEPTED
                            + " (validation_error, its error's type unsupported_media_type); a body without Content-Type is read"
                            + " as JSON";
                    default -> kinds.toString();
                  });
      ObjectNode headers = response.putObject("headers");
      headers.putObject(RequestIds.HEADER).put("$ref", HEADERS + RequestIds.HEADER);
      if (RETRY_LATER.contains(status)) {
        headers.putObject("Retry-After").put("$ref", HEADERS + "Retry-After");
      }
      if (status == ErrorType.METHOD_NOT_ALLOWED.status()) {
        headers.putObject("Allow").put("$ref", HEADERS + "Allow");
      }
      if (status == NOT_JSON) {
        headers.putObject("Accept").put("$ref", HEADERS + "Accept");
      }
      if (status == UNAUTHORIZED) {
        headers.putObject("WWW-Authenticate").put("$ref", HEADERS + "WWW-Authenticate");
      }
      response.putObject("content").putObject(Problem.MEDIA_TYPE).set("schema", problem.deepCopy());
    }
    return responses;
  }

  private static List<Integer> errorStatuses() {
    return Stream.concat(
            Arrays.stream(ErrorType.values()).map(ErrorType::status),
            Stream.of(BAD_REQUEST, TOO_LARGE, NOT_JSON))
        .distinct()
        .sorted()
        .toList();
  }

  private static ObjectNode parameters() {
    ObjectNode parameters = NODES.objectNode();
    parameters
        .putObject("IdempotencyKey")
        .put("name", "Idempotency-Key")
        .put("in", "header")
        .put(
            "description",
            "Replays the first answer when the same key is sent again with the same request;"
                + " 409 with a different one.")
        .set(
            "schema",
            typed("string").put("pattern", anchored(OperationHandler.IDEMPOTENCY_KEY.pattern())));
    parameters
        .putObject("RequestId")
        .put("name", RequestIds.HEADER)
        .put("in", "header")
        .put(
            "description",
            "Kept as the request's id when it matches the pattern; otherwise the service makes"
                + " one.")
        .set("schema", typed("string").put("pattern", anchored(RequestIds.SAFE.pattern())));
    return parameters;
  }

  private static ObjectNode headers() {
    ObjectNode headers = NODES.objectNode();
    Map.ofEntries(
            Map.entry(RequestIds.HEADER, "The request's id; quote it when reporting a problem."),
            Map.entry(
                "X-RateLimit-Limit",
                "Requests allowed per second, sustained (sent when rate limiting is on)."),
            Map.entry(
                "X-RateLimit-Remaining",
                "Requests that may still be sent at once: what is left of the burst allowance."),
            Map.entry("X-RateLimit-Reset", "Seconds until the burst allowance is full again."),
            Map.entry(
                "RateLimit",
                "The IETF RateLimit field: `\"default\";r=<remaining>;t=<seconds to reset>`."),
            Map.entry(
                "RateLimit-Policy",
                "The IETF RateLimit-Policy field: `\"default\";q=<requests>;w=<window in seconds>`."),
            Map.entry(
                "WWW-Authenticate",
                "The challenge of a 401: `Bearer realm=\"terrace\"`, with"
                    + " `error=\"invalid_token\"` when the key sent is not known."),
            Map.entry("Retry-After", "Seconds to wait before retrying."),
            Map.entry("Allow", "The methods the path accepts."),
            Map.entry(
                "Accept",
                "The media types a request body is read as: " + JsonContentType.ACCEPTED + "."),
            Map.entry(
                "Idempotent-Replayed",
                "`true` when this is the recorded answer to an earlier request with this Idempotency-Key."))
        .entrySet()
        .stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                headers
                    .putObject(e.getKey())
                    .put("description", e.getValue())
                    .set(
                        "schema",
                        typed(
                            e.getKey().startsWith("X-Rate") || e.getKey().equals("Retry-After")
                                ? "integer"
                                : "string")));
    return headers;
  }

  private static ObjectNode securitySchemes() {
    ObjectNode schemes = NODES.objectNode();
    schemes
        .putObject("bearerAuth")
        .put("type", "http")
        .put("scheme", "bearer")
        .put("bearerFormat", "trc_…")
        .put(
            "description",
            "An API key as `Authorization: Bearer trc_…`; required when the server runs with"
                + " --auth.");
    schemes
        .putObject("apiKeyAuth")
        .put("type", "apiKey")
        .put("in", "header")
        .put("name", "X-API-Key")
        .put("description", "The same API key as `X-API-Key: trc_…`.");
    return schemes;
  }

  private static ObjectNode requirement(String scheme) {
    ObjectNode requirement = NODES.objectNode();
    requirement.putArray(scheme);
    return requirement;
  }

  private static ObjectNode typed(String type) {
    return NODES.objectNode().put("type", type);
  }

  private static String anchored(String regex) {
    return "^" + regex + "$";
  }

  /** {@code catalog.providers.list} → {@code catalogProvidersList}. */
  private static String camel(String dotted) {
    StringBuilder out = new StringBuilder();
    for (String part : dotted.split("[._-]")) {
      out.append(out.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return out.toString();
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
