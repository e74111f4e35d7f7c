package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.Job;
import dev.terrace.api.JobStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The bar of {@code jobs submit --wait}, drawn from the job's own progress on a fixed clock. */
class JobProgressTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private static Job job(
      JobStatus status, Long total, long processed, long extracted, Double rate, Instant eta) {
    return new Job(
        "job_01jf3q8m2d7zk4w9r6t0b5n1xh",
        status,
        NOW.minusSeconds(10),
        null,
        null,
        total,
        processed,
        extracted,
        0,
        rate,
        eta,
        null);
  }

  @Test
  void aRunningJobShowsItsShareRateAndTimeLeft() {
    JobProgress bar = new JobProgress(new PrintWriter(new StringWriter()), true, () -> NOW);
    assertThat(bar.line(job(JobStatus.RUNNING, 10_000L, 2_500, 7_500, 1200.4, NOW.plusSeconds(75))))
        .isEqualTo(
            "[###############...............]  50%  7,500 read, 2,500 written of 10,000 rows  1,200 rows/s  ETA 1:15  running");
    // while the values are read, before any row is written
    assertThat(bar.line(job(JobStatus.RUNNING, 10_000L, 0, 4_000, 900.0, NOW.plusSeconds(18))))
        .isEqualTo(
            "[######........................]  20%  4,000 read, 0 written of 10,000 rows  900 rows/s  ETA 0:18  running");
  }

  @Test
  void beforeTheInputIsReadTheTotalIsUnknown() {
    JobProgress bar = new JobProgress(new PrintWriter(new StringWriter()), true, () -> NOW);
    assertThat(bar.line(job(JobStatus.QUEUED, null, 0, 0, null, null)))
        .isEqualTo(
            "[..............................]    ?  0 read, 0 written of ? rows  - rows/s  ETA --:--  queued");
  }

  @Test
  void drawnInPlaceOnATerminalAndNotElsewhere() {
    StringWriter shown = new StringWriter();
    JobProgress bar = new JobProgress(new PrintWriter(shown), true, () -> NOW);
    bar.update(job(JobStatus.RUNNING, 4L, 2, 4, null, null));
    bar.update(job(JobStatus.SUCCEEDED, 4L, 4, 4, null, null));
    bar.finish();
    assertThat(shown.toString())
        .isEqualTo(
            "\r[#######################.......]  75%  4 read, 2 written of 4 rows  - rows/s  ETA --:--  running "
                + "\r[##############################] 100%  4 read, 4 written of 4 rows  - rows/s  ETA --:--  succeeded "
                + System.lineSeparator());

    StringWriter piped = new StringWriter();
    JobProgress silent = new JobProgress(new PrintWriter(piped), false, () -> NOW);
    silent.update(job(JobStatus.RUNNING, 4L, 2, 4, null, null));
    silent.finish();
    assertThat(piped.toString()).isEmpty();
  }
}
