package dev.terrace.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.Dataset;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.io.SourceBreakers;
import dev.terrace.testkit.http.RangeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing the catalog never waits on a source: a remote dataset not opened yet is opened in the
 * background and listed meanwhile as unavailable, with why; once open it is described from what its
 * file said, even while its server is down again. A local file that cannot be opened is listed as
 * unavailable with the failure.
 */
class ListingWithoutWaitingTest {

  @TempDir Path dir;

  @Test
  void aStalledSourceIsListedAtOnceAsUnavailableThenDescribedOnceItAnswers() throws Exception {
    byte[] tiff =
        getClass().getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif").readAllBytes();
    Files.write(dir.resolve("elev.tif"), tiff);
    try (RangeServer server = RangeServer.start()) {
      server.serve("/elev.tif", tiff);
      server.holdUntilReleased("/elev.tif", 0, 1);
      Path catalog = dir.resolve("catalog.json");
      Files.writeString(
          catalog,
          """
          {"providers": [{"slug": "s", "protocol": "cog", "datasets": [
            {"name": "local", "path": "elev.tif"},
            {"name": "gone", "path": "nowhere.tif"},
            {"name": "remote", "url": "%s"}]}]}"""
              .formatted(server.uri("/elev.tif")));
      try (Terrace terrace = Terrace.embedded(catalog)) {
        // Listed while the source is held: the listing did not wait for it.
        Map<String, Dataset> first = list(terrace);
        Dataset remote = first.get("s:remote");
        assertThat(remote.available()).isFalse();
        assertThat(remote.unavailableReason()).contains("being opened");
        assertThat(remote.bbox()).isNull();
        assertThat(first.get("s:local").available()).isTrue();
        assertThat(first.get("s:local").crs()).isEqualTo("EPSG:4326");
        assertThat(first.get("s:gone").available()).isFalse();
        assertThat(first.get("s:gone").unavailableReason()).contains("nowhere.tif");

        // The background open gets through once the source answers.
        server.release("/elev.tif");
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!list(terrace).get("s:remote").available() && System.nanoTime() < until) {
          Thread.sleep(100);
        }
        Dataset described = list(terrace).get("s:remote");
        assertThat(described.available()).isTrue();
        assertThat(described.crs()).isEqualTo("EPSG:4326");
        assertThat(described.bbox()).isEqualTo(first.get("s:local").bbox());

        // Down again: still described from what the file said, at once.
        server.holdUntilReleased("/elev.tif", 0, 100);
        assertThat(list(terrace).get("s:remote").bbox()).isNotNull();
      }
    }
  }

  @AfterEach
  void forgetTheStall() {
    SourceBreakers.shared().reset();
  }

  private static Map<String, Dataset> list(Terrace terrace) {
    return terrace.datasets(ListDatasetsRequest.of(null, 100, 0)).datasets().stream()
        .collect(Collectors.toMap(Dataset::id, Function.identity()));
  }
}
