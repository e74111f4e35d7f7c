package dev.terrace.cli;

import dev.terrace.api.Job;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The bar {@code jobs submit --wait} draws on stderr from each state of the job it reads: the rows
 * whose values the service has read and those it has written, of the input's total (a job reads
 * them in tile order, then writes them in input order: each fills half the bar), and the service's
 * own pace and estimated end (it alone knows when its workers started). Redrawn in place; silent
 * when stderr is not a terminal.
 */
final class JobProgress {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean shown;
  private final Supplier<Instant> now;
  private boolean drawn;

  /**
   * @param now the clock the time left is counted on
   */
  JobProgress(PrintWriter err, boolean shown, Supplier<Instant> now) {
    this.err = err;
    this.shown = shown;
    this.now = now;
  }

  /** Draws a state read while waiting; the SDK reads them at most every 5 s. */
  void update(Job job) {
    if (shown) {
      err.print("\r" + line(job) + " ");
      err.flush();
      drawn = true;
    }
  }

  /** Ends the bar's line, so that what follows starts on its own. */
  void finish() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }

  /**
   * The bar of one state: {@code [#####.....] 50% 5,000 read, 0 written of 5,000 rows 1,200 rows/s
   * ETA 0:02 running}. The total is unknown until the service has read the input through once; the
   * bar stays empty until then.
   */
  String line(Job job) {
    Long total = job.total();
    double fraction =
        total == null || total == 0
            ? 0
            : Math.min(1, (double) (job.extracted() + job.processed()) / (2.0 * total));
    int filled = (int) Math.round(fraction * WIDTH);
    String eta =
        job.estimatedEnd() == null
            ? "--:--"
            : Progress.clock(Duration.between(now.get(), job.estimatedEnd()).toMillis() / 1e3);
    return String.format(
        Locale.ROOT,
        "[%s%s] %4s  %,d read, %,d written of %s rows  %s rows/s  ETA %s  %s",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        total == null ? "?" : String.format(Locale.ROOT, "%.0f%%", fraction * 100),
        job.extracted(),
        job.processed(),
        total == null ? "?" : String.format(Locale.ROOT, "%,d", total),
        job.rowsPerSecond() == null
            ? "-"
            : String.format(Locale.ROOT, "%,.0f", job.rowsPerSecond()),
        eta,
        job.status().wireName());
  }
}
