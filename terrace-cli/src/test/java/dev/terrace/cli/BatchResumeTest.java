package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 000 points through the real launcher, the process killed midway (SIGKILL: no chance to tidy
 * up) and the run resumed: every row is in the output exactly once, in input order, with the
 * engine's value.
 */
class BatchResumeTest {

  private static final int POINTS = 100_000;

  @TempDir Path dir;

  @Test
  void aKilledRunResumesWithEveryRowExactlyOnce() throws Exception {
    double[][] points = points();
    StringBuilder csv = new StringBuilder("id,lon,lat\n");
    for (int i = 0; i < POINTS; i++) {
      csv.append(i).append(',').append(points[i][0]).append(',').append(points[i][1]).append('\n');
    }
    Files.writeString(
        Files.createDirectories(dir.resolve(Examples.INPUTS)).resolve("points.csv"), csv);
    Path out = dir.resolve("values.csv");

    Process first =
        Launcher.command(dir, Launcher.split(Examples.BATCH))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("first.log").toFile())
            .start();
    try {
      // Killed once a few chunks are written, while the rest are still to come.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (first.isAlive()
          && (!Files.exists(out) || Files.size(out) < 200_000)
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      first.destroyForcibly();
    }
    assertThat(first.exitValue())
        .as("killed, not finished: %s", Files.readString(dir.resolve("first.log")))
        .isNotZero();
    long written = Files.readAllLines(out).size() - 1;
    assertThat(written).isPositive().isLessThan(POINTS);

    Launcher.Result resumed = Launcher.run(dir, Examples.RESUME);
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("already there");

    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("id,lon,lat,lux:elevation_mean,error");
    assertThat(lines).hasSize(POINTS + 1);
    double[] values = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      String[] cells = lines.get(i + 1).split(",", -1);
      assertThat(cells).as("line %d: %s", i + 2, lines.get(i + 1)).hasSize(5);
      assertThat(Integer.parseInt(cells[0])).as("row %d in input order, once", i).isEqualTo(i);
      assertThat(cells[4]).as("no error in row %d", i).isEmpty();
      values[i] = cells[3].isEmpty() ? Double.NaN : Double.parseDouble(cells[3]);
    }
    // gdallocationinfo -wgs84 elev_lux.tif 6.13 49.61 answers 300; the first point is that one.
    assertThat(values[0]).isEqualTo(300.0);

    // The engine's own answers for every 50th point, the rows around the kill included.
    List<Integer> sample = new ArrayList<>();
    for (int i = 0; i < POINTS; i += 50) {
      sample.add(i);
    }
    for (long i = Math.max(0, written - 5); i < Math.min(POINTS, written + 5); i++) {
      sample.add((int) i);
    }
    List<Geometry> geometries =
        sample.stream().map(i -> (Geometry) Point.of(points[i][0], points[i][1])).toList();
    try (Terrace engine = Terrace.embedded()) {
      List<ExtractResponse> expected = new ArrayList<>();
      for (int from = 0; from < geometries.size(); from += 1000) {
        expected.addAll(
            engine
                .batchExtract(
                    BatchExtractRequest.builder()
                        .geometries(
                            geometries.subList(from, Math.min(geometries.size(), from + 1000)))
                        .datasets("lux:elevation")
                        .build())
                .responses());
      }
      for (int k = 0; k < sample.size(); k++) {
        double want = expected.get(k).results().get(0).number().orElse(Double.NaN);
        assertThat(Double.valueOf(values[sample.get(k)]))
            .as("row %d", sample.get(k))
            .isEqualTo(Double.valueOf(want));
      }
    }
  }

  /**
   * Seeded points over Luxembourg's box (lon 5.75–6.5, lat 49.45–50.15); the first is 6.13, 49.61.
   */
  private static double[][] points() {
    Random random = new Random(6);
    double[][] points = new double[POINTS][];
    points[0] = new double[] {6.13, 49.61};
    for (int i = 1; i < POINTS; i++) {
      points[i] =
          new double[] {
            round(5.75 + random.nextDouble() * 0.75), round(49.45 + random.nextDouble() * 0.7)
          };
    }
    return points;
  }

  private static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.6f", v));
  }
}
