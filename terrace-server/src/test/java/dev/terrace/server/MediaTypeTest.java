package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body declared as anything but JSON is a 415 naming the accepted types, on both route styles;
 * JSON, a {@code +json} type and an undeclared body are read as before; GET and OPTIONS are
 * unaffected; and the OpenAPI document says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaTypeTest {

  private static final String BODY =
      "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.13,49.61]},"
          + "\"dataset_ids\":[\"lux:elevation\"]}";
  private static final List<String> BODY_ROUTES =
      List.of("/v1/op/extract", "/api/v1/extract", "/v1/op/catalog.datasets.list");

  RunningServer running;
  JsonNode openApi;

  @BeforeAll
  void start() throws Exception {
    running = RunningServer.start(b -> b.rateLimit(0, 1));
    openApi = Json.MAPPER.readTree(running.get("/openapi.json").body());
  }

  @AfterAll
  void stop() throws Exception {
    running.close();
  }

  private HttpResponse<String> post(String path, String contentType) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(running.uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(path.contains("catalog") ? "{}" : BODY));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return running.send(b);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded",
        "application/xml",
        "application/octet-stream",
        "multipart/form-data; boundary=x",
        "text/json",
        "application/+json",
        "application/jsonx",
        "nonsense"
      })
  void aBodyDeclaredAsAnotherTypeIs415(String contentType) throws Exception {
    for (String path : BODY_ROUTES) {
      HttpResponse<String> r = post(path, contentType);
      assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(415);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(r.headers().firstValue("Accept")).hasValue("application/json, application/*+json");
      JsonNode problem = Json.MAPPER.readTree(r.body());
      assertThat(problem.path("status").asInt()).isEqualTo(415);
      assertThat(problem.path("detail").asText())
          .contains("application/json", "application/*+json");
      assertThat(problem.at("/errors/0/loc").toString()).isEqualTo("[\"header\",\"Content-Type\"]");
      assertThat(problem.at("/errors/0/type").asText()).isEqualTo("unsupported_media_type");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON",
        "application/geo+json",
        "application/vnd.terrace+json"
      })
  void jsonTypesAreRead(String contentType) {
    for (String path : BODY_ROUTES) {
      HttpResponse<String> r = post(path, contentType);
      assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    }
  }

  /** RFC 9110 §8.3: without a Content-Type the recipient may examine the data; the parser does. */
  @Test
  void anUndeclaredBodyIsReadAsJson() {
    for (String path : BODY_ROUTES) {
      assertThat(post(path, null).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> notJson =
        running.send(
            HttpRequest.newBuilder(running.uri("/v1/op/extract"))
                .POST(HttpRequest.BodyPublishers.ofString("geometry=POINT(6 49)")));
    assertThat(notJson.statusCode()).isEqualTo(422);
  }

  @Test
  void getAndOptionsAreUnaffected() {
    assertThat(running.get("/api/v1/datasets?limit=1", "Content-Type", "text/plain").statusCode())
        .isEqualTo(200);
    HttpResponse<String> options =
        running.send(
            HttpRequest.newBuilder(running.uri("/api/v1/extract"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "text/plain"));
    assertThat(options.statusCode()).isNotEqualTo(415);
  }

  @Test
  void theOpenApiDocumentDescribesThe415() {
    JsonNode problem415 = openApi.at("/components/responses/Problem415");
    assertThat(problem415.path("description").asText())
        .contains("application/json", "application/*+json");
    assertThat(problem415.at("/headers/Accept/$ref").asText())
        .isEqualTo("#/components/headers/Accept");
    assertThat(openApi.at("/components/headers/Accept").isObject()).isTrue();
    for (String path :
        List.of(
            "/v1/op/extract",
            "/v1/op/catalog.datasets.list",
            "/api/v1/extract",
            "/api/v1/extract/batch")) {
      assertThat(
              openApi.at("/paths/" + path.replace("/", "~1") + "/post/responses/415/$ref").asText())
          .as(path)
          .isEqualTo("#/components/responses/Problem415");
    }
    assertThat(openApi.at("/paths/~1api~1v1~1datasets/get/responses").has("415")).isFalse();
  }
}
