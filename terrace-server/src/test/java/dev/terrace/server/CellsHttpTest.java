package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.api.Aggregation;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.config.Limits;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code aggregation: "cells"} over HTTP: the value is an array of cell objects, the same JSON the
 * engine gives in-process, and a request whose cells would overrun the pixel budget is a 422 naming
 * {@code aggregation}.
 */
class CellsHttpTest {

  /** Not aligned with elev_lux.tif's grid, so that edge cells are partly covered under exact. */
  private static final String BODY =
      "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[6.005,49.605],"
          + "[6.195,49.605],[6.195,49.795],[6.005,49.795],[6.005,49.605]]]},\"dataset_ids\":[\"lux:elevation\"],"
          + "\"aggregation\":\"cells\",\"pixel_rule\":\"exact\"}";

  @Test
  void theCellsTravelAsTheEngineWritesThem() throws Exception {
    JsonNode http;
    try (RunningServer running = RunningServer.start()) {
      HttpResponse<String> r = running.post("/v1/op/extract", BODY);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      http = Json.MAPPER.readTree(r.body()).path("results").get(0);
    }
    JsonNode embedded;
    try (Terrace terrace = Terrace.embedded()) {
      // Through text, as a client reads it: a long row and an int row are one JSON number.
      embedded =
          Json.MAPPER.readTree(
              Json.MAPPER.writeValueAsString(
                  terrace
                      .extract(
                          ExtractRequest.builder()
                              .geometry(Polygon.rectangle(6.005, 49.605, 6.195, 49.795))
                              .datasets("lux:elevation")
                              .aggregation(Aggregation.CELLS)
                              .pixelRule(PixelRule.EXACT)
                              .build())
                      .results()
                      .get(0)));
    }
    ((ObjectNode) http).remove("elapsed_ms");
    ((ObjectNode) embedded).remove("elapsed_ms");

    assertThat(http).isEqualTo(embedded);
    JsonNode cells = http.path("value");
    assertThat(cells.size()).isEqualTo(http.path("pixel_count").asInt()).isEqualTo(24 * 24);
    List<String> names = new ArrayList<>();
    cells.get(0).fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "row", "col", "value", "coverage", "center_x", "center_y", "raster_x", "raster_y");
    assertThat(cells.get(0).path("row").isIntegralNumber()).isTrue();
    assertThat(cells.get(0).path("coverage").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void cellsBeyondThePixelBudgetAreA422NamingTheAggregation() throws Exception {
    // The box reads about 625 cells and returns 576: within a budget of 1000 only as a summary.
    try (RunningServer running =
        RunningServer.start(b -> b.limits(new Limits(50, 1000, 10_000, 1000, 2)))) {
      HttpResponse<String> summary =
          running.post("/v1/op/extract", BODY.replace("\"cells\"", "\"mean\""));
      assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);

      HttpResponse<String> r = running.post("/v1/op/extract", BODY);

      assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
      assertThat(r.headers().firstValue("content-type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      JsonNode problem = Json.MAPPER.readTree(r.body());
      assertThat(problem.toString()).contains("request_limit");
      JsonNode error = problem.findValue("errors").get(0);
      assertThat(error.path("loc")).extracting(JsonNode::asText).containsExactly("aggregation");
      assertThat(error.path("type").asText()).isEqualTo("pixel_budget_exceeded");
      assertThat(error.path("msg").asText()).contains("1000").contains("summary statistic");
    }
  }
}
