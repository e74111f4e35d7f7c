package dev.terrace.engine.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.Job;
import dev.terrace.api.JobInputFormat;
import dev.terrace.api.JobStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A running job tells the rows whose values it has read before it writes any, and its pace and time
 * left count both steps; a job that is not running here tells what it has written.
 */
class PaceTest {

  private static JobRecord job(JobStatus status, long processed) {
    return new JobRecord(
        "job_01kc0000000000000000000000",
        "embedded",
        status,
        Instant.parse("2026-12-07T12:00:00Z"),
        Instant.parse("2026-12-07T12:00:01Z"),
        null,
        1000L,
        processed,
        0,
        (int) (processed / 100),
        100,
        null,
        "{}",
        JobInputFormat.CSV,
        null,
        null,
        "hash");
  }

  @Test
  void valuesReadRunAheadOfRowsWritten() throws InterruptedException {
    Pace pace = new Pace(200);
    assertThat(job(JobStatus.RUNNING, 200).toJob(pace).rowsPerSecond()).isNull();
    Thread.sleep(20);
    pace.extracted(600);
    Job reading = job(JobStatus.RUNNING, 200).toJob(pace);
    assertThat(reading.processed()).isEqualTo(200);
    assertThat(reading.extracted()).isEqualTo(800);
    // 600 rows read, half of each: 300 rows' worth since the restart
    assertThat(reading.rowsPerSecond()).isPositive();
    assertThat(reading.estimatedEnd()).isAfter(Instant.now());

    pace.extracted(200);
    pace.written(600);
    Job writing = job(JobStatus.RUNNING, 600).toJob(pace);
    assertThat(writing.extracted()).isEqualTo(1000);
    assertThat(writing.processed()).isEqualTo(600);
  }

  @Test
  void aJobNotRunningHereHasReadWhatItHasWritten() {
    Job ended = job(JobStatus.SUCCEEDED, 1000).toJob(null);
    assertThat(ended.extracted()).isEqualTo(1000);
    assertThat(ended.rowsPerSecond()).isNull();
    assertThat(ended.estimatedEnd()).isNull();
    Job resumedElsewhere = job(JobStatus.RUNNING, 300).toJob(null);
    assertThat(resumedElsewhere.extracted()).isEqualTo(300);
  }
}
