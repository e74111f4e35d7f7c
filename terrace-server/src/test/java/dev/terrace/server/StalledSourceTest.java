package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.engine.io.RangeServer;
import dev.terrace.engine.io.SourceBreakers;
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
 * A catalog that mixes a healthy dataset with one whose server stalls, under 50 concurrent requests: every
 * request is answered by its deadline (plus 250 ms), always with the healthy dataset's value; the stalled one is
 * {@code missing} with a warning, its breaker opens, and {@code /health} says the service is degraded and why.
 */
class StalledSourceTest {

  private static final Duration DEADLINE = Duration.ofSeconds(3);
  private static final String BOX = "{\"type\":\"Polygon\",\"coordinates\":[[[6.0,49.6],[6.1,49.6],[6.1,49.7],"
      + "[6.0,49.7],[6.0,49.6]]]}";

  @TempDir
  Path dir;

  @Test
  void fiftyConcurrentRequestsAreAnsweredByTheirDeadlineWithTheHealthyDataset() throws Exception {
    byte[] tiff = getClass().getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif").readAllBytes();
    Files.write(dir.resolve("elev.tif"), tiff);
    try (RangeServer source = RangeServer.start()) {
      source.serve("/elev.tif", tiff);
      source.stallFor("/elev.tif", Duration.ofSeconds(60), 0, 10_000);
      Path catalog = dir.resolve("catalog.json");
      Files.writeString(catalog, """
          {"providers": [{"slug": "s", "protocol": "cog", "datasets": [
            {"name": "local", "path": "elev.tif"},
            {"name": "remote", "url": "%s"}]}]}""".formatted(source.uri("/elev.tif")));
      try (RunningServer running = RunningServer.start(b -> b.catalog(catalog).requestTimeout(DEADLINE)
          .rateLimit(0, 1))) {
        String body = "{\"geometry\":" + BOX + ",\"dataset_ids\":[\"s:local\",\"s:remote\"]}";
        // Warm: the first request of a fresh JVM loads classes; the deadline is not about that.
        running.post("/v1/op/extract", "{\"geometry\":" + BOX + ",\"dataset_ids\":[\"s:local\"]}");

        List<CompletableFuture<Long>> answered = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          long sent = System.nanoTime();
          CompletableFuture<HttpResponse<String>> r = running.http.sendAsync(
              HttpRequest.newBuilder(running.uri("/v1/op/extract")).timeout(Duration.ofSeconds(60))
                  .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
          responses.add(r);
          answered.add(r.thenApply(x -> (System.nanoTime() - sent) / 1_000_000));
        }
        for (int i = 0; i < 50; i++) {
          HttpResponse<String> r = responses.get(i).get(60, TimeUnit.SECONDS);
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
          assertThat(answered.get(i).get()).as("ms to answer request %d", i)
              .isLessThan(DEADLINE.toMillis() + 250);
          JsonNode results = Json.MAPPER.readTree(r.body()).path("results");
          assertThat(results.get(0).path("quality").asText()).as(r.body()).isEqualTo("good");
          assertThat(results.get(0).path("value").isNumber()).isTrue();
          assertThat(results.get(1).path("quality").asText()).isEqualTo("missing");
        }

        JsonNode health = Json.MAPPER.readTree(running.get("/health").body());
        assertThat(health.path("status").asText()).isEqualTo("degraded");
        String host = source.uri("/").getAuthority();
        assertThat(health.path("failing_sources").toString()).contains(host);
        String metrics = running.get("/metrics").body();
        assertThat(metrics).contains("terrace_source_breaker_state{source=\"" + host + "\"} 2");
      } finally {
        SourceBreakers.shared().reset();
      }
    }
  }
}
