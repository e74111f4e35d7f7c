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

  private static Job job(JobStatus status, Long total, long processed, Double rate, Instant eta) {
    return new Job(
        "job_01jf3q8m2d7zk4w9r6t0b5n1xh",
        status,
        NOW.minusSeconds(10),
        null,
        null,
        total,
        processed,
        0,
        rate,
        eta,
        null);
  }

  @Test
  void aRunningJobShowsItsShareRateAndTimeLeft() {
    JobProgress bar = new JobProgress(new PrintWriter(new StringWriter()), true, () -> NOW);
    assertThat(bar.line(job(JobStatus.RUNNING, 10_000L, 2_500, 1200.4, NOW.plusSeconds(75))))
        .isEqualTo(
            "[########......................]  25%  2,500 of 10,000 rows  1,200 rows/s  ETA 1:15  running");
  }

  @Test
  void beforeTheInputIsReadTheTotalIsUnknown() {
    JobProgress bar = new JobProgress(new PrintWriter(new StringWriter()), true, () -> NOW);
    assertThat(bar.line(job(JobStatus.QUEUED, null, 0, null, null)))
        .isEqualTo(
            "[..............................]    ?  0 of ? rows  - rows/s  ETA --:--  queued");
  }

  @Test
  void drawnInPlaceOnATerminalAndNotElsewhere() {
    StringWriter shown = new StringWriter();
    JobProgress bar = new JobProgress(new PrintWriter(shown), true, () -> NOW);
    bar.update(job(JobStatus.RUNNING, 4L, 2, null, null));
    bar.update(job(JobStatus.SUCCEEDED, 4L, 4, null, null));
    bar.finish();
    assertThat(shown.toString())
        .isEqualTo(
            "\r[###############...............]  50%  2 of 4 rows  - rows/s  ETA --:--  running "
                + "\r[##############################] 100%  4 of 4 rows  - rows/s  ETA --:--  succeeded "
                + System.lineSeparator());

    StringWriter piped = new StringWriter();
    JobProgress silent = new JobProgress(new PrintWriter(piped), false, () -> NOW);
    silent.update(job(JobStatus.RUNNING, 4L, 2, null, null));
    silent.finish();
    assertThat(piped.toString()).isEmpty();
  }
}
