package dev.terrace.engine.internal.rows;

import dev.terrace.api.JobInputFormat;
import java.io.IOException;
import java.nio.file.Path;

/** Opens an input file by its format. */
public final class RowSources {

  private RowSources() {}

  /**
   * @param layer the GeoPackage table to read, or null for its only one; refused for other formats
   * @throws IllegalArgumentException when the file is not what its format says, or a layer is named
   *     for a format without layers
   * @throws IOException when the file cannot be read
   */
  public static RowSource open(Path file, JobInputFormat format, String layer) throws IOException {
    if (layer != null && format != JobInputFormat.GEOPACKAGE) {
      throw new IllegalArgumentException(
          "layer is for a GeoPackage input, and this input is " + format.wireName());
    }
    return switch (format) {
      case CSV -> new CsvSource(file);
      case GEOJSON -> new GeoJsonSource(file);
      case NDJSON -> new NdjsonSource(file);
      case GEOPACKAGE -> new GeoPackageSource(file, layer);
    };
  }
}
