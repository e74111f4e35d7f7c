package dev.terrace.engine.internal.extract;

/**
 * How covered cells are judged beyond the pixel rule: the request's {@code min_coverage_frac} and
 * {@code default_value}, as exactextract names them.
 *
 * @param minCoverage cells of a polygon covered less than this (a fraction in [0, 1]) are skipped:
 *     neither valid nor missing; 0 keeps every covered cell
 * @param defaultValue the value a cell inside the raster that holds no data is read as, or NaN to
 *     leave it missing
 */
record CellRules(double minCoverage, double defaultValue) {

  /** What a request without either option asks for: every covered cell, nodata left missing. */
  static final CellRules NONE = new CellRules(0, Double.NaN);

  static CellRules of(Double minCoverage, Double defaultValue) {
    if (minCoverage == null && defaultValue == null) {
      return NONE;
    }
    return new CellRules(
        minCoverage == null ? 0 : minCoverage, defaultValue == null ? Double.NaN : defaultValue);
  }

  /**
   * @return whether cells are read as without options, so that readers can keep to their plain loop
   */
  boolean isNone() {
    return minCoverage <= 0 && Double.isNaN(defaultValue);
  }

  /**
   * @return whether cells without data are read as {@link #defaultValue}
   */
  boolean fillsNodata() {
    return !Double.isNaN(defaultValue);
  }
}
