package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which raster cells a geometry counts, and with what weight.
 *
 * <p>On the wire as {@link #wireName()}; {@link #of(String)} reads it back, ignoring case.
 */
public enum PixelRule {
  /**
   * Each cell weighted by the fraction of it the polygon covers (exactextract's semantics; the
   * default): a polygon smaller than a cell still gets a value. For a line, each cell weighted by
   * the length of line inside it, in cells (a diagonal across a cell weighs √2).
   */
  EXACT("exact"),

  /**
   * A cell counts, with weight 1, when its centre is inside the polygon (the rasterstats, GDAL,
   * terra and Sedona default). A centre exactly on an edge follows GDAL's scanline convention: a
   * scanline counts an edge on {@code [ymin, ymax)}, and a run between crossings {@code x1 < x2}
   * takes the centres in {@code (x1, x2]}. Overlapping parts of a MultiPolygon count their union
   * (GDAL burns them part by part), while a hole still cuts its own polygon. For a line, the cells
   * GDAL's rasterizer burns for it without {@code ALL_TOUCHED}, with weight 1.
   */
  CENTER("center"),

  /**
   * Every cell the polygon's interior or the line touches counts, with weight 1 (GDAL's {@code
   * ALL_TOUCHED=TRUE}). Where an edge runs exactly along a cell edge GDAL's answer depends on its
   * rounding; there this rule takes exactly the cells with positive {@link #EXACT} coverage.
   */
  ALL_TOUCHED("all_touched");

  private final String wireName;

  PixelRule(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name used in JSON and on the command line.
   *
   * @return for example {@code "all_touched"}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a wire name, ignoring case and surrounding blanks.
   *
   * @param value the wire name, for example {@code "exact"}
   * @return the constant
   * @throws IllegalArgumentException if {@code value} is null or unknown; the message lists the
   *     valid values
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static PixelRule of(String value) {
    return Wire.lookup(values(), PixelRule::wireName, value, "pixel_rule");
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
