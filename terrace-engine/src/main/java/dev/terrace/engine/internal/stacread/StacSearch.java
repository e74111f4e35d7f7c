package dev.terrace.engine.internal.stacread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.io.HttpOptions;
import dev.terrace.engine.internal.io.RemoteNames;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.tiles.OpenRasters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;

/**
 * The items of a STAC API collection, found by its Item Search ({@code POST /search}) for each
 * geometry's box and time range rather than read whole. Searches are made for the box snapped out
 * to whole multiples of {@value #CLUSTER} degree, and their items kept for {@value #KEPT_MINUTES}
 * minutes; a geometry whose snapped box lies within one searched for the same time range takes its
 * items, so that the geometries of one area share a search. A search reads every page of its answer
 * ({@code next} links), up to {@value #PAGES} pages. The items keep the API's order, which owns
 * overlaps.
 *
 * <p>Thread-safe.
 */
public final class StacSearch implements ItemSource {

  /** The edge in degrees of the boxes searched. */
  static final double CLUSTER = 1;

  static final int PAGES = 100;

  static final int PAGE_SIZE = 100;

  static final int KEPT_MINUTES = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String api;
  private final String collection;
  private final String asset;
  private final OpenRasters<String> rasters;
  private final Cache<Key, ItemIndex> searched =
      Caffeine.newBuilder()
          .maximumSize(1024)
          .expireAfterWrite(Duration.ofMinutes(KEPT_MINUTES))
          .build();

  /** A search: a box snapped to the clusters, and a time range. */
  private record Key(Envelope box, Instant from, Instant to) {}

  /**
   * @param api the API's root URL, whose {@code search} is searched
   * @param collection the id of the collection searched
   * @param asset the key of the asset read from each item
   * @param opener opens the bytes of an asset at an absolute URL
   */
  public StacSearch(
      String api, String collection, String asset, Function<String, ByteSource> opener) {
    this.api = api.endsWith("/") ? api : api + "/";
    this.collection = collection;
    this.asset = asset;
    this.rasters = new OpenRasters<>(opener);
  }

  /**
   * @param lonLat the box of a geometry in longitude/latitude
   * @param from the first instant of the time range
   * @param to its last instant
   * @return the items of the collection that meet the box's cluster in the time range
   * @throws RasterIoException if the API cannot be reached
   * @throws RasterFormatException if it answers with anything but an ItemCollection
   */
  @Override
  public ItemIndex near(Envelope lonLat, Instant from, Instant to) {
    Envelope box =
        new Envelope(
            Math.floor(lonLat.getMinX() / CLUSTER) * CLUSTER,
            Math.ceil(lonLat.getMaxX() / CLUSTER) * CLUSTER,
            Math.floor(lonLat.getMinY() / CLUSTER) * CLUSTER,
            Math.ceil(lonLat.getMaxY() / CLUSTER) * CLUSTER);
    // A box within one searched already, for the same time range, needs no search of its own.
    for (Map.Entry<Key, ItemIndex> known : searched.asMap().entrySet()) {
      Key k = known.getKey();
      if (k.from().equals(from) && k.to().equals(to) && k.box().covers(box)) {
        return known.getValue();
      }
    }
    return searched.get(new Key(box, from, to), this::search);
  }

  private ItemIndex search(Key key) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("collections").add(collection);
    Envelope b = key.box();
    body.putArray("bbox").add(b.getMinX()).add(b.getMinY()).add(b.getMaxX()).add(b.getMaxY());
    body.put("datetime", bound(key.from()) + "/" + bound(key.to()));
    body.put("limit", PAGE_SIZE);
    List<StacItem> items = new ArrayList<>();
    String url = StacDocuments.resolve(api, "search");
    // The first page is POSTed; a next link says how to ask for its page.
    for (int page = 0; url != null; page++) {
      if (page == PAGES) {
        throw new RasterFormatException(
            RemoteNames.display(api) + ": a search answered more than " + PAGES + " pages");
      }
      JsonNode answer = fetch(url, body);
      for (JsonNode feature : answer.path("features")) {
        items.add(ItemParser.parse(feature, url, asset));
      }
      url = null;
      for (JsonNode link : answer.path("links")) {
        if (link.path("rel").asText("").equals("next") && link.path("href").isTextual()) {
          url = StacDocuments.resolve(api, link.path("href").asText());
          body = next(link, body);
        }
      }
    }
    return new ItemIndex(items, rasters);
  }

  /**
   * The body of the next page's request: none for a GET, the link's own for a POST, merged into the
   * last one's when the link says so (STAC API's paging extension).
   */
  private static ObjectNode next(JsonNode link, ObjectNode last) {
    if (!link.path("method").asText("GET").equalsIgnoreCase("POST")) {
      return null;
    }
    ObjectNode next =
        link.path("merge").asBoolean(false) && last != null
            ? last.deepCopy()
            : JSON.createObjectNode();
    if (link.path("body").isObject()) {
      next.setAll((ObjectNode) link.path("body"));
    }
    return next;
  }

  private static String bound(Instant t) {
    return t.equals(Instant.MIN) || t.equals(Instant.MAX) ? ".." : t.toString();
  }

  /**
   * @param body the request's body, POSTed; null to GET
   */
  private static JsonNode fetch(String url, JsonNode body) {
    HttpOptions http = HttpOptions.defaults();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(http.requestTimeout())
            .header("Accept", "application/geo+json, application/json");
    HttpRequest request =
        body == null
            ? builder.GET().build()
            : builder
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    HttpResponse<byte[]> response;
    try {
      response = http.httpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new RasterIoException(
          RemoteNames.display(url) + ": the search failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RasterIoException(RemoteNames.display(url) + ": the search was interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new RasterIoException(
          RemoteNames.display(url) + ": the search answered HTTP " + response.statusCode());
    }
    try {
      JsonNode answer = JSON.readTree(response.body());
      if (!answer.path("features").isArray()) {
        throw new RasterFormatException(
            RemoteNames.display(url) + ": the search did not answer an ItemCollection");
      }
      return answer;
    } catch (IOException e) {
      throw new RasterFormatException(
          RemoteNames.display(url) + ": the search answered no JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean searches() {
    return true;
  }

  @Override
  public Optional<ItemIndex> whole() {
    return Optional.empty();
  }

  /** Closes the assets kept open; assets asked for later are opened again. */
  @Override
  public void close() {
    rasters.close();
  }
}
