package dev.terrace.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The batch progress bar on stderr: rows done, rate and time left, redrawn in place at most four
 * times a second. Progress is measured in bytes of the input read, so that it needs no first pass
 * to count the rows. Silent when stderr is not a terminal.
 */
final class Progress {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final boolean shown;
  private final long totalBytes;
  private final long startBytes;
  private final long start = System.nanoTime();
  private long lastDrawn;
  private boolean drawn;

  /**
   * @param totalBytes the input's size
   * @param startBytes the bytes read before this run's first row (rows skipped by --resume)
   */
  Progress(PrintWriter err, boolean shown, long totalBytes, long startBytes) {
    this.err = err;
    this.shown = shown;
    this.totalBytes = Math.max(1, totalBytes);
    this.startBytes = startBytes;
  }

  void update(long rows, long bytes) {
    long now = System.nanoTime();
    if (!shown || now - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = now;
    draw(rows, bytes, now);
  }

  /** Draws the final state and ends the line. */
  void finish(long rows, long bytes) {
    if (shown) {
      draw(rows, bytes, System.nanoTime());
      err.println();
      err.flush();
    }
  }

  private void draw(long rows, long bytes, long now) {
    double seconds = (now - start) / 1e9;
    double fraction = Math.min(1, (double) bytes / totalBytes);
    int filled = (int) Math.round(fraction * WIDTH);
    double done = bytes - startBytes;
    String eta = done <= 0 ? "--:--" : clock(seconds * (totalBytes - bytes) / done);
    err.print(
        String.format(
            Locale.ROOT,
            "\r[%s%s] %3.0f%%  %,d rows  %,.0f rows/s  ETA %s ",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            fraction * 100,
            rows,
            seconds > 0 ? rows / seconds : 0.0,
            eta));
    err.flush();
    drawn = true;
  }

  /** Prints a line of its own: over the bar, which the next update redraws below it. */
  void message(String line) {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      drawn = false;
    }
    err.println(line);
    err.flush();
  }

  static String clock(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
