package dev.terrace.server;

import dev.terrace.api.Dataset;
import dev.terrace.api.DatasetPage;
import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ItemCollection;
import dev.terrace.api.ItemSearchRequest;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.Operation;
import dev.terrace.api.Provider;
import dev.terrace.api.ProviderPage;
import dev.terrace.api.StacItem;
import dev.terrace.api.TerraceApi;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The catalog as a STAC API under {@code /stac}, for STAC clients (pystac-client, QGIS): the
 * landing page, conformance, collections (one per dataset), their items, and Item Search by GET and
 * POST, answered by {@code catalog.search}. Requests need the {@code catalog:read} scope and count
 * against the rate limit as the API's do; a bad parameter is a 400 problem naming it, as STAC API
 * expects.
 */
final class StacRoutes {

  static final ApiRoutes.Route LANDING = new ApiRoutes.Route(Method.GET, "/stac");
  static final ApiRoutes.Route CONFORMANCE = new ApiRoutes.Route(Method.GET, "/stac/conformance");
  static final ApiRoutes.Route COLLECTIONS = new ApiRoutes.Route(Method.GET, "/stac/collections");
  static final ApiRoutes.Route COLLECTION =
      new ApiRoutes.Route(Method.GET, "/stac/collections/{collection_id}");
  static final ApiRoutes.Route ITEMS =
      new ApiRoutes.Route(Method.GET, "/stac/collections/{collection_id}/items");
  static final ApiRoutes.Route ITEM =
      new ApiRoutes.Route(Method.GET, "/stac/collections/{collection_id}/items/{item_id}");
  static final ApiRoutes.Route SEARCH = new ApiRoutes.Route(Method.GET, "/stac/search");
  static final ApiRoutes.Route SEARCH_BY_POST = new ApiRoutes.Route(Method.POST, "/stac/search");

  static final List<ApiRoutes.Route> ROUTES =
      List.of(LANDING, CONFORMANCE, COLLECTIONS, COLLECTION, ITEMS, ITEM, SEARCH, SEARCH_BY_POST);

  private final TerraceApi engine;
  private final WorkQueue queue;
  private final long maxBodyBytes;

  StacRoutes(TerraceApi engine, WorkQueue queue, long maxBodyBytes) {
    this.engine = engine;
    this.queue = queue;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** A STAC document built from the request. */
  @FunctionalInterface
  private interface Document {
    Object build(ServerRequest req) throws Exception;
  }

  void register(HttpRouting.Builder routing) {
    get(
        routing,
        LANDING,
        Operation.CATALOG_DATASETS_LIST,
        StacDocuments.JSON,
        req -> documents(req).landing(datasets()));
    get(
        routing,
        CONFORMANCE,
        Operation.CATALOG_DATASETS_LIST,
        StacDocuments.JSON,
        req -> StacDocuments.conformance());
    get(
        routing,
        COLLECTIONS,
        Operation.CATALOG_DATASETS_LIST,
        StacDocuments.JSON,
        req -> documents(req).collections(datasets(), providers()));
    get(
        routing,
        COLLECTION,
        Operation.CATALOG_DATASETS_GET,
        StacDocuments.JSON,
        req -> {
          Dataset d = engine.dataset(collectionId(req));
          return documents(req).collection(d, providers().get(d.provider()));
        });
    get(
        routing,
        ITEMS,
        Operation.CATALOG_SEARCH,
        StacDocuments.GEOJSON,
        req -> {
          String collection = engine.dataset(collectionId(req)).id();
          ItemCollection page = search(StacQuery.of(req.query(), collection));
          return documents(req).page(page, url(req), false, collection);
        });
    get(routing, ITEM, Operation.CATALOG_SEARCH, StacDocuments.GEOJSON, this::item);
    get(
        routing,
        SEARCH,
        Operation.CATALOG_SEARCH,
        StacDocuments.GEOJSON,
        req -> documents(req).page(search(StacQuery.of(req.query(), null)), url(req), false, null));
    routing.post(
        SEARCH_BY_POST.path(),
        (req, res) -> {
          JsonContentType.require(req, res);
          byte[] body = BodyReader.read(req, maxBodyBytes);
          answer(
              req,
              res,
              Operation.CATALOG_SEARCH,
              StacDocuments.GEOJSON,
              () -> {
                ItemSearchRequest request =
                    body.length == 0
                        ? ItemSearchRequest.ALL
                        : Json.MAPPER.readValue(body, ItemSearchRequest.class);
                return documents(req).page(search(request), url(req), true, null);
              });
        });
  }

  private void get(
      HttpRouting.Builder routing,
      ApiRoutes.Route route,
      Operation op,
      String mediaType,
      Document document) {
    routing.get(
        route.path(), (req, res) -> answer(req, res, op, mediaType, () -> document.build(req)));
  }

  private StacItem item(ServerRequest req) {
    String collection = engine.dataset(collectionId(req)).id();
    String id = req.path().pathParameters().get("item_id");
    List<StacItem> found =
        engine
            .search(
                new ItemSearchRequest(
                    List.of(collection), List.of(id), null, null, null, 1, null, null, null))
            .features();
    if (found.isEmpty()) {
      throw ProblemException.field(
          ErrorType.NOT_FOUND,
          "collection " + collection + " has no item '" + id + "'; list them at its items",
          "not_found",
          "path",
          "item_id");
    }
    return documents(req).linked(found.get(0));
  }

  private ItemCollection search(ItemSearchRequest request) {
    try {
      return engine.search(request);
    } catch (InvalidRequestException e) {
      // STAC API answers a bad parameter with 400, where the API's own routes say 422.
      throw new ProblemException(
          ErrorType.VALIDATION_ERROR, 400, e.getMessage(), e.fieldErrors(), 0);
    }
  }

  private void answer(
      ServerRequest req, ServerResponse res, Operation op, String mediaType, Callable<?> build)
      throws Exception {
    OperationHandler.begin(op, req);
    Object document = queue.run(build, false);
    res.status(200);
    res.header("Content-Type", mediaType);
    res.send(Json.MAPPER.writeValueAsBytes(document));
  }

  private List<Dataset> datasets() {
    List<Dataset> all = new ArrayList<>();
    ListDatasetsRequest request = ListDatasetsRequest.of(null, 1000, 0);
    DatasetPage page;
    do {
      page = engine.datasets(request);
      all.addAll(page.datasets());
      request = request.withOffset(page.nextOffset());
    } while (page.hasNextPage());
    return all;
  }

  private Map<String, Provider> providers() {
    Map<String, Provider> bySlug = new LinkedHashMap<>();
    ListProvidersRequest request = new ListProvidersRequest(1000, 0);
    ProviderPage page;
    do {
      page = engine.providers(request);
      page.providers().forEach(p -> bySlug.put(p.slug(), p));
      request = new ListProvidersRequest(1000, page.nextOffset());
    } while (page.hasNextPage());
    return bySlug;
  }

  private static String collectionId(ServerRequest req) {
    return req.path().pathParameters().get("collection_id");
  }

  private static StacDocuments documents(ServerRequest req) {
    return new StacDocuments(base(req));
  }

  /** The service's address as the caller reached it, from the request's Host. */
  static String base(ServerRequest req) {
    var uri = req.requestedUri();
    return uri.scheme() + "://" + uri.authority();
  }

  private static String url(ServerRequest req) {
    String query = req.query().rawValue();
    return base(req) + req.path().rawPath() + (query.isEmpty() ? "" : "?" + query);
  }
}
