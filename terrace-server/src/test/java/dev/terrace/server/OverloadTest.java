package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many requests at once: none is lost, overload is refused quickly, slow work meets its deadline.
 */
class OverloadTest {

  /** 1000 small polygons: enough work that a request takes a while. */
  static final String SLOW_BATCH =
      IntStream.range(0, 1000)
          .mapToObj(
              i -> {
                double x = 5.8 + (i % 40) * 0.015;
                double y = 49.5 + (i / 40) * 0.025;
                return "{\"type\":\"Polygon\",\"coordinates\":[[["
                    + x
                    + ","
                    + y
                    + "],["
                    + (x + 0.1)
                    + ","
                    + y
                    + "],["
                    + (x + 0.1)
                    + ","
                    + (y + 0.1)
                    + "],["
                    + x
                    + ","
                    + (y + 0.1)
                    + "],["
                    + x
                    + ","
                    + y
                    + "]]]}";
              })
          .collect(
              Collectors.joining(
                  ",",
                  "{\"geometries\":[",
                  "],\"dataset_ids\":[\"lux:elevation\"]," + "\"aggregation\":\"median\"}"));

  static Map<Integer, Integer> fire(RunningServer running, int n, String path, String body)
      throws Exception {
    List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
    URI uri = running.uri(path);
    for (int i = 0; i < n; i++) {
      all.add(
          running.http.sendAsync(
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(120))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    Map<Integer, Integer> byStatus = new TreeMap<>();
    for (CompletableFuture<HttpResponse<String>> f : all) {
      HttpResponse<String> r = f.get(180, TimeUnit.SECONDS);
      byStatus.merge(r.statusCode(), 1, Integer::sum);
      if (r.statusCode() == 503 || r.statusCode() == 429) {
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
      }
    }
    return byStatus;
  }

  @Test
  void fiveHundredConcurrentRequestsAreAllAnswered() throws Exception {
    try (RunningServer running = RunningServer.start(b -> b.rateLimit(0, 1))) {
      Map<Integer, Integer> byStatus = fire(running, 500, "/v1/op/extract", AuthContract.POINT);
      assertThat(byStatus).as("every request answered 200").isEqualTo(Map.of(200, 500));
      assertThat(running.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aFullQueueAnswers503AndEveryRequestIsAccountedFor() throws Exception {
    try (RunningServer running =
        RunningServer.start(b -> b.rateLimit(0, 1).maxActiveRequests(1).maxQueuedRequests(2))) {
      Map<Integer, Integer> byStatus = fire(running, 40, "/v1/op/extract.batch", SLOW_BATCH);
      assertThat(byStatus.keySet()).as(byStatus.toString()).containsOnly(200, 503);
      assertThat(byStatus.get(200)).isBetween(3, 39);
      assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
      assertThat(running.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void workPastTheDeadlineIsAnsweredMissingByTheDeadline() throws Exception {
    // 1000 polygons take well over a millisecond on any machine; the deadline counts from
    // admission, and what could not be read by then is missing rather than the whole request
    // failed. Handing over 1000 missing answers is given all the time a loaded machine may need.
    try (RunningServer running =
        RunningServer.start(
            b -> b.requestTimeout(Duration.ofMillis(1)).deadlineGrace(Duration.ofSeconds(60)))) {
      HttpResponse<String> r = running.post("/v1/op/extract.batch", SLOW_BATCH);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode body = Json.MAPPER.readTree(r.body());
      assertThat(body.path("total_geometries").asInt()).isEqualTo(1000);
      JsonNode last = body.path("responses").get(999);
      assertThat(last.path("results").get(0).path("quality").asText()).isEqualTo("missing");
      assertThat(last.path("warnings").get(0).asText())
          .contains("not read within its share (half) of the request's");
      assertThat(running.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void closingFinishesRequestsInFlight() throws Exception {
    RunningServer running = RunningServer.start();
    CompletableFuture<HttpResponse<String>> inFlight =
        running.http.sendAsync(
            HttpRequest.newBuilder(running.uri("/v1/op/extract.batch"))
                .POST(HttpRequest.BodyPublishers.ofString(SLOW_BATCH))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!inFlight.isDone() && inFlightCount(running) == 0 && System.nanoTime() < waitUntil) {
      Thread.sleep(5);
    }
    // Otherwise the close below would not be draining anything, and the test would prove nothing.
    assertThat(inFlightCount(running)).as("requests in flight when the server closes").isPositive();
    running.close();
    HttpResponse<String> r = inFlight.get(60, TimeUnit.SECONDS);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(r.body()).path("total_geometries").asInt()).isEqualTo(1000);
  }

  private static int inFlightCount(RunningServer running) throws Exception {
    return Json.MAPPER.readTree(running.get("/health").body()).path("in_flight").asInt();
  }
}
