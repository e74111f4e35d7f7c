package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.terrace.server.ServerConfig;
import dev.terrace.server.TerraceServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example command run through the real launcher twice, against the engine in its own process
 * and against a service (started here on a loopback port, the same built-in catalog) with {@code
 * --url}: the same exit code and the same output, request ids and timings aside.
 */
class LocalAndRemoteTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static TerraceServer server;

  @BeforeAll
  static void startService() throws Exception {
    server =
        TerraceServer.start(
            ServerConfig.defaults().toBuilder()
                .host("127.0.0.1")
                .port(0)
                .databaseUrl("jdbc:sqlite:" + dir.resolve("terrace.db"))
                .rateLimit(0, 1)
                .build());
    for (String where : List.of("local", "remote")) {
      Examples.copyInto(Files.createDirectories(dir.resolve(where)));
    }
  }

  @AfterAll
  static void stopService() {
    if (server != null) {
      server.close();
    }
  }

  private record Both(Launcher.Result local, Launcher.Result remote) {}

  private static Both both(String example) throws Exception {
    List<String> args = Launcher.split(example);
    List<String> remote = new ArrayList<>(args);
    remote.addAll(List.of("--url", server.uri().toString()));
    return new Both(
        Launcher.run(dir.resolve("local"), args), Launcher.run(dir.resolve("remote"), remote));
  }

  private static JsonNode withoutRunDetails(String json) throws Exception {
    JsonNode tree = JSON.readTree(json);
    strip(tree);
    return tree;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove(List.of("request_id", "elapsed_ms"));
    }
    node.forEach(LocalAndRemoteTest::strip);
  }

  @Test
  void extractPrintsTheSameJsonLocallyAndRemotely() throws Exception {
    Both run = both(Examples.EXTRACT_POINT);
    assertThat(run.local().exitCode()).as(run.local().err()).isZero();
    assertThat(run.remote().exitCode()).as(run.remote().err()).isZero();
    // Piped, so compact: one line.
    assertThat(run.local().out().strip()).doesNotContain("\n");
    JsonNode local = withoutRunDetails(run.local().out());
    assertThat(local).isEqualTo(withoutRunDetails(run.remote().out()));
    JsonNode result = local.get("results").get(0);
    assertThat(result.get("dataset_id").asText()).isEqualTo("lux:elevation");
    // gdallocationinfo -wgs84 elev_lux.tif 6.13 49.61 answers 300.
    assertThat(result.get("value").asDouble()).isEqualTo(300.0);
  }

  @Test
  void extractPrintsTheSameTableLocallyAndRemotely() throws Exception {
    Both run = both(Examples.EXTRACT_TABLE);
    assertThat(run.local().exitCode()).as(run.local().err()).isZero();
    assertThat(run.local().out()).isEqualTo(run.remote().out());
    String[] lines = run.local().out().split("\\R");
    assertThat(lines[0])
        .matches("DATASET\\s+VALUE\\s+UNITS\\s+QUALITY\\s+COVERAGE\\s+PIXELS\\s+TIMESTAMP");
    assertThat(lines[1]).startsWith("lux:elevation").contains(" m ", "good");
  }

  /** The three summer months of bcsd_obs_1999_points_expected.csv's point 1, as GDAL reads them. */
  @Test
  void aTimeSeriesPrintsOneRowPerTimestamp() throws Exception {
    Both run = both(Examples.EXTRACT_SERIES);
    assertThat(run.local().exitCode()).as(run.local().err()).isZero();
    assertThat(run.local().out()).isEqualTo(run.remote().out());
    String[] lines = run.local().out().split("\\R");
    assertThat(lines).hasSize(4);
    assertThat(lines[1])
        .startsWith("bcsd:pr")
        .contains("96.16999816894531", "mm/month", "1999-06-30T00:00:00Z");
    assertThat(lines[3]).contains("114.24000549316406", "1999-08-31T00:00:00Z");
  }

  @Test
  void catalogCommandsPrintTheSameLocallyAndRemotely() throws Exception {
    Both providers = both(Examples.PROVIDERS);
    assertThat(providers.local().exitCode()).as(providers.local().err()).isZero();
    assertThat(providers.local().out())
        .isEqualTo(providers.remote().out())
        .contains("lux", "olinda");

    Both datasets = both(Examples.DATASETS);
    assertThat(datasets.local().exitCode()).as(datasets.local().err()).isZero();
    JsonNode list = withoutRunDetails(datasets.local().out());
    assertThat(list).isEqualTo(withoutRunDetails(datasets.remote().out()));
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id").asText()).isEqualTo("lux:elevation");

    Both dataset = both(Examples.DATASET);
    assertThat(dataset.local().exitCode()).as(dataset.local().err()).isZero();
    assertThat(dataset.local().out())
        .isEqualTo(dataset.remote().out())
        .contains("units", "continuous");

    Both search = both(Examples.SEARCH);
    assertThat(search.local().exitCode()).as(search.local().err()).isZero();
    assertThat(search.local().out()).isEqualTo(search.remote().out());
    List<String> rows = search.local().out().lines().toList();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).startsWith("COLLECTION").contains("DATETIME", "HREF");
    assertThat(rows.get(1))
        .startsWith("bcsd:pr")
        .contains("pr-1999-03-31", "1999-03-31T00:00:00Z", "bcsd_obs_1999.nc");
  }

  @Test
  void batchWritesTheSameFileLocallyAndRemotely() throws Exception {
    Both run = both(Examples.BATCH);
    assertThat(run.local().exitCode()).as(run.local().err()).isZero();
    assertThat(run.remote().exitCode()).as(run.remote().err()).isZero();
    String local = Files.readString(dir.resolve("local/values.csv"));
    assertThat(local).isEqualTo(Files.readString(dir.resolve("remote/values.csv")));
    List<String> lines = local.lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).isEqualTo("id,lon,lat,lux:elevation_mean,error");
    assertThat(lines.get(1)).isEqualTo("1,6.13,49.61,300.0,");
    assertThat(run.local().err()).contains("Wrote 5 rows to values.csv");

    Both resumed = both(Examples.RESUME);
    assertThat(resumed.local().exitCode()).as(resumed.local().err()).isZero();
    assertThat(resumed.local().err()).contains("Wrote 0 rows", "after the 5 already there");
    assertThat(Files.readString(dir.resolve("local/values.csv"))).isEqualTo(local);
    assertThat(Files.readString(dir.resolve("remote/values.csv"))).isEqualTo(local);
  }

  @Test
  void batchOfPolygonsFromGeoJsonIsTheSameLocallyAndRemotely() throws Exception {
    Both run = both(Examples.BATCH_GEOJSON);
    assertThat(run.local().exitCode()).as(run.local().err()).isZero();
    List<String> local = Files.readAllLines(dir.resolve("local/parcels.ndjson"));
    assertThat(local)
        .isEqualTo(Files.readAllLines(dir.resolve("remote/parcels.ndjson")))
        .hasSize(5);
    JsonNode first = JSON.readTree(local.get(0));
    assertThat(first.get("id").asText()).isEqualTo("lux-1");
    assertThat(first.get("lux:elevation_max").asDouble()).isEqualTo(427.0);
    assertThat(first.has("error")).isFalse();
  }

  @Test
  void anUnknownDatasetIsAUsageErrorBothWays() throws Exception {
    Both run = both("terrace extract --dataset lux:nope --geometry @examples/parcel.geojson");
    assertThat(run.local().exitCode()).isEqualTo(2);
    assertThat(run.remote().exitCode()).isEqualTo(2);
    assertThat(run.local().err()).contains("lux:nope", "--help");
    assertThat(run.remote().err()).contains("lux:nope", "--help");
  }

  @Test
  void anUnreachableServiceExitsThreeAndSaysWhatToCheck() throws Exception {
    Launcher.Result run =
        Launcher.run(
            dir.resolve("local"), List.of("catalog", "providers", "--url", "http://127.0.0.1:9"));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err())
        .startsWith("error: ")
        .contains("check --url", "terrace serve")
        .doesNotContain("Exception");
  }
}
