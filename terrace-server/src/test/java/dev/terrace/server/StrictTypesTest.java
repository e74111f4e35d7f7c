package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value of the wrong JSON type is a 422 naming the member, on both route styles, never an answer
 * read from a converted value: one case per kind of conversion Jackson makes by default.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictTypesTest {

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

  private static String extract(String geometry, String rest) {
    return HostileInputTest.extract(geometry, rest);
  }

  static Stream<Arguments> extractBodies() {
    return Stream.of(
        // name, body, the loc the refusal names
        Arguments.of(
            "null longitude",
            extract("{\"type\":\"Point\",\"coordinates\":[null,49.7]}", ""),
            List.of("geometry", "coordinates", 0)),
        Arguments.of(
            "null latitude",
            extract("{\"type\":\"Point\",\"coordinates\":[6.1,null]}", ""),
            List.of("geometry", "coordinates", 1)),
        Arguments.of(
            "null position in a line",
            extract("{\"type\":\"LineString\",\"coordinates\":[[6.1,49.6],null]}", ""),
            List.of("geometry", "coordinates", 1)),
        Arguments.of(
            "null inside a line's position",
            extract("{\"type\":\"LineString\",\"coordinates\":[[6.1,49.6],[6.2,null]]}", ""),
            List.of("geometry", "coordinates", 1, 1)),
        Arguments.of("densify blank", extract(POINT, ",\"densify\":\" \""), List.of("densify")),
        Arguments.of("densify empty", extract(POINT, ",\"densify\":\"\""), List.of("densify")),
        Arguments.of(
            "densify a string", extract(POINT, ",\"densify\":\"true\""), List.of("densify")),
        Arguments.of("densify a number", extract(POINT, ",\"densify\":1"), List.of("densify")),
        Arguments.of(
            "time_range of numbers",
            extract(POINT, ",\"time_range\":[1999,2000]"),
            List.of("time_range", 0)),
        Arguments.of(
            "time_range of booleans",
            extract(POINT, ",\"time_range\":[\"2000\",true]"),
            List.of("time_range", 1)),
        Arguments.of(
            "dataset id null",
            "{\"geometry\":" + POINT + ",\"dataset_ids\":[\"lux:elevation\",null]}",
            List.of("dataset_ids", 1)),
        Arguments.of(
            "dataset id a number",
            "{\"geometry\":" + POINT + ",\"dataset_ids\":[5]}",
            List.of("dataset_ids", 0)),
        Arguments.of("crs a number", extract(POINT, ",\"crs\":4326"), List.of("crs")),
        Arguments.of(
            "pixel_rule an index", extract(POINT, ",\"pixel_rule\":0"), List.of("pixel_rule")),
        Arguments.of(
            "interpolation blank",
            extract(POINT, ",\"interpolation\":\" \""),
            List.of("interpolation")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("extractBodies")
  void extractRefusesConvertedValuesOnBothRoutes(String name, String body, List<Object> loc)
      throws Exception {
    for (String path : List.of("/v1/op/extract", "/api/v1/extract")) {
      assertRefused(running.post(path, body), loc);
    }
  }

  static Stream<Arguments> listBodies() {
    return Stream.of(
        Arguments.of("limit a fraction", "{\"limit\":1.5}", List.of("limit")),
        Arguments.of("limit a whole float", "{\"limit\":2.0}", List.of("limit")),
        Arguments.of("limit blank", "{\"limit\":\" \"}", List.of("limit")),
        Arguments.of("limit empty", "{\"limit\":\"\"}", List.of("limit")),
        Arguments.of("limit a NUL", "{\"limit\":\"\\u0000\"}", List.of("limit")),
        Arguments.of("limit a numeric string", "{\"limit\":\"10\"}", List.of("limit")),
        Arguments.of("limit a boolean", "{\"limit\":true}", List.of("limit")),
        Arguments.of("limit beyond an int", "{\"limit\":99999999999}", List.of("limit")),
        Arguments.of("offset a fraction", "{\"offset\":0.5}", List.of("offset")),
        Arguments.of("provider a number", "{\"provider\":7}", List.of("provider")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listBodies")
  void listingRefusesConvertedValues(String name, String body, List<Object> loc) throws Exception {
    assertRefused(running.post("/v1/op/catalog.datasets.list", body), loc);
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "limit=1.5",
        "limit=%20",
        "limit=%00",
        "limit=",
        "limit=1e2",
        "offset=0.5",
        "limit=99999999999"
      })
  void queryParametersAreHeldToTheBodysTypes(String query) throws Exception {
    for (String path : List.of("/api/v1/datasets?", "/api/v1/providers?")) {
      assertRefused(running.get(path + query), List.of(query.substring(0, query.indexOf('='))));
    }
  }

  @Test
  void validValuesReadAsBefore() throws Exception {
    assertThat(
            running
                .post("/v1/op/extract", extract(POINT, ",\"densify\":true,\"crs\":\"EPSG:4326\""))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            running
                .post(
                    "/api/v1/extract",
                    extract("{\"type\":\"Point\",\"coordinates\":[6,49.61]}", ",\"densify\":false"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            running.post("/v1/op/catalog.datasets.list", "{\"limit\":1,\"offset\":0}").statusCode())
        .isEqualTo(200);
    // null is "not given", as an absent member: the default page, and densify false.
    assertThat(running.post("/v1/op/catalog.datasets.list", "{\"limit\":null}").statusCode())
        .isEqualTo(200);
    assertThat(running.post("/v1/op/extract", extract(POINT, ",\"densify\":null")).statusCode())
        .isEqualTo(200);
    HttpResponse<String> page = running.get("/api/v1/datasets?limit=1&offset=0");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(page.body()).path("count").asInt()).isEqualTo(1);
    // A slug made of digits is still a slug: text where the request has text.
    assertThat(running.get("/api/v1/datasets?provider=123").statusCode()).isIn(200, 404);
  }

  private static void assertRefused(HttpResponse<String> r, List<Object> loc) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    JsonNode errors = Json.MAPPER.readTree(r.body()).path("errors");
    assertThat(errors.size()).as(r.body()).isEqualTo(1);
    assertThat(Json.MAPPER.convertValue(errors.get(0).path("loc"), List.class))
        .as(r.body())
        .isEqualTo(loc);
    assertThat(errors.get(0).path("type").asText()).as(r.body()).isIn("type_error", "value_error");
  }
}
