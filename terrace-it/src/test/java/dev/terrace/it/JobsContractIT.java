package dev.terrace.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ConflictException;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.Job;
import dev.terrace.api.JobInput;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobStatus;
import dev.terrace.api.ListJobsRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.TerraceException;
import dev.terrace.api.geojson.Feature;
import dev.terrace.client.TerraceClient;
import dev.terrace.engine.Terrace;
import java.io.IOException;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jobs through every door, in-process and over HTTP, blocking and asynchronous: the same rows as
 * {@code extract.batch}, the same failures as the same exception classes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsContractIT {

  /** gdallocationinfo -valonly -wgs84 elev_lux.tif: 6.13 49.61 → 300, 5.9 49.9 → 411. */
  private static final String CSV =
      "parcel,lon,lat\nA,6.13,49.61\nB,5.9,49.9\nC,6.13,north\nD,5.9,49.9\n";

  @TempDir Path dir;

  private Doors doors;
  private LoopbackServer server;
  private Terrace embedded;
  private TerraceClient client;

  @BeforeAll
  void start() {
    doors = Doors.open();
    server = doors.server;
    embedded = doors.embedded;
    client = doors.client;
  }

  @AfterAll
  void stop() throws IOException {
    doors.close();
  }

  Stream<Implementation> implementations() {
    return doors.implementations();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void aJobFromAFileAnswersAsTheBatchAndCarriesItsColumns(Implementation impl) throws Exception {
    Path input = Files.writeString(dir.resolve(impl.name().replace(' ', '-') + ".csv"), CSV);
    BatchExtractRequest options = BatchExtractRequest.of(List.of(), ContractIT.ELEVATION);
    Job job = impl.api().jobs().create(CreateJobRequest.streamed(options), JobInput.of(input));
    List<Job> seen = new ArrayList<>();
    Job done = impl.api().jobs().waitFor(job.id(), Duration.ofMinutes(2), seen::add);

    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.total()).isEqualTo(4L);
    assertThat(done.processed()).isEqualTo(4);
    assertThat(done.failedRows()).isEqualTo(1);
    assertThat(seen).extracting(Job::processed).isSorted();
    List<JobRow> rows;
    try (Stream<JobRow> results = impl.api().jobs().results(job.id())) {
      rows = results.toList();
    }
    assertThat(rows).extracting(JobRow::row).containsExactly(0L, 1L, 2L, 3L);
    assertThat(rows)
        .extracting(r -> r.properties().get("parcel"))
        .containsExactly("A", "B", "C", "D");
    List<ExtractResponse> batch =
        embedded
            .batchExtract(
                options.withGeometries(
                    List.of(ContractIT.LUX_POINT, ContractIT.LUX_POINT_2, ContractIT.LUX_POINT_2)))
            .responses();
    assertThat(rows.get(0).results())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("elapsedMs")
        .isEqualTo(batch.get(0).results());
    assertThat(rows.get(1).results())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("elapsedMs")
        .isEqualTo(batch.get(1).results());
    assertThat(rows.get(0).results().get(0).number()).hasValue(300);
    assertThat(rows.get(3).results().get(0).number()).hasValue(411);
    assertThat(rows.get(2).error()).startsWith("line 4").contains("lat");
    assertThat(rows.get(2).results()).isEmpty();
    try (Stream<JobRow> fromTwo = impl.api().jobs().results(job.id(), 2)) {
      assertThat(fromTwo.map(JobRow::row)).containsExactly(2L, 3L);
    }
    assertThat(impl.api().jobs().list(ListJobsRequest.ofStatus(JobStatus.SUCCEEDED)).jobs())
        .extracting(Job::id)
        .contains(job.id());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void failuresAreTheSameExceptionOnEveryDoor(Implementation impl) {
    assertThatThrownBy(() -> impl.api().jobs().get("job_nope"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                impl.api()
                    .jobs()
                    .create(
                        CreateJobRequest.of(
                            BatchExtractRequest.of(List.of(), "lux:nothing"),
                            List.of(Feature.of(ContractIT.LUX_POINT)))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.fieldErrors().get(0).loc()).containsExactly("dataset_ids", 0));
    Job job =
        impl.api()
            .jobs()
            .create(
                CreateJobRequest.of(
                    BatchExtractRequest.of(List.of(), ContractIT.ELEVATION),
                    List.of(new Feature(ContractIT.LUX_POINT, Map.of("parcel", "A")))));
    impl.api().jobs().waitFor(job.id(), Duration.ofMinutes(2));
    assertThatThrownBy(() -> impl.api().jobs().cancel(job.id()))
        .isInstanceOf(ConflictException.class)
        .isInstanceOf(TerraceException.class);
  }

  @Test
  void theClientPagesThroughEveryJobNewestFirst() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          client
              .jobs()
              .create(
                  CreateJobRequest.of(
                      BatchExtractRequest.of(List.of(), ContractIT.ELEVATION),
                      List.of(Feature.of(ContractIT.LUX_POINT))))
              .id());
    }
    List<String> listed =
        client.jobs().pages(ListJobsRequest.of(null, 1, 0)).autoPager().stream()
            .map(Job::id)
            .toList();
    assertThat(listed).containsSubsequence(ids.get(2), ids.get(1), ids.get(0));
    assertThat(listed).doesNotHaveDuplicates();
  }

  /**
   * The connection carrying a job's results is dropped part-way: the SDK asks again from the row
   * after the last one read, and the stream has every row once, in order.
   */
  @Test
  void theSdksResultsResumeAfterADroppedConnection() throws Exception {
    List<Feature> features = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      features.add(
          new Feature(i % 2 == 0 ? ContractIT.LUX_POINT : ContractIT.LUX_POINT_2, Map.of("i", i)));
    }
    Job job =
        client
            .jobs()
            .create(
                CreateJobRequest.of(
                    BatchExtractRequest.of(List.of(), ContractIT.ELEVATION), features));
    client.jobs().waitFor(job.id(), Duration.ofMinutes(2));
    try (CuttingProxy proxy =
            new CuttingProxy(java.net.URI.create(server.baseUrl()), "jobs.results", 40_000);
        TerraceClient viaProxy =
            TerraceClient.builder().baseUrl(proxy.baseUrl()).apiKey(server.apiKey()).build();
        Stream<JobRow> results = viaProxy.jobs().results(job.id())) {
      List<JobRow> rows = results.toList();
      assertThat(proxy.hasCut()).isTrue();
      assertThat(rows)
          .extracting(JobRow::row)
          .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 300).boxed().toList());
      assertThat(rows.get(299).properties()).containsEntry("i", 299);
      assertThat(rows.get(299).results().get(0).number()).hasValue(411);
    }
  }
}
