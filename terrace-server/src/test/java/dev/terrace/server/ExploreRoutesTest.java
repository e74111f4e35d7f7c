package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The /explore page and its files: served by the server itself with their types, a policy that lets
 * the page load nothing from elsewhere, and no key needed while the API requires one.
 */
class ExploreRoutesTest {

  private static final Pattern LINK = Pattern.compile("\\b(?:src|href)=\"([^\"]*)\"");

  private static RunningServer server;
  private static HttpResponse<String> page;

  @BeforeAll
  static void fetch() {
    server = RunningServer.start(b -> b.auth(true));
    page = server.get("/explore");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void pageNeedsNoKeyWhileTheApiDoes() {
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(server.post("/v1/op/catalog.datasets.list", "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void pageIsHtmlUnderAPolicyOfThisServerOnly() {
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
                + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.body())
        .startsWith("<!doctype html>")
        .doesNotContainIgnoringCase("http://")
        .doesNotContainIgnoringCase("https://")
        // The policy allows no inline script or style, so the page has none.
        .doesNotContain("<script>")
        .doesNotContain("<style")
        .doesNotContain("style=");
    for (String id :
        List.of(
            "dataset-search",
            "dataset-list",
            "run",
            "results-table",
            "series-chart",
            "distribution-chart",
            "draw-polygon",
            "draw-rectangle",
            "draw-point",
            "request-json",
            "api-key")) {
      assertThat(page.body()).contains("id=\"" + id + "\"");
    }
  }

  @Test
  void everyFileThePageLinksIsServedWithItsType() {
    Matcher links = LINK.matcher(page.body());
    List<String> assets = new ArrayList<>();
    while (links.find()) {
      if (links.group(1).startsWith("/explore/assets/")) {
        assets.add(links.group(1));
      }
    }
    Map<String, String> types = new LinkedHashMap<>();
    types.put("/explore/assets/favicon.svg", "image/svg+xml");
    types.put("/explore/assets/leaflet/leaflet.css", "text/css; charset=utf-8");
    types.put("/explore/assets/uplot/uPlot.min.css", "text/css; charset=utf-8");
    types.put("/explore/assets/explore.css", "text/css; charset=utf-8");
    types.put("/explore/assets/leaflet/leaflet.js", "text/javascript; charset=utf-8");
    types.put("/explore/assets/uplot/uPlot.iife.min.js", "text/javascript; charset=utf-8");
    types.put("/explore/assets/explore.js", "text/javascript; charset=utf-8");
    assertThat(assets).containsExactlyElementsOf(types.keySet());
    for (String asset : assets) {
      HttpResponse<String> answer = server.get(asset);
      assertThat(answer.statusCode()).as(asset).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).as(asset).hasValue(types.get(asset));
      assertThat(answer.body()).as(asset).isNotEmpty();
    }
  }

  @Test
  void modulesImportedByThePageAreServed() {
    String main = server.get("/explore/assets/explore.js").body();
    Matcher imports = Pattern.compile("from \"\\./([a-z]+\\.js)\"").matcher(main);
    List<String> modules = new ArrayList<>();
    while (imports.find()) {
      modules.add(imports.group(1));
    }
    assertThat(modules)
        .containsExactlyInAnyOrder(
            "api.js", "catalog.js", "draw.js", "preview.js", "results.js", "snippets.js");
    for (String module : modules) {
      assertThat(server.get("/explore/assets/" + module).statusCode()).as(module).isEqualTo(200);
    }
  }

  @Test
  void basemapImagesAndLicencesAreServed() {
    HttpResponse<String> world = server.get("/explore/assets/world/countries-110m.geojson");
    assertThat(world.statusCode()).isEqualTo(200);
    assertThat(world.headers().firstValue("Content-Type")).hasValue("application/geo+json");
    assertThat(world.body())
        .startsWith("{\"type\":\"FeatureCollection\"")
        .contains("\"Luxembourg\"");
    HttpResponse<String> image = server.get("/explore/assets/leaflet/images/layers.png");
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(server.get("/explore/assets/leaflet/LICENSE.txt").body()).contains("BSD 2-Clause");
    assertThat(server.get("/explore/assets/uplot/LICENSE.txt").body()).contains("MIT");
    assertThat(server.get("/explore/assets/world/LICENSE.txt").body()).contains("Michael Bostock");
  }

  @Test
  void filesCarryAnEntityTagAndAnswer304ToIt() {
    HttpResponse<String> first = server.get("/explore/assets/explore.css");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    HttpResponse<String> again = server.get("/explore/assets/explore.css", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void unknownOrEscapingAssetsAre404() {
    for (String path :
        List.of(
            "/explore/assets/nothing.js",
            "/explore/assets/explore.exe",
            "/explore/assets/..%2Fdocs.html",
            "/explore/assets/.hidden.js",
            "/explore/assets/uplot/../../docs.html",
            "/explore/assets/uplot/missing.js")) {
      HttpResponse<String> answer = server.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.headers().firstValue("Content-Type"))
          .as(path)
          .hasValue("application/problem+json");
    }
  }

  @Test
  void pageRoutesAnswer405ToOtherMethods() {
    for (String path : List.of("/explore", "/explore/assets/explore.js")) {
      HttpResponse<String> answer =
          server.send(
              HttpRequest.newBuilder(server.uri(path))
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(answer.statusCode()).as(path).isEqualTo(405);
      assertThat(answer.headers().firstValue("Allow")).hasValue("GET");
    }
  }
}
