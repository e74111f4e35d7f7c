package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.engine.internal.io.SourceBreakers;
import dev.terrace.testkit.http.RangeServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog that mixes a healthy dataset with four whose servers misbehave — one stalls, one
 * answers 500, one cuts bodies short, one sends a few bytes and then drips nothing — under 50
 * concurrent requests: every request is answered by its deadline (plus 250 ms), always with the
 * healthy dataset's value, the others {@code missing} with a warning; their breakers open and
 * {@code /health} says the service is degraded and why. Once the servers behave again, the breakers
 * let a probe through after their cool-down, close, and {@code /health} is healthy.
 */
class StalledSourceTest {

  private static final Duration DEADLINE = Duration.ofSeconds(3);
  private static final String BOX =
      "{\"type\":\"Polygon\",\"coordinates\":[[[6.0,49.6],[6.1,49.6],[6.1,49.7],"
          + "[6.0,49.7],[6.0,49.6]]]}";
  private static final List<String> FAULTS = List.of("stall", "error", "truncate", "drip");

  @TempDir Path dir;

  @Test
  void fiftyConcurrentRequestsAreAnsweredByTheirDeadlineWithTheHealthyDataset() throws Exception {
    byte[] tiff =
        getClass().getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif").readAllBytes();
    Files.write(dir.resolve("elev.tif"), tiff);
    List<RangeServer> sources = new ArrayList<>();
    try {
      StringBuilder datasets = new StringBuilder("{\"name\": \"local\", \"path\": \"elev.tif\"}");
      for (String fault : FAULTS) {
        RangeServer source = RangeServer.start();
        sources.add(source);
        source.serve("/elev.tif", tiff);
        datasets
            .append(", {\"name\": \"")
            .append(fault)
            .append("\", \"url\": \"")
            .append(source.uri("/elev.tif"))
            .append("\"}");
      }
      misbehave(sources);
      Path catalog = dir.resolve("catalog.json");
      Files.writeString(
          catalog,
          "{\"providers\": [{\"slug\": \"s\", \"protocol\": \"cog\", \"datasets\": ["
              + datasets
              + "]}]}");
      try (RunningServer running =
          RunningServer.start(b -> b.catalog(catalog).requestTimeout(DEADLINE).rateLimit(0, 1))) {
        String body =
            "{\"geometry\":"
                + BOX
                + ",\"dataset_ids\":[\"s:local\",\"s:stall\",\"s:error\","
                + "\"s:truncate\",\"s:drip\"]}";
        // Warm: the first request of a fresh JVM loads classes; the deadline is not about that.
        running.post("/v1/op/extract", "{\"geometry\":" + BOX + ",\"dataset_ids\":[\"s:local\"]}");

        // The stalled sources hold their answers until the test heals them: every answer of the
        // burst comes from
        // the deadline.
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          CompletableFuture<HttpResponse<String>> r =
              running.http.sendAsync(
                  HttpRequest.newBuilder(running.uri("/v1/op/extract"))
                      .timeout(Duration.ofSeconds(60))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          responses.add(r);
        }
        for (int i = 0; i < 50; i++) {
          HttpResponse<String> r = responses.get(i).get(60, TimeUnit.SECONDS);
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
          JsonNode results = Json.MAPPER.readTree(r.body()).path("results");
          assertThat(results.get(0).path("quality").asText()).as(r.body()).isEqualTo("good");
          assertThat(results.get(0).path("value").isNumber()).isTrue();
          for (int d = 1; d <= FAULTS.size(); d++) {
            assertThat(results.get(d).path("quality").asText()).as(r.body()).isEqualTo("missing");
          }
        }

        // The stalls open their breakers at once; errors and cut bodies after five in a row, which
        // the opens the
        // burst's requests waited for in turn may not have reached yet: later requests add theirs.
        JsonNode health = Json.MAPPER.readTree(running.get("/health").body());
        assertThat(health.path("status").asText()).isEqualTo("degraded");
        long opening = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!allFailing(health, sources) && System.nanoTime() < opening) {
          running.post("/v1/op/extract", body);
          health = Json.MAPPER.readTree(running.get("/health").body());
        }
        String metrics = running.get("/metrics").body();
        for (RangeServer source : sources) {
          String host = source.uri("/").getAuthority();
          assertThat(health.path("failing_sources").toString())
              .as(health.toString())
              .contains(host);
          assertThat(metrics)
              .containsPattern("terrace_source_breaker_state\\{source=\"" + host + "\"} [12]");
        }

        // The servers behave again: after the cool-down a probe gets through, and the breakers
        // close.
        sources.forEach(
            source -> {
              source.clearFaults("/elev.tif");
              source.release("/elev.tif");
            });
        long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        JsonNode last;
        do {
          Thread.sleep(500);
          last = Json.MAPPER.readTree(running.post("/v1/op/extract", body).body()).path("results");
          health = Json.MAPPER.readTree(running.get("/health").body());
        } while (!health.path("status").asText().equals("ok") && System.nanoTime() < until);
        assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("ok");
        JsonNode healed =
            Json.MAPPER.readTree(running.post("/v1/op/extract", body).body()).path("results");
        for (int d = 0; d <= FAULTS.size(); d++) {
          assertThat(healed.get(d).path("quality").asText())
              .as(healed.toString())
              .isEqualTo("good");
        }
        assertThat(last).isNotNull();
      }
    } finally {
      sources.forEach(RangeServer::close);
      SourceBreakers.shared().reset();
    }
  }

  private static boolean allFailing(JsonNode health, List<RangeServer> sources) {
    String failing = health.path("failing_sources").toString();
    return sources.stream()
        .allMatch(source -> failing.contains("\"" + source.uri("/").getAuthority() + "\""));
  }

  /** Each server's fault, for every request to come. */
  private static void misbehave(List<RangeServer> sources) {
    sources.get(0).holdUntilReleased("/elev.tif", 0, 10_000);
    sources.get(1).failWith("/elev.tif", 500, 10_000);
    sources.get(2).truncateBody("/elev.tif", 100, 10_000);
    sources.get(3).holdUntilReleased("/elev.tif", 2000, 10_000);
  }
}
