package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.io.SourceBreakers;
import dev.terrace.testkit.http.RangeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request with a deadline is answered by it: a dataset whose server stalls becomes {@code
 * missing} with a warning, and the healthy datasets beside it are answered as without it. The
 * stalled exchange is abandoned.
 */
class DeadlineTest {

  /** gdallocationinfo -wgs84 elev_lux.tif 6.13 49.61 reads 300. */
  private static final Point POINT = Point.of(6.13, 49.61);

  private static final Polygon BOX = Polygon.rectangle(6.0, 49.6, 6.1, 49.7);
  private static final Duration TIMEOUT = Duration.ofMillis(1500);

  @TempDir static Path dir;
  private static byte[] tiff;
  private RangeServer server;
  private Engine terrace;

  @BeforeAll
  static void copySample() throws Exception {
    tiff =
        DeadlineTest.class
            .getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif")
            .readAllBytes();
    Files.write(dir.resolve("elev.tif"), tiff);
    // A first request in a fresh JVM loads classes for longer than the deadline allows: not what is
    // tested here.
    try (Terrace warm = Terrace.embedded()) {
      warm.extract(ExtractRequest.of(BOX, "lux:elevation"));
    }
  }

  /**
   * A server of its own for each test: its failures must not open the breaker another test meets.
   */
  @BeforeEach
  void start() throws Exception {
    server = RangeServer.start();
    server.serve("/elev.tif", tiff);
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        """
        {"providers": [{"slug": "s", "protocol": "cog", "datasets": [
          {"name": "local", "path": "elev.tif"},
          {"name": "remote", "url": "%s"}]}]}"""
            .formatted(server.uri("/elev.tif")));
    terrace =
        Engine.open(
            Catalog.load(catalog),
            Limits.defaults().withTimeout(TIMEOUT),
            Executors.newVirtualThreadPerTaskExecutor());
    // Every request, headers included, is held until the server closes: the file cannot even be
    // opened, and
    // an answer can only come from the deadline.
    server.holdUntilReleased("/elev.tif", 0, 1000);
  }

  @AfterEach
  void stop() {
    terrace.close();
    server.close();
    // The stalls opened this server's breaker; a later test may get the same port.
    SourceBreakers.shared().reset();
  }

  @Test
  void aStalledSourceIsMissingByTheDeadlineAndTheHealthyOneIsAnswered() {
    ExtractResponse r = terrace.extract(ExtractRequest.of(BOX, "s:local", "s:remote"));
    ExtractResult local = r.results().get(0);
    assertThat(local.quality()).isEqualTo(Quality.GOOD);
    assertThat(local.number()).isPresent();
    ExtractResult remote = r.results().get(1);
    assertThat(remote.datasetId()).isEqualTo("s:remote");
    assertThat(remote.quality()).isEqualTo(Quality.MISSING);
    assertThat(remote.jsonValue()).isNull();
    assertThat(r.warnings())
        .anyMatch(
            w ->
                w.startsWith(
                        "s:remote: not read within its share (half) of the request's"
                            + " 1500 ms deadline")
                    && w.contains(server.uri("/elev.tif").toString()));
  }

  @Test
  void batchesOfPolygonsAndOfPointsKeepWhatWasReadInTime() {
    BatchExtractResponse polygons =
        terrace.batchExtract(
            BatchExtractRequest.builder()
                .geometry(BOX)
                .geometry(POINT)
                .datasets("s:local", "s:remote")
                .build());
    // Each geometry keeps the local value it read; the remote is missing, given up at the deadline,
    // or refused by
    // the breaker the first stall opened.
    assertThat(polygons.responses())
        .allSatisfy(
            entry -> {
              assertThat(entry.results())
                  .extracting(ExtractResult::quality)
                  .containsExactly(Quality.GOOD, Quality.MISSING);
              assertThat(entry.warnings())
                  .anyMatch(w -> w.contains("deadline") || w.contains("not asked again"));
            });
    BatchExtractResponse points =
        terrace.batchExtract(
            BatchExtractRequest.builder()
                .geometry(POINT)
                .geometry(Point.of(6.1, 49.7))
                .datasets("s:local", "s:remote")
                .build());
    assertThat(points.responses())
        .allSatisfy(
            entry -> {
              assertThat(entry.results().get(0).quality()).isEqualTo(Quality.GOOD);
              assertThat(entry.results().get(1).quality()).isEqualTo(Quality.MISSING);
            });
    assertThat(points.responses().get(0).results().get(0).number()).hasValue(300.0);
  }

  @Test
  void aCallersDeadlineCountsTheTimeSpentBeforeTheCall() {
    long start = System.nanoTime();
    ExtractResponse r =
        Deadline.within(
            start + Duration.ofMillis(600).toNanos(),
            () -> terrace.extract(ExtractRequest.of(POINT, "s:remote", "s:local")));
    assertThat(r.results())
        .extracting(ExtractResult::quality)
        .containsExactly(Quality.MISSING, Quality.GOOD);
    // The deadline left when the engine starts: a little under 600 ms, less on a busy machine.
    assertThat(r.warnings())
        .anyMatch(
            w ->
                w.matches(
                    "s:remote: not read within its share \\(half\\) of the request's"
                        + " (5\\d\\d|600) ms deadline.*"));
  }
}
