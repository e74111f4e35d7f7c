package dev.terrace.engine.internal.stacread;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.Quality;
import dev.terrace.api.TimeRange;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@code stac} dataset over a STAC API ({@code stac.api}): a loopback server answers Item Search
 * ({@code POST /api/search}) over the items of {@code src/test/resources/stac/}, two to a page,
 * their assets served by the range server. The items it finds read as the static catalog's do, a
 * search is made once for the geometries of one area, and its time range selects timestamps.
 */
class StacApiTest extends StacWorld {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Items a page: fewer than a collection has, so that every search pages. */
  private static final int PAGE = 2;

  private static HttpServer api;
  private static Terrace searching;
  private static final AtomicInteger searches = new AtomicInteger();

  @BeforeAll
  static void startApi() throws IOException {
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext("/api/search", StacApiTest::search);
    api.createContext(
        "/broken/search",
        exchange -> {
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    api.start();
    String root = "http://127.0.0.1:" + api.getAddress().getPort() + "/api/";
    String catalog =
        """
        {"providers": [
          {"slug": "items", "protocol": "stac", "datasets": [
            {"name": "elev", "stac": {"catalog": "%1$s", "collection": "lux", "asset": "data"}}]},
          {"slug": "api", "protocol": "stac", "datasets": [
            {"name": "elev", "stac": {"api": "%2$s", "collection": "lux", "asset": "data"}},
            {"name": "series", "stac": {"api": "%2$s", "collection": "series", "asset": "data"}},
            {"name": "broken", "stac": {"api": "%3$s", "collection": "lux", "asset": "data"}}]}
        ]}
        """
            .formatted(
                stac.resolve("catalog.json").toString().replace("\\", "\\\\"),
                root,
                root.replace("/api/", "/broken/"));
    searching = Terrace.embedded(Files.writeString(dir.resolve("api.json"), catalog));
  }

  @AfterAll
  static void stopApi() {
    searching.close();
    api.stop(0);
  }

  @Test
  void theItemsASearchFindsReadAsTheStaticCatalogs() {
    for (PixelRule rule : List.of(PixelRule.EXACT, PixelRule.CENTER)) {
      for (String aggregation : List.of("mean", "count", "max")) {
        List<ExtractResponse> responses =
            searching
                .batchExtract(
                    BatchExtractRequest.builder()
                        .geometries(StacMosaicTest.POLYGONS)
                        .datasets("api:elev", "items:elev")
                        .aggregation(aggregation)
                        .pixelRule(rule)
                        .build())
                .responses();
        for (ExtractResponse r : responses) {
          ExtractResult a = r.results().get(0);
          ExtractResult b = r.results().get(1);
          String what = aggregation + ", " + rule;
          assertThat(r.warnings()).as(what).isEmpty();
          assertThat(a.pixelCount()).as(what).isEqualTo(b.pixelCount()).isPositive();
          assertThat(a.jsonValue()).as(what).isEqualTo(b.jsonValue());
          assertThat(a.coverageFraction()).as(what).isEqualTo(b.coverageFraction());
          assertThat(a.timestamp()).as(what).isEqualTo("2024-01-01T00:00:00Z");
        }
      }
    }
  }

  /**
   * The geometries of one area share one search: the polygon over the whole raster searches from
   * 5°E to 7°E and 49°N to 51°N, whose four items come in two pages (a time range of its own makes
   * the search this test's), and every other geometry there takes its items. A point in another
   * area searches again: one page, empty.
   */
  @Test
  void oneSearchServesTheGeometriesOfAnArea() {
    TimeRange january = TimeRange.of("2024-01-01", "2024-01-31");
    int before = searches.get();
    searching.extract(
        ExtractRequest.builder()
            .geometry(StacMosaicTest.BEYOND)
            .datasets("api:elev")
            .timeRange(january)
            .build());
    assertThat(searches.get() - before).isEqualTo(2);
    searching.batchExtract(
        BatchExtractRequest.builder()
            .geometries(StacMosaicTest.POLYGONS)
            .datasets("api:elev")
            .timeRange(january)
            .build());
    searching.extract(
        ExtractRequest.builder()
            .geometry(Point.of(5.9125, 49.9375))
            .datasets("api:elev")
            .timeRange(january)
            .build());
    assertThat(searches.get() - before).isEqualTo(2);
    searching.extract(
        ExtractRequest.builder()
            .geometry(Point.of(7.5, 49.5))
            .datasets("api:elev")
            .timeRange(january)
            .build());
    assertThat(searches.get() - before).isEqualTo(3);
  }

  @Test
  void theTimeRangeIsSearchedAndSelectsTimestamps() {
    List<ExtractResult> two =
        searching
            .extract(
                ExtractRequest.builder()
                    .geometry(Point.of(5.9125, 49.9375))
                    .datasets("api:series")
                    .timeRange(TimeRange.of("2024-02", "2024-03"))
                    .build())
            .results();
    assertThat(two)
        .extracting(ExtractResult::timestamp)
        .containsExactly("2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z");
    assertThat(two.get(0).number()).isEqualTo(two.get(1).number()).isPresent();
    ExtractResponse none =
        searching.extract(
            ExtractRequest.builder()
                .geometry(Point.of(5.9125, 49.9375))
                .datasets("api:series")
                .timeRange(TimeRange.of("2023-01", "2023-12"))
                .build());
    assertThat(none.results()).isEmpty();
    assertThat(none.warnings())
        .singleElement()
        .asString()
        .startsWith("api:series: no item in time_range ")
        .endsWith(" meets the geometry");
  }

  /** An API that fails makes its dataset's result missing, with a warning; the others stand. */
  @Test
  void anApiThatFailsIsMissingWithAWarning() {
    ExtractResponse r =
        searching.extract(ExtractRequest.of(Point.of(5.9125, 49.9375), "api:broken", "api:elev"));
    assertThat(r.results().get(0).quality()).isEqualTo(Quality.MISSING);
    assertThat(r.results().get(1).number()).isPresent();
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .startsWith("api:broken: ")
        .contains("/broken/search: the search answered HTTP 500");
  }

  /**
   * Item Search over a collection of the test catalog: {@code collections}, {@code bbox} and {@code
   * datetime} filter, {@code token} is the offset of the page; each item's asset is made an
   * absolute URL of the range server.
   */
  private static void search(HttpExchange exchange) throws IOException {
    searches.incrementAndGet();
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    String collection = body.path("collections").get(0).asText();
    JsonNode bbox = body.path("bbox");
    String[] datetime = body.path("datetime").asText("../..").split("/");
    List<JsonNode> matched = new ArrayList<>();
    for (JsonNode link :
        JSON.readTree(stac.resolve(collection + "/collection.json").toFile()).path("links")) {
      if (!link.path("rel").asText().equals("item")) {
        continue;
      }
      ObjectNode item =
          (ObjectNode)
              JSON.readTree(stac.resolve(collection).resolve(link.path("href").asText()).toFile());
      JsonNode box = item.path("bbox");
      Instant time = Instant.parse(item.path("properties").path("datetime").asText());
      boolean meets =
          box.get(0).asDouble() <= bbox.get(2).asDouble()
              && box.get(2).asDouble() >= bbox.get(0).asDouble()
              && box.get(1).asDouble() <= bbox.get(3).asDouble()
              && box.get(3).asDouble() >= bbox.get(1).asDouble()
              && (datetime[0].equals("..") || !time.isBefore(Instant.parse(datetime[0])))
              && (datetime[1].equals("..") || !time.isAfter(Instant.parse(datetime[1])));
      if (meets) {
        ObjectNode asset = (ObjectNode) item.path("assets").path("data");
        String file = Path.of(asset.path("href").asText()).getFileName().toString();
        asset.put("href", server.uri("/stac/" + file).toString());
        matched.add(item);
      }
    }
    int from = body.path("token").asInt(0);
    int to = Math.min(matched.size(), from + Math.min(PAGE, body.path("limit").asInt(PAGE)));
    ObjectNode answer = JSON.createObjectNode().put("type", "FeatureCollection");
    ArrayNode features = answer.putArray("features");
    matched.subList(from, to).forEach(features::add);
    ArrayNode links = answer.putArray("links");
    if (to < matched.size()) {
      ObjectNode next = links.addObject().put("rel", "next").put("href", "search");
      next.put("method", "POST").put("merge", true).putObject("body").put("token", to);
    }
    byte[] out = answer.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/geo+json");
    exchange.sendResponseHeaders(200, out.length);
    try (var stream = exchange.getResponseBody()) {
      stream.write(out);
    }
  }
}
