package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How {@code jobs.results} writes a job's rows. */
public enum JobResultsFormat {
  /** A {@link JobRow} as JSON per line, {@code application/x-ndjson}. */
  NDJSON("application/x-ndjson"),
  /**
   * A header, then a line per row and result: the input's columns, {@code row}, {@code dataset_id},
   * {@code timestamp}, {@code value}, {@code quality}, {@code coverage_fraction}, {@code
   * pixel_count}, {@code error}; {@code text/csv}.
   */
  CSV("text/csv"),
  /**
   * A FeatureCollection, a feature per row: its geometry, and as properties the input's columns,
   * {@code row}, {@code results} (as in {@link JobRow}) and {@code error}; {@code
   * application/geo+json}.
   */
  GEOJSON("application/geo+json");

  private final String mediaType;

  JobResultsFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  /**
   * The media type.
   *
   * @return the media type the rows are sent as
   */
  public String mediaType() {
    return mediaType;
  }

  /**
   * The name on the wire.
   *
   * @return the wire name, lower case
   */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a wire name.
   *
   * @param name {@code ndjson}, {@code csv} or {@code geojson}
   * @return the format
   * @throws IllegalArgumentException for any other name
   */
  @JsonCreator
  public static JobResultsFormat of(String name) {
    for (JobResultsFormat f : values()) {
      if (f.wireName().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "Unknown results format '" + name + "'; expected one of: ndjson, csv, geojson");
  }
}
