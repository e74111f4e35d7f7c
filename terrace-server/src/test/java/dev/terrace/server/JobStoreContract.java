package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.CreateJobRequest;
import dev.terrace.api.Job;
import dev.terrace.api.JobInputFormat;
import dev.terrace.api.JobRow;
import dev.terrace.api.JobStatus;
import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.jobs.JobFolder;
import dev.terrace.engine.internal.jobs.JobListener;
import dev.terrace.engine.internal.jobs.JobQuota;
import dev.terrace.engine.internal.jobs.JobRecord;
import dev.terrace.engine.internal.jobs.JobService;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The jobs' SQL, run once per database kind by the subclasses. */
abstract class JobStoreContract {

  private Database db;
  private JdbcJobStore store;

  void startWith(String databaseUrl) {
    db = Database.open(databaseUrl);
    store = new JdbcJobStore(db);
  }

  @AfterAll
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private static JobRecord queued(String id, String owner, String key) {
    return new JobRecord(
        id,
        owner,
        JobStatus.QUEUED,
        Instant.ofEpochMilli(1_700_000_000_000L),
        null,
        null,
        null,
        0,
        0,
        0,
        10,
        null,
        "{}",
        JobInputFormat.CSV,
        null,
        key,
        "hash-" + id);
  }

  @Test
  void jobsBelongToTheirOwnerAndListNewestFirst() {
    store.insert(queued("job_a1", "key:lister", null));
    store.insert(queued("job_a2", "key:lister", null));
    store.insert(queued("job_a3", "key:other", null));
    store.start("job_a2", Instant.now());

    assertThat(store.list("key:lister", null, 10, 0))
        .extracting(JobRecord::id)
        .containsExactly("job_a2", "job_a1");
    assertThat(store.list("key:lister", JobStatus.RUNNING, 10, 0))
        .extracting(JobRecord::id)
        .containsExactly("job_a2");
    assertThat(store.list("key:lister", null, 1, 1))
        .extracting(JobRecord::id)
        .containsExactly("job_a1");
    assertThat(store.count("key:lister", null)).isEqualTo(2);
    assertThat(store.count("key:lister", JobStatus.QUEUED)).isEqualTo(1);
    assertThat(store.find("key:other", "job_a1")).isEmpty();
    assertThat(store.find("key:lister", "job_a1")).isPresent();
  }

  @Test
  void aRetriedCreateWithItsKeyFindsTheFirstJob() {
    JobRecord first = store.insert(queued("job_k1", "key:retry", "k-1"));
    JobRecord again = store.insert(queued("job_k2", "key:retry", "k-1"));
    JobRecord otherOwner = store.insert(queued("job_k3", "key:someone", "k-1"));

    assertThat(first.id()).isEqualTo("job_k1");
    assertThat(again.id()).isEqualTo("job_k1");
    assertThat(otherOwner.id()).isEqualTo("job_k3");
    assertThat(store.findByKey("key:retry", "k-1"))
        .get()
        .extracting(JobRecord::id)
        .isEqualTo("job_k1");
  }

  @Test
  void progressAppliesOnlyWhileRunningAndACancellationIsNeverOverwritten() {
    store.insert(queued("job_p1", "key:progress", null));
    store.commit("job_p1", 1, 10, 0);
    assertThat(store.find("key:progress", "job_p1").orElseThrow().processed()).isZero();

    Instant started = Instant.ofEpochMilli(1_700_000_001_000L);
    store.start("job_p1", started);
    store.total("job_p1", 25);
    store.commit("job_p1", 2, 20, 1);
    JobRecord running = store.find("key:progress", "job_p1").orElseThrow();
    assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.startedAt()).isEqualTo(started);
    assertThat(running.total()).isEqualTo(25L);
    assertThat(running.chunks()).isEqualTo(2);
    assertThat(running.processed()).isEqualTo(20);
    assertThat(running.failedRows()).isEqualTo(1);
    assertThat(store.unfinished()).extracting(JobRecord::id).contains("job_p1");

    assertThat(store.end("job_p1", JobStatus.CANCELLED, null, Instant.now())).isTrue();
    store.commit("job_p1", 3, 25, 1);
    assertThat(store.end("job_p1", JobStatus.SUCCEEDED, null, Instant.now())).isFalse();
    store.start("job_p1", Instant.now());
    JobRecord cancelled = store.find("key:progress", "job_p1").orElseThrow();
    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(cancelled.processed()).isEqualTo(20);
    assertThat(cancelled.finishedAt()).isNotNull();
    assertThat(store.unfinished()).extracting(JobRecord::id).doesNotContain("job_p1");
  }

  /**
   * A job ended but never told — the process stopped between ending it and writing its webhooks'
   * deliveries, or they could not be written — is told by the next start, once; a job whose end was
   * told is not told again.
   */
  @Test
  void anEndNeverToldIsToldOnStartOnce() throws Exception {
    store.insert(queued("job_t1", "key:told", null));
    store.insert(queued("job_t2", "key:told", null));
    for (String id : List.of("job_t1", "job_t2")) {
      store.start(id, Instant.now());
      assertThat(store.end(id, JobStatus.SUCCEEDED, null, Instant.now())).isTrue();
    }
    store.told("job_t2");
    assertThat(store.untold())
        .extracting(JobRecord::id)
        .contains("job_t1")
        .doesNotContain("job_t2");

    List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
    JobListener listener =
        new JobListener() {
          @Override
          public void ended(String owner, Job job) {
            told.add(owner + " " + job.id() + " " + job.status().wireName());
          }
        };
    for (int start = 0; start < 2; start++) {
      try (Terrace engine = Terrace.embedded();
          JobService jobs = jobService(engine, listener)) {
        jobs.start();
      }
    }
    assertThat(told)
        .containsOnlyOnce("key:told job_t1 succeeded")
        .noneMatch(t -> t.contains("job_t2"));
    assertThat(store.untold()).extracting(JobRecord::id).doesNotContain("job_t1", "job_t2");
  }

  @Test
  void aJobRunsToItsEndOnThisDatabase() throws Exception {
    try (Terrace engine = Terrace.embedded();
        JobService jobs = jobService(engine, JobListener.NONE)) {
      List<Feature> features =
          List.of(
              new Feature(Point.of(6.13, 49.61), Map.of("n", 1)),
              new Feature(Point.of(5.9, 49.9), Map.of("n", 2)),
              new Feature(Point.of(6.13, 49.61), Map.of("n", 3)));
      Job job =
          jobs.create(
              "key:runner",
              CreateJobRequest.of(BatchExtractRequest.of(List.of(), "lux:elevation"), features),
              null,
              null,
              null);
      long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!job.status().isFinal() && System.nanoTime() < giveUp) {
        Thread.sleep(20);
        job = jobs.get("key:runner", job.id());
      }
      assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
      try (Stream<JobRow> rows = jobs.results("key:runner", job.id(), 0)) {
        // gdallocationinfo -valonly -wgs84 elev_lux.tif: 6.13 49.61 → 300, 5.9 49.9 → 411
        assertThat(rows.map(r -> r.results().get(0).number().orElseThrow()))
            .containsExactly(300.0, 411.0, 300.0);
      }
    }
  }

  /** Jobs on this store over the engine, one worker, chunks of 2 rows. */
  private JobService jobService(Terrace engine, JobListener listener) throws java.io.IOException {
    return new JobService(
        engine,
        null,
        store,
        new JobFolder(Files.createTempDirectory("terrace-jobs")),
        1,
        2,
        1000,
        JobQuota.UNLIMITED,
        listener);
  }
}
