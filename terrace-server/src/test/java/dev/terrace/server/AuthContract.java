package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** API keys against a real server, run once per database kind by the subclasses. */
abstract class AuthContract {

  static final String POINT =
      """
      {"geometry":{"type":"Point","coordinates":[6.13,49.61]},"dataset_ids":["lux:elevation"]}""";

  RunningServer running;
  ApiKeyStore keys;

  void startWith(String databaseUrl) {
    running = RunningServer.start(b -> b.auth(true).databaseUrl(databaseUrl));
    keys = new ApiKeyStore(running.server.database());
  }

  @AfterAll
  void stop() throws Exception {
    if (running != null) {
      running.close();
    }
  }

  String key(Scope... scopes) {
    return keys.create("test", EnumSet.copyOf(Set.of(scopes))).secret();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  static void assertProblem(HttpResponse<String> r, int status, String errorType) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode body = json(r);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("error_type").asText()).isEqualTo(errorType);
    assertThat(body.path("request_id").asText())
        .isEqualTo(r.headers().firstValue("X-Request-ID").orElseThrow());
    assertThat(body.path("error").path("type").asText()).isEqualTo(errorType);
  }

  @Test
  void noKeyIsRefusedAndSaysHowToSendOne() throws Exception {
    HttpResponse<String> r = running.post("/v1/op/extract", POINT);
    assertProblem(r, 401, "unauthorized");
    assertThat(json(r).path("detail").asText()).contains("Authorization: Bearer");
    assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"terrace\"");
    assertThat(r.headers().firstValue("X-RateLimit-Limit")).isPresent();
  }

  @Test
  void unknownAndMalformedKeysAreRefused() throws Exception {
    String real = key(Scope.EXTRACT);
    String forged = real.substring(0, real.length() - 4) + "abcd";
    HttpResponse<String> refused =
        running.post("/v1/op/extract", POINT, "Authorization", "Bearer " + forged);
    assertProblem(refused, 401, "unauthorized");
    assertThat(refused.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"terrace\", error=\"invalid_token\"");
    assertProblem(
        running.post("/v1/op/extract", POINT, "X-API-Key", "trc_short"), 401, "unauthorized");
    assertProblem(
        running.post("/v1/op/extract", POINT, "Authorization", "Basic dXNlcjpwYXNz"),
        401,
        "unauthorized");
  }

  @Test
  void aValidKeyWorksInEitherHeader() throws Exception {
    String k = key(Scope.EXTRACT, Scope.CATALOG_READ);
    HttpResponse<String> bearer =
        running.post("/v1/op/extract", POINT, "Authorization", "Bearer " + k);
    assertThat(bearer.statusCode()).as(bearer.body()).isEqualTo(200);
    assertThat(json(bearer).path("results").get(0).path("value").asDouble()).isEqualTo(300.0);
    HttpResponse<String> header = running.get("/api/v1/providers?limit=1", "X-API-Key", k);
    assertThat(header.statusCode()).isEqualTo(200);
    assertThat(json(header).path("total").asInt()).isEqualTo(7);
  }

  @Test
  void aRevokedKeyStopsWorkingAtOnce() throws Exception {
    String k = key(Scope.ADMIN);
    assertThat(running.get("/api/v1/datasets", "X-API-Key", k).statusCode()).isEqualTo(200);
    assertThat(keys.revoke(k)).isTrue();
    assertProblem(running.get("/api/v1/datasets", "X-API-Key", k), 401, "unauthorized");
    assertThat(keys.revoke(k)).as("revoking twice").isFalse();
    assertThat(keys.list()).filteredOn(key -> !key.active()).isNotEmpty();
  }

  @Test
  void aKeyWithoutTheScopeIsForbidden() throws Exception {
    String catalogOnly = key(Scope.CATALOG_READ);
    HttpResponse<String> r =
        running.post("/api/v1/extract", POINT, "Authorization", "Bearer " + catalogOnly);
    assertProblem(r, 403, "forbidden");
    assertThat(json(r).path("detail").asText()).contains("'extract' scope");
    String extractOnly = key(Scope.EXTRACT);
    assertProblem(running.get("/api/v1/providers/lux", "X-API-Key", extractOnly), 403, "forbidden");
    String admin = key(Scope.ADMIN);
    assertThat(running.get("/api/v1/providers/lux", "X-API-Key", admin).statusCode())
        .isEqualTo(200);
    assertThat(running.post("/v1/op/extract", POINT, "X-API-Key", admin).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theStacApiNeedsAKeyWithTheCatalogScope() throws Exception {
    assertProblem(running.get("/stac/collections"), 401, "unauthorized");
    assertProblem(running.get("/stac/search", "X-API-Key", key(Scope.EXTRACT)), 403, "forbidden");
    assertThat(running.get("/stac/search", "X-API-Key", key(Scope.CATALOG_READ)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void previewTilesNeedAKeyWithTheCatalogScope() throws Exception {
    String tile = "/api/v1/tiles/lux:elevation/8/132/87.png";
    assertProblem(running.get(tile), 401, "unauthorized");
    assertProblem(running.get(tile, "X-API-Key", key(Scope.EXTRACT)), 403, "forbidden");
    HttpResponse<String> r = running.get(tile, "X-API-Key", key(Scope.CATALOG_READ));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).contains("private, max-age=3600");
    assertProblem(
        running.get("/api/v1/tiles/lux:elevation/tilejson.json", "X-API-Key", key(Scope.EXTRACT)),
        403,
        "forbidden");
  }

  @Test
  void anEstimateNeedsTheExtractScope() throws Exception {
    String body = "{\"extract\":" + POINT + "}";
    HttpResponse<String> r =
        running.post(
            "/v1/op/extract.estimate", body, "Authorization", "Bearer " + key(Scope.CATALOG_READ));
    assertProblem(r, 403, "forbidden");
    assertThat(json(r).path("detail").asText()).contains("'extract' scope");
    assertThat(
            running
                .post("/api/v1/extract/estimate", body, "X-API-Key", key(Scope.EXTRACT))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void healthNeedsNoKey() {
    assertThat(running.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void onlyAHashOfTheKeyIsStored() throws Exception {
    String k = key(Scope.EXTRACT);
    String id = k.substring(4, 16);
    try (Connection c = running.server.database().connection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, name, secret_hash, scopes FROM api_keys WHERE id = '" + id + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("secret_hash"))
          .isEqualTo(ApiKeyStore.sha256(k))
          .doesNotContain(k.substring(17));
      assertThat(rs.getString("scopes")).isEqualTo("extract");
    }
  }
}
