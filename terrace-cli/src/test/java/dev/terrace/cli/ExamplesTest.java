package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command lines that read the shipped {@code examples/}, run in this JVM as a newcomer
 * would run them at the repository's root, with the values they give. Here the JVM runs in {@code
 * terrace-cli}, so the files a command line reads are resolved against the repository's root and
 * those it writes against a temporary folder; nothing else changes.
 */
class ExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> READS = Set.of("--in", "--catalog");

  @TempDir Path dir;

  private Cli.Result run(String example) {
    List<String> words = Launcher.split(example);
    List<String> args = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String option = i > 0 ? words.get(i - 1) : "";
      args.add(
          READS.contains(option)
              ? Launcher.ROOT.resolve(w).toString()
              : w.startsWith("@")
                  ? "@" + Launcher.ROOT.resolve(w.substring(1))
                  : option.equals("--out") ? dir.resolve(w).toString() : w);
    }
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as("%s: %s", example, r.err()).isZero();
    return r;
  }

  @Test
  void aPointInLuxembourg() throws Exception {
    JsonNode result = JSON.readTree(run(Examples.EXTRACT_POINT).out()).path("results").get(0);
    // gdallocationinfo -wgs84 elev_lux.tif 6.13 49.61 answers 300.
    assertThat(result.path("value").asDouble()).isEqualTo(300.0);
    assertThat(result.path("quality").asText()).isEqualTo("good");
  }

  @Test
  void theParcelsHighestCell() {
    String[] lines = run(Examples.EXTRACT_TABLE).out().split("\\R");
    assertThat(lines[1]).matches("lux:elevation\\s+427\\.0\\s+m\\s+good\\s+1\\.0\\s+324\\s+-\\s*");
  }

  /**
   * The example catalog reads its copy of the sample, so it answers as {@code lux:elevation} does.
   */
  @Test
  void theExampleCatalog() throws Exception {
    JsonNode own = JSON.readTree(run(Examples.EXTRACT_CATALOG).out()).path("results").get(0);
    assertThat(own.path("dataset_id").asText()).isEqualTo("my_dem:elevation");
    assertThat(own.path("units").asText()).isEqualTo("m");
    JsonNode sample =
        JSON.readTree(
                run(Examples.EXTRACT_CATALOG
                        .replace("--catalog examples/catalog.yaml ", "")
                        .replace("my_dem:", "lux:"))
                    .out())
            .path("results")
            .get(0);
    assertThat(own.path("value").asDouble())
        .isEqualTo(sample.path("value").asDouble())
        .isBetween(300.0, 427.0);
  }

  @Test
  void pointsFromCsvThenResumed() throws Exception {
    Cli.Result batch = run(Examples.BATCH);
    assertThat(batch.err()).contains("Wrote 5 rows to");
    List<String> expected =
        List.of(
            "id,lon,lat,lux:elevation_mean,error",
            "1,6.13,49.61,300.0,",
            "2,6.2,49.9,294.0,",
            "3,5.9,49.9,411.0,",
            "4,6.01,49.71,333.0,",
            "5,6.35,49.55,205.0,");
    assertThat(Files.readAllLines(dir.resolve("values.csv"))).isEqualTo(expected);

    assertThat(run(Examples.RESUME).err()).contains("Wrote 0 rows", "after the 5 already there");
    assertThat(Files.readAllLines(dir.resolve("values.csv"))).isEqualTo(expected);
  }

  @Test
  void parcelsFromGeoJson() throws Exception {
    run(Examples.BATCH_GEOJSON);
    List<String> lines = Files.readAllLines(dir.resolve("parcels.ndjson"));
    assertThat(lines).hasSize(5);
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (String line : lines) {
      JsonNode row = JSON.readTree(line);
      byId.put(row.path("id").asText(), row.path("lux:elevation_max"));
    }
    assertThat(byId.keySet()).containsExactly("lux-1", "lux-2", "lux-3", "pr-1", "pr-2");
    assertThat(byId.get("lux-1").asDouble()).isEqualTo(427.0);
    assertThat(byId.get("lux-2").asDouble()).isEqualTo(527.0);
    assertThat(byId.get("lux-3").asDouble()).isEqualTo(290.0);
    // Outside Luxembourg's raster: no value, and no error either.
    assertThat(byId.get("pr-1").isNull()).isTrue();
    assertThat(byId.get("pr-2").isNull()).isTrue();
  }

  @Test
  void landCoverOfTheParcels() throws Exception {
    run(Examples.BATCH_LAND_COVER);
    assertThat(Files.readAllLines(dir.resolve("landcover.csv")))
        .containsExactly(
            "id,name,pr_landcover:land_cover_majority,error",
            "lux-1,Luxembourg City,,",
            "lux-2,Oesling,,",
            "lux-3,Moselle,,",
            "pr-1,San Juan,23.0,",
            "pr-2,Cordillera Central,42.0,");
  }

  @Test
  void theServiceSettingsFile() {
    ServeCommand serve =
        Cli.parseServe(
            Map.of("TERRACE_PORT", "9000"),
            "--config",
            Examples.shipped().resolve("terrace.yaml").toString());
    assertThat(serve.port).isEqualTo(9000);
    assertThat(serve.auth).isTrue();
    assertThat(serve.db.url).isEqualTo("jdbc:sqlite:terrace.db");
  }
}
