package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every operation on both route styles: the same handler, the same bodies, the values GDAL reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteStylesTest {

  static final String POINT = AuthContract.POINT;
  static final String POLYGON =
      """
      {"geometry":{"type":"Polygon","coordinates":[[[6.0,49.6],[6.2,49.6],[6.2,49.8],[6.0,49.8],[6.0,49.6]]]},
       "dataset_ids":["lux:elevation","pr_landcover:land_cover"],"aggregation":"max","pixel_rule":"center"}""";
  static final String BATCH =
      """
      {"geometries":[{"type":"Point","coordinates":[6.13,49.61]},{"type":"Point","coordinates":[5.9,49.9]}],
       "dataset_ids":["lux:elevation"]}""";

  RunningServer running;

  @BeforeAll
  void start() {
    running = RunningServer.start();
  }

  @AfterAll
  void stop() throws Exception {
    running.close();
  }

  JsonNode ok(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(r.headers().firstValue("X-Request-ID")).isPresent();
    return Json.MAPPER.readTree(r.body());
  }

  /** The parts of a response that differ between two runs of the same request. */
  static JsonNode withoutRunFacts(JsonNode body) {
    JsonNode copy = body.deepCopy();
    copy.findParents("elapsed_ms").forEach(n -> ((ObjectNode) n).remove("elapsed_ms"));
    copy.findParents("request_id").forEach(n -> ((ObjectNode) n).remove("request_id"));
    return copy;
  }

  @Test
  void extractAPointOnBothRoutes() throws Exception {
    JsonNode byName = ok(running.post("/v1/op/extract", POINT));
    JsonNode resource = ok(running.post("/api/v1/extract", POINT));
    assertThat(withoutRunFacts(resource)).isEqualTo(withoutRunFacts(byName));
    JsonNode result = byName.path("results").get(0);
    assertThat(result.path("dataset_id").asText()).isEqualTo("lux:elevation");
    assertThat(result.path("value").asDouble())
        .as("gdallocationinfo -wgs84 elev_lux.tif 6.13 49.61")
        .isEqualTo(300.0);
    assertThat(result.path("units").asText()).isEqualTo("m");
    assertThat(result.path("quality").asText()).isEqualTo("good");
    HttpResponse<String> traced = running.post("/v1/op/extract", POINT, "X-Request-ID", "trace-7");
    assertThat(ok(traced).path("request_id").asText())
        .as("the body's id is the header's")
        .isEqualTo("trace-7");
  }

  @Test
  void extractAPolygonFromTwoDatasets() throws Exception {
    JsonNode byName = ok(running.post("/v1/op/extract", POLYGON));
    assertThat(withoutRunFacts(ok(running.post("/api/v1/extract", POLYGON))))
        .isEqualTo(withoutRunFacts(byName));
    assertThat(byName.path("results")).hasSize(2);
    assertThat(byName.path("results").get(0).path("aggregation").asText()).isEqualTo("max");
    assertThat(byName.path("results").get(0).path("pixel_rule").asText()).isEqualTo("center");
    // rasterio.mask (centre rule) over the same box: max 425 over 576 cells
    assertThat(byName.path("results").get(0).path("value").asDouble()).isEqualTo(425.0);
    assertThat(byName.path("results").get(0).path("pixel_count").asInt()).isEqualTo(576);
    assertThat(byName.path("results").get(1).path("quality").asText()).isEqualTo("missing");
  }

  @Test
  void batchKeepsInputOrderOnBothRoutes() throws Exception {
    JsonNode byName = ok(running.post("/v1/op/extract.batch", BATCH));
    assertThat(withoutRunFacts(ok(running.post("/api/v1/extract/batch", BATCH))))
        .isEqualTo(withoutRunFacts(byName));
    assertThat(byName.path("total_geometries").asInt()).isEqualTo(2);
    // gdallocationinfo -valonly -wgs84 elev_lux.tif 6.13 49.61 → 300; 5.9 49.9 → 411
    assertThat(byName.path("responses").get(0).path("results").get(0).path("value").asDouble())
        .isEqualTo(300.0);
    assertThat(byName.path("responses").get(1).path("results").get(0).path("value").asDouble())
        .isEqualTo(411.0);
  }

  @Test
  void estimateABatchOnBothRoutes() throws Exception {
    String body = "{\"extract_batch\":" + BATCH + "}";
    JsonNode byName = ok(running.post("/v1/op/extract.estimate", body));
    JsonNode resource = ok(running.post("/api/v1/extract/estimate", body));
    // The rate, and the duration at it, move as the service measures its extractions.
    for (JsonNode n : new JsonNode[] {byName, resource}) {
      ((ObjectNode) n).remove(java.util.List.of("rate", "estimated_seconds"));
    }
    assertThat(resource).isEqualTo(byName);
    assertThat(byName.path("operation").asText()).isEqualTo("extract.batch");
    assertThat(byName.path("geometries").asInt()).isEqualTo(2);
    assertThat(byName.path("cells").asLong()).as("points visit no area").isZero();
    assertThat(byName.path("datasets").get(0).path("dataset_id").asText())
        .isEqualTo("lux:elevation");
    assertThat(byName.path("datasets").get(0).path("timestamps").asInt()).isOne();
    assertThat(byName.path("within_limits").asBoolean()).isTrue();
    assertThat(byName.path("limits").get(0).toString())
        .isEqualTo("{\"name\":\"geometries\",\"value\":2,\"limit\":1000,\"holds\":true}");
  }

  @Test
  void aBadGeometryToEstimateIsA422NamingTheField() throws Exception {
    HttpResponse<String> r =
        running.post(
            "/api/v1/extract/estimate",
            "{\"extract\":{\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.13,95]},"
                + "\"dataset_ids\":[\"lux:elevation\"]}}");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode loc = Json.MAPPER.readTree(r.body()).path("errors").get(0).path("loc");
    assertThat(loc.get(0).asText()).isEqualTo("extract");
    assertThat(loc.get(1).asText()).isEqualTo("geometry");
    HttpResponse<String> neither = running.post("/v1/op/extract.estimate", "{}");
    assertThat(neither.statusCode()).isEqualTo(422);
    assertThat(Json.MAPPER.readTree(neither.body()).path("errors").get(0).path("loc").toString())
        .isEqualTo("[\"extract\"]");
  }

  @Test
  void listProvidersWithPaging() throws Exception {
    JsonNode byName =
        ok(running.post("/v1/op/catalog.providers.list", "{\"limit\":2,\"offset\":1}"));
    JsonNode resource = ok(running.get("/api/v1/providers?limit=2&offset=1"));
    assertThat(resource).isEqualTo(byName);
    assertThat(byName.path("total").asInt()).isEqualTo(7);
    assertThat(byName.path("count").asInt()).isEqualTo(2);
    assertThat(byName.path("offset").asInt()).isEqualTo(1);
    assertThat(byName.path("providers").get(0).path("slug").asText()).isEqualTo("olinda");
  }

  @Test
  void getAProviderWithItsDatasets() throws Exception {
    JsonNode byName =
        ok(running.post("/v1/op/catalog.providers.get", "{\"slug\":\"landsat_olinda\"}"));
    assertThat(ok(running.get("/api/v1/providers/landsat_olinda"))).isEqualTo(byName);
    assertThat(byName.path("datasets")).hasSize(6);
  }

  @Test
  void listDatasetsOfOneProvider() throws Exception {
    JsonNode byName =
        ok(
            running.post(
                "/v1/op/catalog.datasets.list", "{\"provider\":\"landsat_olinda\",\"limit\":3}"));
    assertThat(ok(running.get("/api/v1/datasets?provider=landsat_olinda&limit=3")))
        .isEqualTo(byName);
    assertThat(byName.path("total").asInt()).isEqualTo(6);
    assertThat(byName.path("datasets")).hasSize(3);
    assertThat(ok(running.get("/api/v1/datasets")).path("total").asInt()).isEqualTo(13);
  }

  @Test
  void getADataset() throws Exception {
    JsonNode byName =
        ok(running.post("/v1/op/catalog.datasets.get", "{\"id\":\"pr_landcover:land_cover\"}"));
    assertThat(ok(running.get("/api/v1/datasets/pr_landcover:land_cover"))).isEqualTo(byName);
    assertThat(byName.path("data_type").asText()).isEqualTo("categorical");
    assertThat(byName.has("classes")).as("no class names in the catalog, no member").isFalse();
    JsonNode worldCover = ok(running.get("/api/v1/datasets/esa_worldcover:land_cover"));
    assertThat(worldCover.path("classes").path("95").asText()).isEqualTo("Mangroves");
    assertThat(worldCover.path("bbox").toString()).isEqualTo("[-180.0,-90.0,180.0,90.0]");
  }

  @Test
  void anIncomingRequestIdIsKeptAndAnUnsafeOneReplaced() {
    HttpResponse<String> kept = running.get("/api/v1/providers", "X-Request-ID", "trace-42");
    assertThat(kept.headers().firstValue("X-Request-ID")).contains("trace-42");
    HttpResponse<String> replaced =
        running.get("/api/v1/providers", "X-Request-ID", "bad id\twith tab");
    assertThat(replaced.headers().firstValue("X-Request-ID").orElseThrow()).startsWith("req_");
  }

  @Test
  void healthReportsTheCatalogAndTheCache() throws Exception {
    JsonNode health = ok(running.get("/health"));
    assertThat(health.path("status").asText()).isEqualTo("ok");
    assertThat(health.path("catalog").path("datasets").asInt()).isEqualTo(13);
    assertThat(health.path("tile_cache").has("hit_ratio")).isTrue();
    assertThat(health.path("database").asText()).isEqualTo("sqlite");
  }

  @Test
  void metricsCountRequestsByOperationAndStatus() {
    running.post("/v1/op/extract", POINT);
    running.post("/v1/op/extract", "{}");
    String text = running.get("/metrics").body();
    assertThat(text)
        .contains("# TYPE terrace_requests_total counter")
        .containsPattern("terrace_requests_total\\{operation=\"extract\",status=\"200\"} [1-9]")
        .containsPattern("terrace_requests_total\\{operation=\"extract\",status=\"422\"} [1-9]")
        .contains(
            "terrace_request_duration_seconds_bucket{operation=\"extract\",status=\"200\",le=\"+Inf\"}")
        .contains("terrace_tile_cache_hits_total")
        .contains("terrace_file_bytes_read_total")
        .contains("# TYPE terrace_http_hedged_requests_total counter");
  }
}
