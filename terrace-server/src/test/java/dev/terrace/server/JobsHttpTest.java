package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jobs over HTTP on a real server with SQLite, two rows per committed chunk: streamed and inline
 * inputs, the three result formats, resuming by offset, idempotent creates and the problems.
 */
class JobsHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Points 0 and 1 of elev_lux_points_expected.csv: GDAL reads 297 and 411 (row 2 is malformed).
   */
  private static final String CSV =
      "parcel,lon,lat\n"
          + "A,6.0262083180620785,49.60306260768918\n"
          + "B,5.9,49.9\n"
          + "C,east,49.6\n"
          + "D,6.0262083180620785,49.60306260768918\n"
          + "E,5.9,49.9\n";

  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.start(b -> b.jobs(new JobSettings(b.build().jobs().folder(), 1, 2)));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> stream(
      String query, String type, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(server.uri("/api/v1/jobs" + query))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return server.send(b, headers);
  }

  private static JsonNode ended(String id) throws Exception {
    for (int i = 0; i < 1200; i++) {
      JsonNode job = JSON.readTree(server.get("/api/v1/jobs/" + id).body());
      if (List.of("succeeded", "failed", "cancelled").contains(job.path("status").asText())) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not end");
  }

  @Test
  void aStreamedCsvJobAnswersEveryRowOnceInInputOrderInEachFormat() throws Exception {
    HttpResponse<String> created =
        stream("?dataset_ids=lux:elevation&aggregation=mean", "text/csv", CSV);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    JsonNode job = JSON.readTree(created.body());
    String id = job.path("id").asText();
    assertThat(job.path("status").asText()).isIn("queued", "running");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + id);

    JsonNode done = ended(id);
    assertThat(done.path("status").asText()).isEqualTo("succeeded");
    assertThat(done.path("total").asLong()).isEqualTo(5);
    assertThat(done.path("processed").asLong()).isEqualTo(5);
    assertThat(done.path("failed_rows").asLong()).isEqualTo(1);
    assertThat(done.path("finished_at").asText()).isNotEmpty();

    HttpResponse<String> ndjson = server.get("/api/v1/jobs/" + id + "/results");
    assertThat(ndjson.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
    List<JsonNode> rows = ndjson.body().lines().map(JobsHttpTest::tree).toList();
    assertThat(rows).extracting(r -> r.path("row").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(rows)
        .extracting(r -> r.at("/properties/parcel").asText())
        .containsExactly("A", "B", "C", "D", "E");
    assertThat(rows.get(0).at("/results/0/value").asDouble()).isEqualTo(297);
    assertThat(rows.get(1).at("/results/0/value").asDouble()).isEqualTo(411);
    assertThat(rows.get(2).path("error").asText()).startsWith("line 4");
    assertThat(rows.get(3).at("/results/0/value").asDouble()).isEqualTo(297);

    HttpResponse<String> fromThree =
        server.post("/v1/op/jobs.results", "{\"id\":\"" + id + "\",\"offset\":3}");
    assertThat(fromThree.body().lines().map(l -> tree(l).path("row").asLong()))
        .containsExactly(3L, 4L);

    HttpResponse<String> csv = server.get("/api/v1/jobs/" + id + "/results", "Accept", "text/csv");
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "parcel,lon,lat,row,dataset_id,timestamp,value,quality,coverage_fraction,pixel_count,error");
    assertThat(lines.get(1))
        .startsWith("A,6.0262083180620785,49.60306260768918,0,lux:elevation,,297");
    assertThat(lines.get(3)).startsWith("C,east,49.6,2,,,,,,,line 4");
    assertThat(lines).hasSize(6);

    JsonNode geojson = tree(server.get("/api/v1/jobs/" + id + "/results?format=geojson").body());
    assertThat(geojson.path("type").asText()).isEqualTo("FeatureCollection");
    assertThat(geojson.path("features")).hasSize(5);
    assertThat(geojson.at("/features/1/geometry/coordinates/0").asDouble()).isEqualTo(5.9);
    assertThat(geojson.at("/features/1/properties/parcel").asText()).isEqualTo("B");
    assertThat(geojson.at("/features/1/properties/results/0/value").asDouble()).isEqualTo(411);
  }

  @Test
  void anIdempotencyKeyMakesARetriedCreateTheSameJobAndAnotherBodyAConflict() {
    String body =
        "{\"dataset_ids\":[\"lux:elevation\"],\"geometries\":[{\"type\":\"Point\",\"coordinates\":[5.9,49.9]}]}";
    HttpResponse<String> first = server.post("/v1/op/jobs.create", body, "Idempotency-Key", "k-1");
    HttpResponse<String> again = server.post("/v1/op/jobs.create", body, "Idempotency-Key", "k-1");
    HttpResponse<String> other =
        server.post("/v1/op/jobs.create", body.replace("5.9", "6.0"), "Idempotency-Key", "k-1");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(tree(again.body()).path("id")).isEqualTo(tree(first.body()).path("id"));
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(other.body()).contains("Idempotency-Key");
  }

  @Test
  void aTruncatedInputFailsTheJobWithItsLineAndItsResultsAreAConflict() throws Exception {
    String truncated =
        "{\"type\":\"FeatureCollection\",\"features\":[\n"
            + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[5.9,49.9]},\"properties\":{}},\n"
            + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[5.9,49.9]},\"properties\":{}},\n"
            + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordin";
    HttpResponse<String> created =
        stream("?dataset_ids=lux:elevation", "application/geo+json", truncated);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String id = tree(created.body()).path("id").asText();

    JsonNode done = ended(id);
    assertThat(done.path("status").asText()).isEqualTo("failed");
    assertThat(done.path("error").asText()).contains("line 4").doesNotContain("input.geojson");
    HttpResponse<String> results = server.get("/api/v1/jobs/" + id + "/results");
    assertThat(results.statusCode()).isEqualTo(409);
    assertThat(results.body()).contains("failed");
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void badInputsGetAProblemNamingTheField() {
    HttpResponse<String> notCollection =
        stream("?dataset_ids=lux:elevation", "application/geo+json", "{\"type\":\"Point\"}");
    assertThat(notCollection.statusCode()).isEqualTo(422);
    assertThat(tree(notCollection.body()).at("/errors/0/loc/0").asText()).isEqualTo("body");

    HttpResponse<String> empty = stream("?dataset_ids=lux:elevation", "text/csv", "");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("empty");

    HttpResponse<String> badOption =
        stream("?dataset_ids=lux:elevation&aggregation=nope", "text/csv", CSV);
    assertThat(badOption.statusCode()).isEqualTo(422);
    assertThat(badOption.body()).contains("aggregation");

    HttpResponse<String> unknownDataset = stream("?dataset_ids=lux:nothing", "text/csv", CSV);
    assertThat(unknownDataset.statusCode()).isEqualTo(422);
    assertThat(tree(unknownDataset.body()).at("/errors/0/loc/0").asText()).isEqualTo("dataset_ids");

    HttpResponse<String> plainText = stream("?dataset_ids=lux:elevation", "text/plain", CSV);
    assertThat(plainText.statusCode()).isEqualTo(415);

    assertThat(server.get("/api/v1/jobs/job_nope").statusCode()).isEqualTo(404);
    assertThat(server.get("/api/v1/jobs/job_nope/results").statusCode()).isEqualTo(404);
    assertThat(server.get("/api/v1/jobs?limit=0").statusCode()).isEqualTo(422);
    assertThat(server.get("/api/v1/jobs/job_nope/results?offset=-1").statusCode()).isEqualTo(422);
  }

  @Test
  void cancellingAnEndedJobIsAConflictAndListingFiltersByStatus() throws Exception {
    HttpResponse<String> created =
        stream("?dataset_ids=lux:elevation", "text/csv", "lon,lat\n5.9,49.9\n");
    String id = tree(created.body()).path("id").asText();
    ended(id);

    HttpResponse<String> cancel = server.post("/api/v1/jobs/" + id + "/cancel", "");
    assertThat(cancel.statusCode()).isEqualTo(409);
    assertThat(cancel.body()).contains("succeeded");
    JsonNode succeeded = tree(server.get("/api/v1/jobs?status=succeeded").body());
    assertThat(succeeded.path("jobs").findValuesAsText("id")).contains(id);
    JsonNode cancelled = tree(server.get("/api/v1/jobs?status=cancelled").body());
    assertThat(cancelled.path("jobs").findValuesAsText("id")).doesNotContain(id);
  }

  /**
   * One job per key and 1000 queued rows: a second job, or one of 1001 rows, is a 429 naming the
   * limit. The first job is one left queued in the database, so that it is still there to count.
   */
  @Test
  void aKeyBeyondItsQuotaGetsA429NamingTheLimit() throws Exception {
    try (RunningServer limited =
        RunningServer.start(
            b ->
                b.jobs(
                    new JobSettings(
                        b.build().jobs().folder(), 1, 2, 1, 1_000, JobSettings.MAX_INPUT_BYTES)))) {
      String point = "{\"type\":\"Point\",\"coordinates\":[5.9,49.9]}";
      String many =
          "{\"dataset_ids\":[\"lux:elevation\"],\"geometries\":["
              + String.join(",", java.util.Collections.nCopies(1001, point))
              + "]}";
      HttpResponse<String> tooManyRows = limited.post("/v1/op/jobs.create", many);
      assertThat(tooManyRows.statusCode()).isEqualTo(429);
      assertThat(tree(tooManyRows.body()).path("detail").asText())
          .contains("queued rows per key")
          .contains("1,000");

      new JdbcJobStore(limited.server.database())
          .insert(
              new dev.terrace.engine.internal.jobs.JobRecord(
                  "job_00000000000000000000000001",
                  "anonymous",
                  dev.terrace.api.JobStatus.QUEUED,
                  java.time.Instant.now(),
                  null,
                  null,
                  10L,
                  0,
                  0,
                  0,
                  2,
                  null,
                  "{}",
                  dev.terrace.api.JobInputFormat.CSV,
                  null,
                  null,
                  "h"));
      HttpResponse<String> second =
          limited.post(
              "/v1/op/jobs.create",
              "{\"dataset_ids\":[\"lux:elevation\"],\"geometries\":[" + point + "]}");
      assertThat(second.statusCode()).isEqualTo(429);
      assertThat(tree(second.body()).path("detail").asText()).contains("jobs per key: 1");
      assertThat(tree(second.body()).path("error_type").asText()).isEqualTo("rate_limited");
    }
  }

  /**
   * A streamed input over the operator's cap is a 413 naming the body and the cap, whether its
   * length is declared (refused before it is read) or not (refused once the cap is read), nothing
   * of it is kept, and a job within the cap still runs.
   */
  @Test
  void aStreamedInputOverTheCapIsA413AndNothingIsKept() throws Exception {
    java.nio.file.Path[] folder = new java.nio.file.Path[1];
    try (RunningServer capped =
        RunningServer.start(
            b ->
                b.jobs(
                    new JobSettings(
                        folder[0] = b.build().jobs().folder(),
                        1,
                        2,
                        JobSettings.MAX_JOBS_PER_KEY,
                        JobSettings.MAX_QUEUED_ROWS_PER_KEY,
                        4096)))) {
      String big = "lon,lat\n" + "5.9,49.9\n".repeat(1000);
      HttpRequest.Builder declared =
          HttpRequest.newBuilder(capped.uri("/api/v1/jobs?dataset_ids=lux:elevation"))
              .header("Content-Type", "text/csv")
              .POST(HttpRequest.BodyPublishers.ofString(big));
      HttpRequest.Builder undeclared =
          HttpRequest.newBuilder(capped.uri("/api/v1/jobs?dataset_ids=lux:elevation"))
              .header("Content-Type", "text/csv")
              .POST(
                  HttpRequest.BodyPublishers.ofInputStream(
                      () -> new java.io.ByteArrayInputStream(big.getBytes())));
      for (HttpRequest.Builder request : List.of(declared, undeclared)) {
        HttpResponse<String> refused = capped.send(request);
        assertThat(refused.statusCode()).isEqualTo(413);
        JsonNode problem = tree(refused.body());
        assertThat(problem.path("detail").asText()).contains("at most 4096 bytes");
        assertThat(problem.path("errors").get(0).path("loc").get(0).asText()).isEqualTo("body");
      }
      assertThat(tree(capped.get("/api/v1/jobs").body()).path("jobs")).isEmpty();
      try (var left = java.nio.file.Files.list(folder[0])) {
        assertThat(left.filter(java.nio.file.Files::isDirectory)).isEmpty();
      }

      HttpResponse<String> small =
          capped.send(
              HttpRequest.newBuilder(capped.uri("/api/v1/jobs?dataset_ids=lux:elevation"))
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString("lon,lat\n5.9,49.9\n")));
      assertThat(small.statusCode()).isEqualTo(202);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(json, e);
    }
  }
}
