package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.engine.internal.io.SourceBreakers;
import dev.terrace.testkit.http.RangeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --timeout} on extract and batch: a catalog with a healthy local dataset and a remote one
 * whose server stalls is answered by the deadline, the local value kept and the remote dataset
 * missing with a warning, and the command succeeds.
 */
class TimeoutCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POINT = "{\"type\":\"Point\",\"coordinates\":[6.13,49.61]}";
  private static final Duration DEADLINE = Duration.ofSeconds(2);

  @TempDir Path dir;

  private RangeServer source;
  private Path catalog;

  @BeforeEach
  void stallingSource() throws Exception {
    byte[] tiff =
        getClass().getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif").readAllBytes();
    Files.write(dir.resolve("elev.tif"), tiff);
    source = RangeServer.start();
    source.serve("/elev.tif", tiff);
    // Held until the source closes: an answer can only come from the deadline.
    source.holdUntilReleased("/elev.tif", 0, 10_000);
    catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        """
        {"providers": [{"slug": "s", "protocol": "cog", "datasets": [
          {"name": "local", "path": "elev.tif", "units": "m"},
          {"name": "remote", "url": "%s", "units": "m"}]}]}"""
            .formatted(source.uri("/elev.tif")));
  }

  @AfterEach
  void closeTheBreaker() {
    source.close();
    // The stall opened the source's breaker, which is shared by the whole JVM.
    SourceBreakers.shared().reset();
  }

  @Test
  void extractAnswersByItsDeadlineWithWhatItRead() throws Exception {
    Cli.Result r =
        Cli.run(
            "extract",
            "--catalog",
            catalog.toString(),
            "-d",
            "s:local,s:remote",
            "-g",
            POINT,
            "--timeout",
            DEADLINE.toMillis() + "ms",
            "--compact");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode response = JSON.readTree(r.out());
    JsonNode results = response.path("results");
    assertThat(results.get(0).path("value").asDouble()).isEqualTo(300.0);
    assertThat(results.get(1).path("dataset_id").asText()).isEqualTo("s:remote");
    assertThat(results.get(1).path("quality").asText()).isEqualTo("missing");
    assertThat(results.get(1).path("value").isNull()).isTrue();
    assertThat(response.path("warnings").toString()).contains("s:remote", "deadline");
  }

  @Test
  void batchAnswersEachChunkByItsDeadline() throws Exception {
    Path in = dir.resolve("points.csv");
    Files.writeString(in, "id,lon,lat\n1,6.13,49.61\n2,6.2,49.9\n3,5.9,49.9\n");
    Path out = dir.resolve("values.csv");
    Cli.Result r =
        Cli.run(
            "batch",
            "--catalog",
            catalog.toString(),
            "-d",
            "s:local,s:remote",
            "--in",
            in.toString(),
            "--out",
            out.toString(),
            "--timeout",
            "PT2S");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out))
        .isEqualTo(
            List.of(
                "id,lon,lat,s:local_mean,s:remote_mean,error",
                "1,6.13,49.61,300.0,,",
                "2,6.2,49.9,294.0,,",
                "3,5.9,49.9,411.0,,"));
    // Once, not once per row.
    assertThat(r.err().lines().filter(l -> l.startsWith("warning: s:remote")).count())
        .as(r.err())
        .isEqualTo(1);
    assertThat(r.err()).contains("deadline", "Wrote 3 rows");
  }

  @Test
  void aTimeoutThatIsNotADurationOrNotPositiveIsAUsageError() {
    Cli.Result zero = Cli.run("extract", "-d", "lux:elevation", "-g", POINT, "--timeout", "0s");
    assertThat(zero.exitCode()).isEqualTo(Main.USAGE);
    assertThat(zero.err()).contains("--timeout must be more than 0");
    Cli.Result words =
        Cli.run(
            "batch", "-d", "lux:elevation", "--in", "x.csv", "--out", "y.csv", "--timeout", "soon");
    assertThat(words.exitCode()).isEqualTo(Main.USAGE);
    assertThat(words.err()).contains("soon");
  }
}
