package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The weight a covered cell carries in every statistic (exactextract's {@code coverage_weight}):
 * what {@code c}<sub>i</sub> is in {@code mean = Σ x·c / Σ c}, {@code count = Σ c} and the others.
 *
 * <p>On the wire as {@link #wireName()}; {@link #of(String)} reads it back, ignoring case.
 */
public enum CoverageWeight {
  /**
   * The cell's weight under the pixel rule: its covered fraction under {@code exact}, 1 otherwise
   * (the default).
   */
  FRACTION("fraction"),

  /** Every cell the pixel rule counts weighs 1, however little of it is covered. */
  NONE("none"),

  /**
   * The covered fraction times the cell's area in the raster's CRS units (x resolution × y
   * resolution).
   */
  AREA_CARTESIAN("area_cartesian"),

  /**
   * The covered fraction times the cell's area in square metres on a sphere of radius 6 378 137 m,
   * as exactextract computes it: what longitude/latitude grids need so that cells near the poles
   * weigh less. A dataset in a projected CRS answers {@code missing} with a warning naming {@code
   * area_cartesian}.
   */
  AREA_SPHERICAL_M2("area_spherical_m2");

  private final String wireName;

  CoverageWeight(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name used in JSON and on the command line.
   *
   * @return for example {@code "area_spherical_m2"}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a wire name, ignoring case and surrounding blanks.
   *
   * @param value the wire name, for example {@code "none"}
   * @return the constant
   * @throws IllegalArgumentException if {@code value} is null or unknown; the message lists the
   *     valid values
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CoverageWeight of(String value) {
    return Wire.lookup(values(), CoverageWeight::wireName, value, "coverage_weight");
  }

  /**
   * The wire name.
   *
   * @return {@link #wireName()}
   */
  @Override
  public String toString() {
    return wireName;
  }
}
