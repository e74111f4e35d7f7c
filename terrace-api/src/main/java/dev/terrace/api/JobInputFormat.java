package dev.terrace.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats a job's input may be streamed in, each known by its media type (the request's {@code
 * Content-Type}) and its file name extension.
 */
public enum JobInputFormat {
  /** A GeoJSON FeatureCollection; each feature's properties are carried to its row. */
  GEOJSON("application/geo+json", ".geojson"),
  /** One GeoJSON Feature per line (newline-delimited JSON). */
  NDJSON("application/x-ndjson", ".ndjson"),
  /**
   * CSV with a header, the geometry in {@code lon} and {@code lat} columns or a {@code wkt} column;
   * every column is carried to its row.
   */
  CSV("text/csv", ".csv"),
  /** A GeoPackage (one feature table, or the layer named), in longitude/latitude. */
  GEOPACKAGE("application/geopackage+sqlite3", ".gpkg");

  private final String mediaType;
  private final String extension;

  JobInputFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /**
   * The media type.
   *
   * @return the media type a streamed input is sent as
   */
  public String mediaType() {
    return mediaType;
  }

  /**
   * The extension.
   *
   * @return the file name extension, with its dot
   */
  public String extension() {
    return extension;
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
   * @param name {@code geojson}, {@code ndjson}, {@code csv} or {@code geopackage}
   * @return the format
   * @throws IllegalArgumentException for any other name
   */
  @JsonCreator
  public static JobInputFormat of(String name) {
    for (JobInputFormat f : values()) {
      if (f.wireName().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "Unknown input format '" + name + "'; expected one of: geojson, ndjson, csv, geopackage");
  }

  /**
   * The format of a media type, parameters ignored ({@code application/geo+json-seq} and {@code
   * application/ndjson} are NDJSON too). {@code application/json} is none: it is the type of a
   * {@code jobs.create} request itself.
   *
   * @param mediaType a {@code Content-Type}
   * @return the format, or empty for a media type that is none of them
   */
  public static Optional<JobInputFormat> ofMediaType(String mediaType) {
    String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "application/geo+json" -> Optional.of(GEOJSON);
      case "application/x-ndjson", "application/ndjson", "application/geo+json-seq" ->
          Optional.of(NDJSON);
      case "text/csv" -> Optional.of(CSV);
      case "application/geopackage+sqlite3", "application/geopackage+vnd.sqlite3" ->
          Optional.of(GEOPACKAGE);
      default -> Optional.empty();
    };
  }

  /**
   * The format of a file by its name's extension ({@code .json} is GeoJSON too).
   *
   * @param fileName a file name
   * @return the format, or empty for an extension that is none of them
   */
  public static Optional<JobInputFormat> ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return Optional.of(GEOJSON);
    }
    for (JobInputFormat f : values()) {
      if (lower.endsWith(f.extension)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
