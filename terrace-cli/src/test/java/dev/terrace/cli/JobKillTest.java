package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.Job;
import dev.terrace.api.JobInput;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobStatus;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.client.TerraceClient;
import dev.terrace.engine.Terrace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job of 200 000 points on the real service ({@code ./terrace serve}, SQLite), the service killed
 * with SIGKILL at random moments while the job runs, up to three times, and started again on the
 * same database and folder: the job completes, every row is in its results exactly once, in input
 * order, with the engine's value, and its progress never went backwards.
 */
class JobKillTest {

  private static final int POINTS = 200_000;
  private static final Pattern LISTENING = Pattern.compile("Terrace listening on (http://\\S+) ");

  @TempDir Path dir;

  @Test
  void aJobSurvivesKillsWithEveryRowOnce() throws Exception {
    double[][] points = points();
    StringBuilder csv = new StringBuilder("id,lon,lat\n");
    for (int i = 0; i < POINTS; i++) {
      csv.append(i).append(',').append(points[i][0]).append(',').append(points[i][1]).append('\n');
    }
    Path input = Files.writeString(dir.resolve("points.csv"), csv);
    Random random = new Random(9);
    List<Long> progress = new ArrayList<>();
    String id;
    Process service = start();
    try {
      try (TerraceClient client = client(service)) {
        id =
            client
                .jobs()
                .create(
                    CreateJobRequest.streamed(BatchExtractRequest.of(List.of(), "lux:elevation")),
                    JobInput.of(input))
                .id();
      }
      int kills = 0;
      for (int attempt = 1; attempt <= 3; attempt++) {
        // Killed at a random moment while the job runs: sorting, extracting or committing.
        long killAt = System.nanoTime() + (100 + random.nextInt(1100)) * 1_000_000L;
        boolean ended = false;
        try (TerraceClient client = client(service)) {
          while (System.nanoTime() < killAt) {
            Job job = client.jobs().get(id);
            progress.add(job.processed());
            if (job.status().isFinal()) {
              ended = true;
              break;
            }
            Thread.sleep(20);
          }
        }
        if (ended) {
          break;
        }
        service.destroyForcibly();
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        kills++;
        service = start();
      }
      assertThat(kills).as("kills while the job ran").isPositive();
      try (TerraceClient client = client(service)) {
        Job done =
            client.jobs().waitFor(id, Duration.ofMinutes(3), j -> progress.add(j.processed()));
        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.processed()).isEqualTo(POINTS);
        assertThat(done.failedRows()).isZero();
        assertThat(progress).isSorted();
        List<JobRow> rows;
        try (Stream<JobRow> results = client.jobs().results(id)) {
          rows = results.toList();
        }
        assertThat(rows).hasSize(POINTS);
        for (int i = 0; i < POINTS; i++) {
          assertThat(rows.get(i).row()).isEqualTo(i);
          assertThat(rows.get(i).properties()).containsEntry("id", Integer.toString(i));
        }
        assertSameAsTheEngine(points, rows);
      }
    } finally {
      service.destroyForcibly();
    }
  }

  /** The engine's own answers for every 25th point. */
  private static void assertSameAsTheEngine(double[][] points, List<JobRow> rows) {
    List<Geometry> sample = new ArrayList<>();
    for (int i = 0; i < POINTS; i += 25) {
      sample.add(Point.of(points[i][0], points[i][1]));
    }
    try (Terrace engine = Terrace.embedded()) {
      List<ExtractResponse> expected = new ArrayList<>();
      for (int from = 0; from < sample.size(); from += 1000) {
        expected.addAll(
            engine
                .batchExtract(
                    BatchExtractRequest.of(
                        sample.subList(from, Math.min(sample.size(), from + 1000)),
                        "lux:elevation"))
                .responses());
      }
      for (int k = 0; k < sample.size(); k++) {
        assertThat(rows.get(k * 25).results().get(0).number())
            .as("row %d", k * 25)
            .isEqualTo(expected.get(k).results().get(0).number());
      }
    }
  }

  private Process start() throws Exception {
    Process p =
        Launcher.command(
                dir,
                List.of(
                    "serve",
                    "--port",
                    "0",
                    "--db",
                    "jdbc:sqlite:" + dir.resolve("terrace.db"),
                    "--jobs-dir",
                    dir.resolve("jobs").toString(),
                    "--job-chunk",
                    "1000"))
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    return p;
  }

  private TerraceClient client(Process service) throws Exception {
    if (url == null || !service.equals(started)) {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
      url = CompletableFuture.supplyAsync(() -> listening(out)).get(120, TimeUnit.SECONDS);
      assertThat(url).as(Files.readString(dir.resolve("stderr.txt"))).isNotNull();
      started = service;
    }
    return TerraceClient.builder().baseUrl(url).build();
  }

  private String url;
  private Process started;

  private static String listening(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      }
      return null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Seeded points over Luxembourg's box (lon 5.75–6.5, lat 49.45–50.15). */
  private static double[][] points() {
    Random random = new Random(6);
    double[][] points = new double[POINTS][];
    for (int i = 0; i < POINTS; i++) {
      points[i] =
          new double[] {
            Double.parseDouble(
                String.format(Locale.ROOT, "%.5f", 5.75 + random.nextDouble() * 0.75)),
            Double.parseDouble(
                String.format(Locale.ROOT, "%.5f", 49.45 + random.nextDouble() * 0.7))
          };
    }
    return points;
  }
}
