package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.engine.config.Limits;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile requests, each answered with the right 4xx problem naming the field, while
 * the server keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  private static final String EXTRACT = "/v1/op/extract";
  private static final String BATCH = "/v1/op/extract.batch";
  private static final String POINT = "{\"type\":\"Point\",\"coordinates\":[6.13,49.61]}";

  RunningServer running;

  @BeforeAll
  void start() {
    running = RunningServer.start(b -> b.rateLimit(0, 1));
  }

  @AfterAll
  void stop() throws Exception {
    running.close();
  }

  static String extract(String geometry, String rest) {
    return "{\"geometry\":" + geometry + ",\"dataset_ids\":[\"lux:elevation\"]" + rest + "}";
  }

  static String ring(int vertices) {
    return IntStream.range(0, vertices)
        .mapToObj(
            i -> {
              double a = 2 * Math.PI * (i % (vertices - 1)) / (vertices - 1);
              return "[" + (6.1 + 0.1 * Math.cos(a)) + "," + (49.7 + 0.1 * Math.sin(a)) + "]";
            })
        .collect(Collectors.joining(",", "{\"type\":\"Polygon\",\"coordinates\":[[", "]]}"));
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        // name, path, body, status, error_type, first element of errors[0].loc
        Arguments.of("not JSON", EXTRACT, "hello", 422, "validation_error", "body"),
        Arguments.of("truncated JSON", EXTRACT, "{\"geometry\":", 422, "validation_error", "body"),
        Arguments.of("empty body", EXTRACT, "", 422, "validation_error", "geometry"),
        Arguments.of("JSON null", EXTRACT, "null", 422, "validation_error", "body"),
        Arguments.of("JSON array", EXTRACT, "[]", 422, "validation_error", "body"),
        Arguments.of("JSON string", EXTRACT, "\"extract\"", 422, "validation_error", "body"),
        Arguments.of(
            "trailing garbage",
            EXTRACT,
            extract(POINT, "") + " {}",
            422,
            "validation_error",
            "body"),
        Arguments.of(
            "duplicate member",
            EXTRACT,
            extract(POINT, ",\"dataset_ids\":[\"x\"]"),
            422,
            "validation_error",
            "body"),
        Arguments.of(
            "geometry is a number", EXTRACT, extract("5", ""), 422, "validation_error", "geometry"),
        Arguments.of(
            "geometry type unknown",
            EXTRACT,
            extract("{\"type\":\"Circle\",\"coordinates\":[1,2]}", ""),
            422,
            "validation_error",
            "geometry"),
        Arguments.of(
            "coordinates are strings",
            EXTRACT,
            extract("{\"type\":\"Point\",\"coordinates\":[\"6\",\"49\"]}", ""),
            422,
            "validation_error",
            "geometry"),
        Arguments.of(
            "dataset_ids a string",
            EXTRACT,
            "{\"geometry\":" + POINT + ",\"dataset_ids\":\"lux:elevation\"}",
            422,
            "validation_error",
            "dataset_ids"),
        Arguments.of(
            "dataset_ids empty",
            EXTRACT,
            "{\"geometry\":" + POINT + ",\"dataset_ids\":[]}",
            422,
            "validation_error",
            "dataset_ids"),
        Arguments.of(
            "51 datasets",
            EXTRACT,
            "{\"geometry\":"
                + POINT
                + ",\"dataset_ids\":["
                + IntStream.range(0, 51)
                    .mapToObj(i -> "\"lux:elevation\"")
                    .collect(Collectors.joining(","))
                + "]}",
            422,
            "request_limit",
            "dataset_ids"),
        Arguments.of(
            "unknown dataset",
            EXTRACT,
            "{\"geometry\":" + POINT + ",\"dataset_ids\":[\"nope:x\"]}",
            422,
            "validation_error",
            "dataset_ids"),
        Arguments.of(
            "unknown aggregation",
            EXTRACT,
            extract(POINT, ",\"aggregation\":\"avg\""),
            422,
            "validation_error",
            "aggregation"),
        Arguments.of(
            "percentile out of range",
            EXTRACT,
            extract(POINT, ",\"aggregation\":\"percentile:101\""),
            422,
            "validation_error",
            "aggregation"),
        Arguments.of(
            "aggregation a number",
            EXTRACT,
            extract(POINT, ",\"aggregation\":5"),
            422,
            "validation_error",
            "aggregation"),
        Arguments.of(
            "unknown pixel rule",
            EXTRACT,
            extract(POINT, ",\"pixel_rule\":\"middle\""),
            422,
            "validation_error",
            "pixel_rule"),
        Arguments.of(
            "NaN literal",
            EXTRACT,
            extract("{\"type\":\"Point\",\"coordinates\":[NaN,49]}", ""),
            422,
            "validation_error",
            "geometry"),
        Arguments.of(
            "overflowing number",
            EXTRACT,
            extract("{\"type\":\"Point\",\"coordinates\":[1e400,49]}", ""),
            422,
            "validation_error",
            "geometry"),
        Arguments.of(
            "a 1000-digit number",
            EXTRACT,
            extract("{\"type\":\"Point\",\"coordinates\":[" + "9".repeat(1000) + ",49]}", ""),
            422,
            "request_limit",
            "body"),
        Arguments.of(
            "latitude 91",
            EXTRACT,
            extract("{\"type\":\"Point\",\"coordinates\":[6,91]}", ""),
            422,
            "validation_error",
            "geometry"),
        Arguments.of(
            "unclosed ring",
            EXTRACT,
            extract(
                "{\"type\":\"Polygon\",\"coordinates\":[[[6,49],[6.1,49],[6.1,49.1],[6,49.1]]]}",
                ""),
            422,
            "validation_error",
            "geometry"),
        Arguments.of(
            "ring too short",
            EXTRACT,
            extract("{\"type\":\"Polygon\",\"coordinates\":[[[6,49],[6.1,49],[6,49]]]}", ""),
            422,
            "validation_error",
            "geometry"),
        Arguments.of(
            "polygon bomb: 20 001 vertices",
            EXTRACT,
            extract(ring(20_001), ""),
            422,
            "request_limit",
            "geometry"),
        Arguments.of(
            "nesting 10 000 deep",
            EXTRACT,
            "{\"extra\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
            422,
            "request_limit",
            "body"),
        Arguments.of(
            "an array 10 000 deep instead of an object",
            EXTRACT,
            "[".repeat(10_000) + "]".repeat(10_000),
            422,
            "validation_error",
            "body"),
        Arguments.of(
            "unknown crs",
            EXTRACT,
            extract(POINT, ",\"crs\":\"EPSG:999999\""),
            422,
            "validation_error",
            "crs"),
        Arguments.of(
            "malformed time range",
            EXTRACT,
            extract(POINT, ",\"time_range\":\"yesterday\""),
            422,
            "validation_error",
            "time_range"),
        Arguments.of(
            "batch without geometries",
            BATCH,
            "{\"geometries\":[],\"dataset_ids\":[\"lux:elevation\"]}",
            422,
            "validation_error",
            "geometries"),
        Arguments.of(
            "batch of 1001",
            BATCH,
            "{\"geometries\":["
                + IntStream.range(0, 1001).mapToObj(i -> POINT).collect(Collectors.joining(","))
                + "],\"dataset_ids\":[\"lux:elevation\"]}",
            422,
            "request_limit",
            "geometries"),
        Arguments.of(
            "limit zero",
            "/v1/op/catalog.providers.list",
            "{\"limit\":0}",
            422,
            "validation_error",
            "limit"),
        Arguments.of(
            "limit not a number",
            "/v1/op/catalog.datasets.list",
            "{\"limit\":\"ten\"}",
            422,
            "validation_error",
            "limit"),
        Arguments.of(
            "negative offset",
            "/v1/op/catalog.datasets.list",
            "{\"offset\":-1}",
            422,
            "validation_error",
            "offset"),
        Arguments.of(
            "provider slug missing",
            "/v1/op/catalog.providers.get",
            "{}",
            422,
            "validation_error",
            "slug"),
        Arguments.of(
            "unknown provider",
            "/v1/op/catalog.providers.get",
            "{\"slug\":\"nope\"}",
            404,
            "not_found",
            null),
        Arguments.of(
            "unknown operation", "/v1/op/drop.tables", "{}", 404, "not_found", "operation"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void answeredWithAProblemNamingTheField(
      String name, String path, String body, int status, String errorType, String firstLoc)
      throws Exception {
    HttpResponse<String> r = running.post(path, body);
    assertProblem(r, status, errorType, firstLoc);
    assertThat(running.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void invalidUtf8() throws Exception {
    byte[] body = extract(POINT, "").getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[body.length + 2];
    System.arraycopy(body, 0, broken, 0, body.length - 1);
    broken[body.length - 1] = (byte) 0xC3;
    broken[body.length] = (byte) 0x28;
    broken[body.length + 1] = '}';
    HttpResponse<String> r =
        running.send(
            HttpRequest.newBuilder(running.uri(EXTRACT))
                .POST(HttpRequest.BodyPublishers.ofByteArray(broken)));
    assertProblem(r, 422, "validation_error", "body");
  }

  /** The client promises 100 bytes, sends 12 and stops sending: its mistake, a 400, not our 500. */
  @Test
  void aBodyShorterThanItsContentLengthIs400() throws Exception {
    java.net.URI uri = running.uri(EXTRACT);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST "
              + EXTRACT
              + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100\r\n\r\n{\"geometry\":";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400").contains("body_incomplete", "100");
    }
    assertThat(running.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aFiftyMegabyteBodyIsRefusedWith413() throws Exception {
    byte[] huge = new byte[50 << 20];
    java.util.Arrays.fill(huge, (byte) ' ');
    // As curl does for large bodies: the server answers before the body is sent.
    HttpResponse<String> r =
        running.send(
            HttpRequest.newBuilder(running.uri(EXTRACT))
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
    assertProblem(r, 413, "request_limit", "body");
    assertThat(json(r).path("detail").asText()).contains("at most 16777216 bytes");
    assertThat(running.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aGetOnAPostRouteIs405WithAllow() throws Exception {
    HttpResponse<String> r = running.get("/api/v1/extract");
    assertProblem(r, 405, "method_not_allowed", null);
    assertThat(r.headers().firstValue("Allow")).contains("POST");
  }

  @Test
  void anUnknownRouteIs404() throws Exception {
    assertProblem(running.get("/api/v2/everything"), 404, "not_found", null);
  }

  @Test
  void badQueryParametersNameTheParameter() throws Exception {
    assertProblem(running.get("/api/v1/providers?limit=abc"), 422, "validation_error", "limit");
    assertProblem(running.get("/api/v1/datasets?limit=5000"), 422, "validation_error", "limit");
  }

  @Test
  void aPolygonOverThePixelBudgetIsARequestLimit() throws Exception {
    try (RunningServer small =
        RunningServer.start(b -> b.limits(new Limits(50, 1000, 10_000, 100, 2)))) {
      HttpResponse<String> r = small.post(EXTRACT, extract(ring(64), ""));
      assertProblem(r, 422, "request_limit", null);
      assertThat(json(r).path("detail").asText()).contains("100");
    }
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  static void assertProblem(HttpResponse<String> r, int status, String errorType, String firstLoc)
      throws Exception {
    AuthContract.assertProblem(r, status, errorType);
    JsonNode body = json(r);
    assertThat(body.path("detail").asText())
        .isNotBlank()
        .doesNotContain("dev.terrace")
        .doesNotContain("Exception");
    assertThat(r.body().length()).as("answers stay small").isLessThan(4096);
    if (firstLoc != null) {
      List<String> locs = new ArrayList<>();
      body.path("errors").forEach(e -> locs.add(e.path("loc").path(0).asText()));
      assertThat(locs).as(r.body()).contains(firstLoc);
    }
  }
}
