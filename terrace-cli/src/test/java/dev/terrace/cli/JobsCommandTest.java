package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.server.JobSettings;
import dev.terrace.server.ServerConfig;
import dev.terrace.server.TerraceServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code terrace jobs} against a real service on a loopback port (SQLite, its own jobs folder), run
 * in this JVM: the rows a job writes are the service's own, byte for byte, in each format.
 */
class JobsCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** examples/points.csv, as GDAL reads lux:elevation at each point (as batch writes it). */
  private static final List<String> POINTS_CSV =
      List.of(
          "id,lon,lat,row,dataset_id,timestamp,value,quality,coverage_fraction,pixel_count,error",
          "1,6.13,49.61,0,lux:elevation,,300.0,good,1.0,1,",
          "2,6.2,49.9,1,lux:elevation,,294.0,good,1.0,1,",
          "3,5.9,49.9,2,lux:elevation,,411.0,good,1.0,1,",
          "4,6.01,49.71,3,lux:elevation,,333.0,good,1.0,1,",
          "5,6.35,49.55,4,lux:elevation,,205.0,good,1.0,1,");

  @TempDir static Path dir;

  private static TerraceServer server;
  private static String url;
  private static String points;

  @BeforeAll
  static void startService() {
    // Five rows a chunk, so that a job of many rows is still running when the test cancels it.
    server =
        TerraceServer.start(
            ServerConfig.defaults().toBuilder()
                .host("127.0.0.1")
                .port(0)
                .databaseUrl("jdbc:sqlite:" + dir.resolve("terrace.db"))
                .rateLimit(0, 1)
                .jobs(new JobSettings(dir.resolve("jobs"), 2, 5))
                .build());
    url = server.uri().toString();
    points = Examples.shipped().resolve("points.csv").toString();
  }

  @AfterAll
  static void stopService() {
    if (server != null) {
      server.close();
    }
  }

  private static Cli.Result jobs(String... args) {
    List<String> all = new ArrayList<>(List.of("jobs"));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  /** Submits examples/points.csv and waits for it to end. */
  private static String submitted() {
    Cli.Result r = jobs("submit", "--url", url, "-d", "lux:elevation", "--in", points, "--wait");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.out().strip();
  }

  /** What the service itself answers {@code GET /api/v1/jobs/{id}/results?format=}. */
  private static String served(String id, String format) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(url + "/api/v1/jobs/" + id + "/results?format=" + format))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    }
  }

  @Test
  void submitWaitsAndWritesTheRowsTheServiceHas() throws Exception {
    Path out = dir.resolve("values.csv");
    Cli.Result r =
        jobs(
            "submit",
            "--url",
            url,
            "--dataset",
            "lux:elevation",
            "--in",
            points,
            "--wait",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String id = r.out().strip();
    assertThat(id).matches("job_[0-9a-z]{26}");
    assertThat(Files.readAllLines(out)).isEqualTo(POINTS_CSV);
    assertThat(Files.readString(out)).isEqualTo(served(id, "csv"));
    assertThat(r.err()).contains("Job " + id + " succeeded: 5 rows", "wrote 5 rows to " + out);
    // Not a terminal: no progress bar.
    assertThat(r.err()).doesNotContain("[#");
  }

  @Test
  void submitWithoutWaitPrintsTheIdOrTheJob() throws Exception {
    Cli.Result r = jobs("submit", "--url", url, "-d", "lux:elevation", "--in", points);
    assertThat(r.exitCode()).as(r.err()).isZero();
    String id = r.out().strip();
    assertThat(id).matches("job_[0-9a-z]{26}");
    assertThat(r.err()).contains("'terrace jobs status --url " + url + " " + id + "'");

    Cli.Result json =
        jobs("submit", "--url", url, "-d", "lux:elevation", "--in", points, "--json", "--compact");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode job = JSON.readTree(json.out());
    assertThat(job.path("id").asText()).startsWith("job_");
    assertThat(job.path("status").asText()).isIn("queued", "running", "succeeded");
  }

  @Test
  void statusPrintsTheJobAsATableOrJson() throws Exception {
    String id = submitted();
    Cli.Result table = jobs("status", "--url", url, id);
    assertThat(table.exitCode()).as(table.err()).isZero();
    List<String> lines = table.out().lines().toList();
    assertThat(lines.get(0)).matches("FIELD\\s+VALUE");
    assertThat(lines.get(1)).matches("id\\s+" + id);
    assertThat(lines.get(2)).matches("status\\s+succeeded");
    assertThat(lines.get(3)).matches("processed\\s+5 of 5 rows \\(100%\\)");
    assertThat(lines.get(4)).matches("extracted\\s+5 rows read");
    assertThat(lines.get(5)).matches("failed_rows\\s+0");
    assertThat(lines.get(7)).matches("eta\\s+-");
    assertThat(lines.get(11)).matches("error\\s+-");

    Cli.Result json = jobs("status", "--url", url, id, "--format", "json", "--compact");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode job = JSON.readTree(json.out());
    assertThat(job.path("status").asText()).isEqualTo("succeeded");
    assertThat(job.path("total").asLong()).isEqualTo(5);
    assertThat(job.path("processed").asLong()).isEqualTo(5);
    assertThat(job.path("extracted").asLong()).isEqualTo(5);
    assertThat(job.path("failed_rows").asLong()).isZero();
    assertThat(json.out().strip()).doesNotContain("\n");
  }

  @Test
  void listShowsTheJobsNewestFirstByStatus() throws Exception {
    String older = submitted();
    String newer = submitted();
    Cli.Result r = jobs("list", "--url", url, "--status", "succeeded", "--limit", "1000");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).matches("ID\\s+STATUS\\s+PROCESSED\\s+FAILED\\s+CREATED");
    List<String> ids = lines.stream().skip(1).map(l -> l.split("\\s+")[0]).toList();
    assertThat(ids).containsSubsequence(newer, older);
    assertThat(lines.stream().filter(l -> l.startsWith(newer)).findFirst().orElseThrow())
        .matches(newer + "\\s+succeeded\\s+5/5\\s+0\\s+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    Cli.Result one = jobs("list", "--url", url, "--limit", "1", "--format", "json");
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(JSON.readTree(one.out())).hasSize(1);
    assertThat(one.err()).contains("--limit N shows more");

    Cli.Result failed = jobs("list", "--url", url, "--status", "failed");
    assertThat(failed.out()).doesNotContain(newer);

    Cli.Result bad = jobs("list", "--url", url, "--status", "done");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("queued, running, succeeded, failed, cancelled");
  }

  @Test
  void cancelStopsARunningJobAndRefusesAnEndedOne() throws Exception {
    String ended = submitted();
    Cli.Result again = jobs("cancel", "--url", url, ended);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .isEqualTo(
            "error: job "
                + ended
                + " has already succeeded (5 rows done): there is nothing to cancel"
                + System.lineSeparator());

    // 20 000 rows in chunks of five: thousands of commits, far from done when cancelled.
    StringBuilder csv = new StringBuilder("id,lon,lat\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append(i).append(",6.13,49.61\n");
    }
    Path many = Files.writeString(dir.resolve("many.csv"), csv);
    Cli.Result submit =
        jobs("submit", "--url", url, "-d", "lux:elevation", "--in", many.toString());
    String id = submit.out().strip();
    Cli.Result cancel = jobs("cancel", "--url", url, id);
    assertThat(cancel.exitCode()).as(cancel.err()).isZero();
    assertThat(cancel.out()).startsWith("Cancelled job " + id + " after ");
    Cli.Result status = jobs("status", "--url", url, id, "--format", "json");
    assertThat(JSON.readTree(status.out()).path("status").asText()).isEqualTo("cancelled");

    Cli.Result results = jobs("results", "--url", url, id, "--format", "csv");
    assertThat(results.exitCode()).as(results.err()).isZero();
    assertThat(results.err()).contains("The job was cancelled");
    assertThat(results.out().lines().skip(1)).allMatch(l -> l.contains(",lux:elevation,,300.0,"));
  }

  @Test
  void resultsAreTheServicesInEachFormatAndResumeFromAnOffset() throws Exception {
    String id = submitted();
    Path ndjson = dir.resolve(id + ".ndjson");
    Cli.Result r = jobs("results", "--url", url, id, "--out", ndjson.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .isEqualTo("Wrote 5 rows of job " + id + " to " + ndjson + "." + System.lineSeparator());
    String servedNdjson = served(id, "ndjson");
    assertThat(Files.readString(ndjson)).isEqualTo(servedNdjson);
    JsonNode third = JSON.readTree(Files.readAllLines(ndjson).get(2));
    assertThat(third.path("row").asLong()).isEqualTo(2);
    assertThat(third.at("/properties/id").asText()).isEqualTo("3");
    assertThat(third.at("/results/0/value").asDouble()).isEqualTo(411.0);

    Path geojson = dir.resolve(id + ".geojson");
    assertThat(jobs("results", "--url", url, id, "--out", geojson.toString()).exitCode()).isZero();
    assertThat(Files.readString(geojson)).isEqualTo(served(id, "geojson"));
    JsonNode features = JSON.readTree(geojson.toFile()).path("features");
    assertThat(features).hasSize(5);
    assertThat(features.get(0).at("/properties/results/0/value").asDouble()).isEqualTo(300.0);

    Cli.Result stdout = jobs("results", "--url", url, id, "--format", "csv", "--out", "-");
    assertThat(stdout.out()).isEqualTo(served(id, "csv"));
    assertThat(stdout.out().lines().toList()).isEqualTo(POINTS_CSV);

    // An interrupted download: the first three rows are there, --offset 3 adds the rest.
    Path partial = dir.resolve(id + "-partial.ndjson");
    Files.write(partial, servedNdjson.lines().limit(3).toList());
    Cli.Result rest =
        jobs("results", "--url", url, id, "--out", partial.toString(), "--offset", "3");
    assertThat(rest.exitCode()).as(rest.err()).isZero();
    assertThat(rest.err()).contains("Wrote 2 rows of job " + id, "from row 3");
    assertThat(Files.readString(partial)).isEqualTo(servedNdjson);

    Path csvFrom3 = dir.resolve(id + "-from3.csv");
    assertThat(
            jobs("results", "--url", url, id, "--out", csvFrom3.toString(), "--offset", "3")
                .exitCode())
        .isZero();
    assertThat(Files.readAllLines(csvFrom3))
        .containsExactly(POINTS_CSV.get(0), POINTS_CSV.get(4), POINTS_CSV.get(5));

    Cli.Result exists = jobs("results", "--url", url, id, "--out", ndjson.toString());
    assertThat(exists.exitCode()).isEqualTo(2);
    assertThat(exists.err()).contains(ndjson + " exists", "--overwrite", "--offset N");
  }

  @Test
  void aFailedJobExitsOneWithItsError() throws Exception {
    Path truncated =
        Files.writeString(
            dir.resolve("truncated.geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":[\n"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[5.9,49.9]},\"properties\":{}},\n"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[5.9,49.9]},\"properties\":{}},\n"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordin");
    Cli.Result r =
        jobs(
            "submit",
            "--url",
            url,
            "-d",
            "lux:elevation",
            "--in",
            truncated.toString(),
            "--wait",
            "--out",
            dir.resolve("never.csv").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    String id = r.out().strip();
    assertThat(r.err()).startsWith("error: job " + id + " failed: ").contains("line 4");
    assertThat(dir.resolve("never.csv")).doesNotExist();

    Cli.Result results = jobs("results", "--url", url, id);
    assertThat(results.exitCode()).isEqualTo(1);
    assertThat(results.err()).contains("failed, so it has no rows to read", "line 4");
  }

  @Test
  void rowsThatFailAreWrittenWithTheirErrorAndExitOne() throws Exception {
    Path input =
        Files.writeString(dir.resolve("one-bad.csv"), "id,lon,lat\na,5.9,49.9\nb,east,49.6\n");
    Path out = dir.resolve("one-bad-values.csv");
    Cli.Result r =
        jobs(
            "submit",
            "--url",
            url,
            "-d",
            "lux:elevation",
            "--in",
            input.toString(),
            "--wait",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("1 failed: their error column says why");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).isEqualTo("a,5.9,49.9,0,lux:elevation,,411.0,good,1.0,1,");
    assertThat(lines.get(2)).startsWith("b,east,49.6,1,,,,,,,line 3");
  }

  /** A GeoPackage's layer and batch's options reach the service: the rows batch writes here. */
  @Test
  void aGeoPackageLayerGivesTheValuesBatchGives() throws Exception {
    Path gpkg = Path.of(JobsCommandTest.class.getResource("/gpkg/two-layers.gpkg").toURI());
    Path job = dir.resolve("layer-job.ndjson");
    Cli.Result r =
        jobs(
            "submit",
            "--url",
            url,
            "-d",
            "lux:elevation",
            "--aggregation",
            "max",
            "--in",
            gpkg.toString(),
            "--layer",
            "parcels",
            "--wait",
            "--out",
            job.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path batch = dir.resolve("layer-batch.ndjson");
    Cli.Result b =
        Cli.run(
            "batch",
            "-d",
            "lux:elevation",
            "--aggregation",
            "max",
            "--in",
            gpkg.toString(),
            "--layer",
            "parcels",
            "--out",
            batch.toString());
    assertThat(b.exitCode()).as(b.err()).isZero();
    List<String> jobRows = Files.readAllLines(job);
    List<String> batchRows = Files.readAllLines(batch);
    assertThat(jobRows).hasSize(5).hasSameSizeAs(batchRows);
    for (int i = 0; i < jobRows.size(); i++) {
      JsonNode fromJob = JSON.readTree(jobRows.get(i));
      JsonNode fromBatch = JSON.readTree(batchRows.get(i));
      assertThat(fromJob.at("/properties/id")).isEqualTo(fromBatch.path("id"));
      assertThat(fromJob.at("/results/0/aggregation").asText()).isEqualTo("max");
      assertThat(fromJob.at("/results/0/value")).isEqualTo(fromBatch.path("lux:elevation_max"));
    }
    assertThat(JSON.readTree(jobRows.get(0)).at("/results/0/value").asDouble()).isEqualTo(427.0);
  }

  @Test
  void anUnreachableServiceExitsThree() {
    Cli.Result r = jobs("list", "--url", "http://127.0.0.1:9");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).startsWith("error: ").contains("check --url", "terrace serve");
  }

  /**
   * With --auth, the key comes from TERRACE_API_KEY (the URL from TERRACE_URL), a missing one is
   * refused with exit 4, and a key sees its own jobs only.
   */
  @Test
  void theApiKeyAndTheUrlFromTheEnvironment() throws Exception {
    String keys = "jdbc:sqlite:" + dir.resolve("auth.db");
    String owner =
        Cli.run("keys", "create", "--name", "a", "--scope", "extract", "--db", keys).out().strip();
    String other =
        Cli.run("keys", "create", "--name", "b", "--scope", "extract", "--db", keys).out().strip();
    try (TerraceServer secured =
        TerraceServer.start(
            ServerConfig.defaults().toBuilder()
                .host("127.0.0.1")
                .port(0)
                .auth(true)
                .databaseUrl(keys)
                .rateLimit(0, 1)
                .jobs(JobSettings.defaults().withFolder(dir.resolve("auth-jobs")))
                .build())) {
      String at = secured.uri().toString();
      Map<String, String> env = Map.of("TERRACE_URL", at, "TERRACE_API_KEY", owner);
      Cli.Result submit =
          Cli.run(env, "jobs", "submit", "-d", "lux:elevation", "--in", points, "--wait");
      assertThat(submit.exitCode()).as(submit.err()).isZero();
      String id = submit.out().strip();

      Cli.Result noKey = jobs("list", "--url", at);
      assertThat(noKey.exitCode()).isEqualTo(4);
      assertThat(noKey.err()).contains("--api-key or TERRACE_API_KEY");

      Cli.Result notTheirs =
          Cli.run(Map.of("TERRACE_URL", at, "TERRACE_API_KEY", other), "jobs", "status", id);
      assertThat(notTheirs.exitCode()).isEqualTo(2);
      assertThat(notTheirs.err()).contains("has no job '" + id + "' for this API key");
      assertThat(Cli.run(env, "jobs", "status", id).out()).containsPattern("status\\s+succeeded");
    }
  }

  @Test
  void withoutUrlTheCommandsSayAServiceRunsJobs() {
    for (String[] args :
        List.of(
            new String[] {"list"},
            new String[] {"status", "job_01jf3q8m2d7zk4w9r6t0b5n1xh"},
            new String[] {"submit", "-d", "lux:elevation", "--in", points})) {
      Cli.Result r = jobs(args);
      assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
      assertThat(r.err())
          .startsWith("error: jobs run on a Terrace service")
          .contains(
              "'terrace serve'", "--url (or TERRACE_URL)", "'terrace jobs " + args[0] + " --help'");
    }
  }

  /**
   * The README's jobs command lines, run here as at the repository's root against this service: its
   * URL for localhost:8000, the id the submit printed for the example's.
   */
  @Test
  void theReadmesJobsCommandLines() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("readme"));
    String id = null;
    List<Cli.Result> results = new ArrayList<>();
    for (String example : Examples.JOBS) {
      List<String> words = Launcher.split(example);
      List<String> args = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i);
        String option = i > 0 ? words.get(i - 1) : "";
        args.add(
            option.equals("--in")
                ? Launcher.ROOT.resolve(w).toString()
                : option.equals("--out")
                    ? folder.resolve(w).toString()
                    : w.equals("http://localhost:8000") ? url : w.equals(Examples.JOB_ID) ? id : w);
      }
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as("%s: %s", example, r.err()).isZero();
      if (id == null) {
        id = r.out().strip();
      }
      results.add(r);
    }
    assertThat(Files.readAllLines(folder.resolve("job-values.csv"))).isEqualTo(POINTS_CSV);
    assertThat(results.get(1).out()).containsPattern(id + "\\s+succeeded\\s+5/5\\s");
    assertThat(results.get(2).out()).containsPattern("status\\s+succeeded");
    JsonNode features =
        JSON.readTree(folder.resolve("job-values.geojson").toFile()).path("features");
    assertThat(features).hasSize(5);
    assertThat(features.get(2).at("/properties/results/0/value").asDouble()).isEqualTo(411.0);
  }

  @Test
  void everyJobsCommandHasHelpWhoseExamplesParse() {
    for (String command : List.of("", "submit", "status", "list", "cancel", "results")) {
      Cli.Result help = command.isEmpty() ? jobs("--help") : jobs(command, "--help");
      assertThat(help.exitCode()).isZero();
      assertThat(help.out())
          .as(command)
          .contains("Usage: terrace jobs", "Examples:", "  terrace jobs ", "Exit codes:");
      // Each example on one line, as it can be copied (the help is 110 columns wide), and valid.
      List<String> examples =
          help.out().lines().dropWhile(l -> !l.equals("Examples:")).skip(1).toList();
      assertThat(examples).as(command).isNotEmpty().allMatch(l -> l.startsWith("  terrace jobs "));
      examples.forEach(
          example ->
              Main.commandLine(java.util.Map.of())
                  .parseArgs(Launcher.split(example.strip()).toArray(String[]::new)));
    }
  }

  @Test
  void anUnknownJobIsAUsageErrorThatSaysWhereTheIdsAre() {
    Cli.Result r = jobs("status", "--url", url, "job_nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: the service at " + url + " has no job 'job_nope'")
        .contains("'terrace jobs list --url " + url + "'")
        .doesNotContain("catalog datasets");
  }

  @Test
  void submitChecksItsOptionsBeforeAskingTheService() {
    Cli.Result out =
        jobs("submit", "--url", url, "-d", "lux:elevation", "--in", points, "--out", "x.csv");
    assertThat(out.exitCode()).isEqualTo(2);
    assertThat(out.err()).contains("--out needs --wait");

    Cli.Result dash =
        jobs("submit", "--url", url, "-d", "lux:elevation", "--in", points, "--wait", "--out", "-");
    assertThat(dash.exitCode()).isEqualTo(2);
    assertThat(dash.err()).contains("submit prints the job's id on stdout");

    Cli.Result exists =
        jobs(
            "submit",
            "--url",
            url,
            "-d",
            "lux:elevation",
            "--in",
            points,
            "--wait",
            "--out",
            points);
    assertThat(exists.exitCode()).isEqualTo(2);
    assertThat(exists.err()).contains(points + " exists: replace it with --overwrite");

    Cli.Result layer =
        jobs("submit", "--url", url, "-d", "lux:elevation", "--in", points, "--layer", "parcels");
    assertThat(layer.exitCode()).isEqualTo(2);
    assertThat(layer.err()).contains("--layer is for GeoPackage input");

    Cli.Result name =
        jobs(
            "submit",
            "--url",
            url,
            "-d",
            "lux:elevation",
            "--in",
            dir.resolve("terrace.db").toString());
    assertThat(name.exitCode()).isEqualTo(2);
    assertThat(name.err()).contains("name it .csv, .geojson, .ndjson or .gpkg");
  }
}
