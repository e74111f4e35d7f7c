package dev.terrace.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ConflictException;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.Estimate;
import dev.terrace.api.EstimateRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.Job;
import dev.terrace.api.JobInput;
import dev.terrace.api.JobInputFormat;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobStatus;
import dev.terrace.api.ListJobsRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Operation;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.geojson.Polygon;
import java.io.ByteArrayInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs in-process: the same rows as {@code extract.batch}, carried columns, row and job errors. */
class JobsTest {

  private static Terrace terrace;

  @BeforeAll
  static void open() {
    terrace = Terrace.embedded();
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  private static JobInput csv(String text) {
    return JobInput.of(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), JobInputFormat.CSV);
  }

  private static List<JobRow> rows(String id) {
    try (Stream<JobRow> rows = terrace.jobs().results(id)) {
      return rows.toList();
    }
  }

  /** Point 0 of elev_lux_points_expected.csv: GDAL reads 297 at row 70, column 34. */
  @Test
  void anInlineJobAnswersAsExtractBatchAndCarriesEachFeaturesProperties() {
    List<Feature> features = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      features.add(
          new Feature(
              Point.of(6.0262083180620785 + i * 0.01, 49.60306260768918), Map.of("parcel", i)));
    }
    BatchExtractRequest options = BatchExtractRequest.of(List.of(), "lux:elevation");
    Job job = terrace.jobs().create(CreateJobRequest.of(options, features));
    assertThat(job.id()).matches("job_[0-9a-z]{26}");

    List<Job> seen = new ArrayList<>();
    Job done = terrace.jobs().waitFor(job.id(), Duration.ofMinutes(2), seen::add);

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.total()).isEqualTo(5L);
    assertThat(done.processed()).isEqualTo(5);
    assertThat(done.extracted()).isEqualTo(5);
    assertThat(done.failedRows()).isZero();
    assertThat(seen.get(seen.size() - 1)).isEqualTo(done);
    assertThat(seen)
        .allSatisfy(j -> assertThat(j.extracted()).isGreaterThanOrEqualTo(j.processed()));
    List<JobRow> rows = rows(job.id());
    List<ExtractResponse> batch =
        terrace.batchExtract(options.withGeometries(features)).responses();
    assertThat(rows).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(rows.get(i).row()).isEqualTo(i);
      assertThat(rows.get(i).properties()).containsEntry("parcel", i);
      assertThat(rows.get(i).results())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("elapsedMs")
          .isEqualTo(batch.get(i).results());
    }
    assertThat(rows.get(0).results().get(0).number()).hasValue(297);
    assertThat(terrace.jobs().results(job.id(), 3).map(JobRow::row)).containsExactly(3L, 4L);
  }

  @Test
  void aMalformedRowFailsWithItsLineAndTheJobGoesOn() {
    Job job =
        terrace
            .jobs()
            .create(
                CreateJobRequest.streamed(BatchExtractRequest.of(List.of(), "lux:elevation")),
                csv("id,lon,lat\na,6.0262083180620785,49.60306260768918\nb,east,49.6\n"));
    Job done = terrace.jobs().waitFor(job.id(), Duration.ofMinutes(2));

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.failedRows()).isEqualTo(1);
    List<JobRow> rows = rows(job.id());
    assertThat(rows.get(0).properties()).containsEntry("id", "a");
    assertThat(rows.get(0).results().get(0).number()).hasValue(297);
    assertThat(rows.get(1).line()).isEqualTo(3);
    assertThat(rows.get(1).error()).startsWith("line 3").contains("lon");
    assertThat(rows.get(1).results()).isEmpty();
  }

  @Test
  void anInputThatIsNotWhatItsFormatSaysIsRefusedNamingTheBody() {
    assertThatThrownBy(
            () ->
                terrace
                    .jobs()
                    .create(
                        CreateJobRequest.streamed(
                            BatchExtractRequest.of(List.of(), "lux:elevation")),
                        JobInput.of(
                            new ByteArrayInputStream("{\"type\": \"Point\"}".getBytes()),
                            JobInputFormat.GEOJSON)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("body")
        .hasMessageContaining("FeatureCollection")
        .hasMessageNotContaining("terrace-jobs");
  }

  @Test
  void badOptionsAndEmptyInputsAreRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                terrace
                    .jobs()
                    .create(
                        CreateJobRequest.of(
                            BatchExtractRequest.of(List.of(), "lux:nothing"),
                            List.of(Feature.of(Point.of(6, 49.6))))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("dataset_ids");
    assertThatThrownBy(
            () ->
                terrace
                    .jobs()
                    .create(
                        CreateJobRequest.of(
                            BatchExtractRequest.of(List.of(), "lux:elevation"), List.of())))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("features");
    assertThatThrownBy(
            () ->
                terrace
                    .jobs()
                    .create(
                        CreateJobRequest.streamed(
                            BatchExtractRequest.of(List.of(), "lux:elevation")),
                        csv("")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void anUnknownJobIsNotFoundAndAnEndedOneCannotBeCancelled() {
    assertThatThrownBy(() -> terrace.jobs().get("job_nope")).isInstanceOf(NotFoundException.class);
    Job job =
        terrace
            .jobs()
            .create(
                CreateJobRequest.of(
                    BatchExtractRequest.of(List.of(), "lux:elevation"),
                    List.of(Feature.of(Point.of(6.0262083180620785, 49.60306260768918)))));
    terrace.jobs().waitFor(job.id(), Duration.ofMinutes(2));

    assertThatThrownBy(() -> terrace.jobs().cancel(job.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("succeeded");
    assertThat(terrace.jobs().list(ListJobsRequest.ofStatus(JobStatus.SUCCEEDED)).jobs())
        .extracting(Job::id)
        .contains(job.id());
    assertThat(terrace.jobs().list(ListJobsRequest.ofStatus(JobStatus.CANCELLED)).jobs())
        .extracting(Job::id)
        .doesNotContain(job.id());
  }

  /** 1500 points: over a batch's 1000, within a job's ten million. */
  @Test
  void aJobsInlineRowsAreEstimatedAgainstTheJobsLimits() {
    List<Feature> features = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      features.add(Feature.of(Point.of(6.0262083180620785, 49.60306260768918)));
    }
    Estimate estimate =
        terrace.estimate(
            EstimateRequest.of(
                CreateJobRequest.of(BatchExtractRequest.of(List.of(), "lux:elevation"), features)));

    assertThat(estimate.operation()).isEqualTo(Operation.JOBS_CREATE);
    assertThat(estimate.geometries()).isEqualTo(1500);
    assertThat(estimate.limits())
        .filteredOn(l -> l.name().equals("geometries"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.limit()).isEqualTo(CreateJobRequest.MAX_ROWS);
              assertThat(l.holds()).isTrue();
            });
    assertThatThrownBy(
            () ->
                terrace.estimate(
                    EstimateRequest.of(
                        CreateJobRequest.streamed(
                            BatchExtractRequest.of(List.of(), "lux:elevation")))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("jobs_create.features");
  }

  /** The most a job may hold, and one row more: the job fails saying so, naming the limit. */
  @Test
  void anInputOfTenMillionAndOneRowsFailsTheJobNamingTheLimit() throws Exception {
    Path csv = Files.createTempFile("terrace-ten-million-", ".csv");
    try {
      try (Writer w = Files.newBufferedWriter(csv)) {
        w.write("lon,lat\n");
        for (long i = 0; i <= CreateJobRequest.MAX_ROWS; i++) {
          w.write("6,49.6\n");
        }
      }
      Job job =
          terrace
              .jobs()
              .create(
                  CreateJobRequest.streamed(BatchExtractRequest.of(List.of(), "lux:elevation")),
                  JobInput.of(csv));
      Job done = terrace.jobs().waitFor(job.id(), Duration.ofMinutes(5));

      assertThat(done.status()).isEqualTo(JobStatus.FAILED);
      assertThat(done.error()).contains("more than 10,000,000 rows").contains("split");
      assertThat(done.processed()).isZero();
      assertThatThrownBy(() -> terrace.jobs().results(job.id()))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("10,000,000");
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  /**
   * A polygon among the points: the job is extracted in chunks rather than in tile order, with the
   * same answers. rasterio.mask over the box, centre rule: max 425.
   */
  @Test
  void aJobWithAPolygonAnswersAsTheBatchDoes() {
    List<Feature> features =
        List.of(
            Feature.of(Point.of(6.13, 49.61)),
            Feature.of(Polygon.rectangle(6.0, 49.6, 6.2, 49.8)),
            Feature.of(Point.of(5.9, 49.9)));
    BatchExtractRequest options =
        BatchExtractRequest.builder()
            .geometries(List.of())
            .datasets("lux:elevation")
            .aggregation("max")
            .pixelRule(PixelRule.CENTER)
            .build();
    Job job = terrace.jobs().create(CreateJobRequest.of(options, features));
    assertThat(terrace.jobs().waitFor(job.id(), Duration.ofMinutes(2)).status())
        .isEqualTo(JobStatus.SUCCEEDED);

    List<JobRow> rows = rows(job.id());
    assertThat(rows)
        .extracting(r -> r.results().get(0).number().orElseThrow())
        .containsExactly(300.0, 425.0, 411.0);
  }
}
