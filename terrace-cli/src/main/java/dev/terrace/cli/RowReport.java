package dev.terrace.cli;

import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.InputRow;
import java.util.HashSet;
import java.util.Set;

/**
 * What a batch tells on stderr about the rows it writes: the first {@link #REPORTED} failures with
 * their lines, and each distinct warning once, the first {@link #REPORTED} of them.
 */
final class RowReport {

  /**
   * Rows reported one by one on stderr; the rest are counted (each is in the output's error
   * column).
   */
  static final int REPORTED = 20;

  private final Progress progress;
  private final String rowName;
  // Each warning once: a slow source warns for every row it was not read for.
  private final Set<String> warned = new HashSet<>();
  private long failed;

  /**
   * @param rowName what the rows' {@link InputRow#line()} is: {@code "line"}, or a GeoPackage's
   *     {@code "rowid"}
   */
  RowReport(Progress progress, String rowName) {
    this.progress = progress;
    this.rowName = rowName;
  }

  /** Called for each row as it is written, in input order. */
  void row(InputRow r, Extraction.Outcome o) {
    if (o.error() != null && failed++ < REPORTED) {
      progress.message(
          r.geometry() == null ? r.error() : rowName + " " + r.line() + ": " + o.error());
    }
    if (o.response() != null) {
      o.response().warnings().stream()
          .filter(w -> warned.size() < REPORTED && warned.add(w))
          .forEach(w -> progress.message("warning: " + w));
    }
  }

  long failed() {
    return failed;
  }
}
