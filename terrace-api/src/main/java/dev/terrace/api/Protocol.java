package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a provider's rasters are reached.
 *
 * <p>On the wire as {@link #wireName()}; {@link #of(String)} reads it back, ignoring case.
 */
public enum Protocol {
  /** One GeoTIFF or Cloud-Optimized GeoTIFF, a local file or a URL. */
  COG("cog"),

  /** A global grid of COGs addressed by a URL template. */
  COG_TILES("cog_tiles"),

  /** A netCDF-3 file, typically a time series. */
  NETCDF("netcdf"),

  /** The items of a static STAC catalog, read as one mosaic per timestamp. */
  STAC("stac");

  private final String wireName;

  Protocol(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name used in JSON and on the command line.
   *
   * @return for example {@code "netcdf"}
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a wire name, ignoring case and surrounding blanks.
   *
   * @param value the wire name, for example {@code "cog"}
   * @return the constant
   * @throws IllegalArgumentException if {@code value} is null or unknown; the message lists the
   *     valid values
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Protocol of(String value) {
    return Wire.lookup(values(), Protocol::wireName, value, "protocol");
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
