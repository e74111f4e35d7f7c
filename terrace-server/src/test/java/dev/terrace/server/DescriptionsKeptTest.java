package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.engine.internal.io.SourceBreakers;
import dev.terrace.testkit.http.RangeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the catalog learns about a remote dataset is kept in the service's database: after a restart
 * the dataset is listed described at once, even while its server stalls.
 */
class DescriptionsKeptTest {

  @TempDir Path dir;

  @Test
  void aRestartedServiceListsARemoteDatasetAsItWasLastRead() throws Exception {
    byte[] tiff =
        getClass().getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif").readAllBytes();
    String db = "jdbc:sqlite:" + dir.resolve("kept.db");
    try (RangeServer source = RangeServer.start()) {
      source.serve("/elev.tif", tiff);
      Path catalog = dir.resolve("catalog.json");
      Files.writeString(
          catalog,
          """
          {"providers": [{"slug": "s", "protocol": "cog", "datasets": [{"name": "remote", "url": "%s"}]}]}"""
              .formatted(source.uri("/elev.tif")));

      JsonNode first;
      try (RunningServer running = RunningServer.start(b -> b.catalog(catalog).databaseUrl(db))) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
          first = remote(running);
        } while (!first.path("available").asBoolean() && System.nanoTime() < until && pause());
        assertThat(first.path("bbox").isArray()).as(first.toString()).isTrue();
      }

      // Held until the source closes: the restarted service answers from what it kept, without
      // waiting.
      source.holdUntilReleased("/elev.tif", 0, 1000);
      try (RunningServer restarted = RunningServer.start(b -> b.catalog(catalog).databaseUrl(db))) {
        JsonNode again = remote(restarted);
        assertThat(again).isEqualTo(first);
      }
    } finally {
      SourceBreakers.shared().reset();
    }
  }

  private static JsonNode remote(RunningServer running) throws Exception {
    return Json.MAPPER.readTree(running.get("/api/v1/datasets/s:remote").body());
  }

  private static boolean pause() throws InterruptedException {
    Thread.sleep(100);
    return true;
  }
}
