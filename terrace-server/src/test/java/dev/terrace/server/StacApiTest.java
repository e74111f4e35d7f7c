package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.testkit.stac.StacValidator;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog as a STAC API over the built-in samples, read as a STAC client reads it: from the
 * landing page by its links, every page by its {@code next} link, each document checked by
 * stac-node-validator against the STAC schemas.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StacApiTest {

  RunningServer running;
  String base;
  final Map<String, String> served = new LinkedHashMap<>();

  @BeforeAll
  void start() {
    running = RunningServer.start();
    base = running.uri("/stac").toString().replaceFirst("/stac$", "");
  }

  @AfterAll
  void validateAndStop() throws Exception {
    try {
      Optional<StacValidator> validator = StacValidator.find();
      if (validator.isPresent() && !served.isEmpty()) {
        validator.get().validateJson(served).assertValid();
      }
    } finally {
      running.close();
    }
  }

  /** GETs a STAC document, keeps it for the validator and returns it. */
  JsonNode stac(String url, String mediaType) throws Exception {
    HttpResponse<String> r = running.send(HttpRequest.newBuilder(URI.create(absolute(url))));
    assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains(mediaType);
    served.put("doc" + served.size() + ".json", r.body());
    return Json.MAPPER.readTree(r.body());
  }

  String absolute(String url) {
    return url.startsWith("http") ? url : base + url;
  }

  static String href(JsonNode doc, String rel) {
    for (JsonNode link : doc.path("links")) {
      if (link.path("rel").asText().equals(rel)) {
        return link.path("href").asText();
      }
    }
    return null;
  }

  @Test
  void aClientFindsEveryCollectionFromTheLandingPage() throws Exception {
    JsonNode landing = stac("/stac", "application/json");
    assertThat(landing.path("type").asText()).isEqualTo("Catalog");
    assertThat(landing.path("conformsTo").toString())
        .contains("https://api.stacspec.org/v1.0.0/item-search#fields")
        .contains("https://api.stacspec.org/v1.0.0/item-search#sort");
    assertThat(href(landing, "self")).isEqualTo(base + "/stac");
    assertThat(href(landing, "search")).isEqualTo(base + "/stac/search");
    JsonNode conformance = stac(href(landing, "conformance"), "application/json");
    served.remove("doc" + (served.size() - 1) + ".json"); // not a STAC object
    assertThat(conformance.path("conformsTo")).isEqualTo(landing.path("conformsTo"));
    JsonNode collections = stac(href(landing, "data"), "application/json");
    List<String> ids = new ArrayList<>();
    collections.path("collections").forEach(c -> ids.add(c.path("id").asText()));
    assertThat(ids).contains("lux:elevation", "bcsd:pr", "pr_landcover:land_cover").hasSize(13);
    List<String> children = new ArrayList<>();
    landing
        .path("links")
        .forEach(
            l -> {
              if (l.path("rel").asText().equals("child")) {
                children.add(l.path("href").asText());
              }
            });
    assertThat(children).hasSize(13).contains(base + "/stac/collections/bcsd:pr");

    JsonNode pr = stac(base + "/stac/collections/bcsd:pr", "application/json");
    assertThat(pr.path("type").asText()).isEqualTo("Collection");
    assertThat(pr.path("extent").path("temporal").path("interval").get(0).get(0).asText())
        .startsWith("1999-01");
    assertThat(pr.path("license").asText()).isEqualTo("proprietary");
    assertThat(pr.path("terrace:license").asText()).isEqualTo("Freely available");
    assertThat(href(pr, "items")).isEqualTo(base + "/stac/collections/bcsd:pr/items");
    JsonNode lux = stac("/stac/collections/lux:elevation", "application/json");
    assertThat(lux.path("license").asText()).isEqualTo("GPL-3.0-or-later");
    assertThat(lux.path("extent").path("spatial").path("bbox").get(0).get(0).asDouble())
        .isEqualTo(5.741_666_666_666_667, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aCollectionsItemsArePagedByTheirNextLinksToTheEnd() throws Exception {
    String url = "/stac/collections/bcsd:pr/items?limit=5";
    List<String> ids = new ArrayList<>();
    int pages = 0;
    while (url != null) {
      JsonNode page = stac(url, "application/geo+json");
      assertThat(page.path("numberMatched").asInt()).isEqualTo(12);
      page.path("features").forEach(f -> ids.add(f.path("id").asText()));
      assertThat(href(page, "parent")).endsWith("/stac/collections/bcsd:pr");
      url = href(page, "next");
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(ids).doesNotHaveDuplicates().hasSize(12).startsWith("pr-1999-01-31");

    JsonNode item = stac("/stac/collections/bcsd:pr/items/" + ids.get(2), "application/geo+json");
    assertThat(item.path("properties").path("datetime").asText()).startsWith("1999-03");
    assertThat(href(item, "self"))
        .isEqualTo(base + "/stac/collections/bcsd:pr/items/" + ids.get(2));
    assertThat(item.path("assets").path("data").path("type").asText())
        .isEqualTo("application/netcdf");
  }

  @Test
  void aSearchByPostMergesTheNextLinksBody() throws Exception {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putArray("collections").add("bcsd:tas").add("lux:elevation");
    body.put("limit", 4);
    body.putArray("sortby").addObject().put("field", "id").put("direction", "desc");
    List<String> ids = new ArrayList<>();
    String url = "/stac/search";
    while (url != null) {
      HttpResponse<String> r = running.post(url.replace(base, ""), body.toString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/geo+json");
      served.put("post" + served.size() + ".json", r.body());
      JsonNode page = Json.MAPPER.readTree(r.body());
      page.path("features").forEach(f -> ids.add(f.path("id").asText()));
      url = null;
      for (JsonNode link : page.path("links")) {
        if (link.path("rel").asText().equals("next")) {
          assertThat(link.path("method").asText()).isEqualTo("POST");
          assertThat(link.path("merge").asBoolean()).isTrue();
          body.setAll((ObjectNode) link.path("body"));
          url = link.path("href").asText();
        }
      }
    }
    assertThat(ids).hasSize(13).doesNotHaveDuplicates().startsWith("tas-1999-12-31");
    assertThat(ids.get(12)).isEqualTo("elev_lux");
  }

  @Test
  void aSearchByGetFiltersByPlaceAndTime() throws Exception {
    JsonNode page =
        stac(
            "/stac/search?bbox=5.9,49.5,6.3,49.9&datetime=2020-01-01T00:00:00Z&collections=lux:elevation,bcsd:pr",
            "application/geo+json");
    assertThat(page.path("features")).hasSize(1);
    assertThat(page.path("features").get(0).path("id").asText()).isEqualTo("elev_lux");
    JsonNode spring =
        stac(
            "/stac/search?collections=bcsd:pr&datetime=1999-03-01T00:00:00Z/1999-05-31T23:59:59Z"
                + "&fields=properties.datetime,-assets&sortby=-properties.datetime",
            "application/geo+json");
    List<String> times = new ArrayList<>();
    spring.path("features").forEach(f -> times.add(f.path("properties").path("datetime").asText()));
    assertThat(times)
        .hasSize(3)
        .allMatch(t -> t.startsWith("1999-0"))
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(spring.path("features").get(0).has("assets")).isFalse();
    served.remove("doc" + (served.size() - 1) + ".json"); // fields leave items partial by design
  }

  /** The Puerto Rico land cover sample declared categorical, with two of its codes named. */
  @Test
  void aCategoricalItemNamesItsClasses(@TempDir Path dir) throws Exception {
    Path lc = dir.resolve("lc.tif");
    try (InputStream in = getClass().getResourceAsStream("/dev/terrace/engine/samples/lc.tif")) {
      Files.copy(in, lc);
    }
    Path catalog =
        Files.writeString(
            dir.resolve("catalog.json"),
            """
            {"providers": [{"slug": "pr", "protocol": "cog", "license": "Apache-2.0", "datasets": [
              {"name": "cover", "path": "lc.tif", "data_type": "categorical",
               "classes": {"11": "Open water", "95": "Emergent wetland"}}]}]}
            """);
    try (RunningServer classes = RunningServer.start(b -> b.catalog(catalog))) {
      HttpResponse<String> r = classes.get("/stac/collections/pr:cover/items");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      served.put("classes.json", r.body());
      JsonNode item = Json.MAPPER.readTree(r.body()).path("features").get(0);
      assertThat(item.path("id").asText()).isEqualTo("lc");
      assertThat(item.path("stac_extensions").toString()).contains("classification/v1.1.0");
      JsonNode named =
          item.path("assets")
              .path("data")
              .path("raster:bands")
              .get(0)
              .path("classification:classes");
      assertThat(named).hasSize(2);
      assertThat(named.get(1).path("value").asInt()).isEqualTo(95);
      assertThat(named.get(1).path("description").asText()).isEqualTo("Emergent wetland");
    }
  }

  @Test
  void badParametersAre400ProblemsNamingThem() throws Exception {
    bad(running.get("/stac/search?bbox=1,2,3"), "bbox");
    bad(running.get("/stac/search?bbox=1,2,x,4"), "bbox");
    bad(
        running.get(
            "/stac/search?bbox=0,0,1,1&intersects="
                + java.net.URLEncoder.encode(
                    "{\"type\":\"Point\",\"coordinates\":[0,0]}",
                    java.nio.charset.StandardCharsets.UTF_8)),
        "intersects");
    bad(running.get("/stac/search?datetime=yesterday"), "datetime");
    bad(running.get("/stac/search?limit=0"), "limit");
    bad(running.get("/stac/search?token=zzz"), "token");
    bad(running.post("/stac/search", "{\"bbox\":[1,2,3]}"), "bbox");
    bad(running.post("/stac/search", "{\"limit\":0}"), "limit");
    assertThat(running.get("/stac/collections/nope:nothing").statusCode()).isEqualTo(404);
    assertThat(running.get("/stac/collections/bcsd:pr/items/nothing").statusCode()).isEqualTo(404);
    // The operation's own routes keep the API's 422.
    assertThat(running.post("/v1/op/catalog.search", "{\"limit\":0}").statusCode()).isEqualTo(422);
  }

  static void bad(HttpResponse<String> r, String parameter) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode problem = Json.MAPPER.readTree(r.body());
    assertThat(problem.path("errors").get(0).path("loc").get(0).asText()).isEqualTo(parameter);
    assertThat(problem.path("detail").asText()).contains(parameter);
  }

  @Test
  void theOperationAnswersOnBothRouteStylesWithAbsoluteLinks() throws Exception {
    String search = "{\"collections\":[\"bcsd:pr\"],\"limit\":5}";
    for (String path : List.of("/v1/op/catalog.search", "/api/v1/search")) {
      HttpResponse<String> r = running.post(path, search);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode page = Json.MAPPER.readTree(r.body());
      assertThat(page.path("features")).hasSize(5);
      assertThat(href(page, "next")).isEqualTo(base + path);
      assertThat(href(page.path("features").get(0), "self"))
          .isEqualTo(base + "/stac/collections/bcsd:pr/items/pr-1999-01-31");
    }
  }
}
