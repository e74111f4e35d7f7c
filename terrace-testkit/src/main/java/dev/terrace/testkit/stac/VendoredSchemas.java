package dev.terrace.testkit.stac;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON schemas that the validator needs, kept on the classpath under {@code schemas/} with each
 * file at its URL's host and path (see the README there for their sources and licences), and copied
 * to a folder so that the validator can read them in place of their URLs.
 */
final class VendoredSchemas {

  /** Where the schemas are on the classpath, relative to this class. */
  static final String RESOURCES = "schemas/";

  /** Each schema, as its URL without {@code https://}; also its path under {@link #RESOURCES}. */
  static final List<String> PATHS =
      List.of(
          "schemas.stacspec.org/v1.0.0/catalog-spec/json-schema/catalog.json",
          "schemas.stacspec.org/v1.0.0/collection-spec/json-schema/collection.json",
          "schemas.stacspec.org/v1.0.0/item-spec/json-schema/item.json",
          "schemas.stacspec.org/v1.0.0/item-spec/json-schema/basics.json",
          "schemas.stacspec.org/v1.0.0/item-spec/json-schema/datetime.json",
          "schemas.stacspec.org/v1.0.0/item-spec/json-schema/instrument.json",
          "schemas.stacspec.org/v1.0.0/item-spec/json-schema/licensing.json",
          "schemas.stacspec.org/v1.0.0/item-spec/json-schema/provider.json",
          "geojson.org/schema/Feature.json",
          "geojson.org/schema/Geometry.json",
          "stac-extensions.github.io/raster/v1.1.0/schema.json",
          "stac-extensions.github.io/classification/v1.1.0/schema.json",
          "stac-extensions.github.io/projection/v1.1.0/schema.json",
          "proj.org/schemas/v0.5/projjson.schema.json");

  private final Path folder;

  private VendoredSchemas(Path folder) {
    this.folder = folder;
  }

  /**
   * Copies the schemas to a new temporary folder, removed when the JVM exits.
   *
   * @throws UncheckedIOException if the folder cannot be written
   * @throws IllegalStateException if a schema is missing from the classpath
   */
  static VendoredSchemas extract() {
    try {
      Path folder = Files.createTempDirectory("terrace-stac-schemas");
      folder.toFile().deleteOnExit();
      for (String path : PATHS) {
        // deleteOnExit deletes in the reverse order of registration: files before their folders.
        Path dir = folder;
        for (Path name : Path.of(path).getParent()) {
          dir = dir.resolve(name);
          if (Files.notExists(dir)) {
            Files.createDirectory(dir);
            dir.toFile().deleteOnExit();
          }
        }
        Path target = dir.resolve(Path.of(path).getFileName());
        try (InputStream in = VendoredSchemas.class.getResourceAsStream(RESOURCES + path)) {
          if (in == null) {
            throw new IllegalStateException(
                "schema " + RESOURCES + path + " is not on the classpath");
          }
          Files.copy(in, target);
        }
        target.toFile().deleteOnExit();
      }
      return new VendoredSchemas(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the STAC schemas to a temporary folder", e);
    }
  }

  /**
   * @return the validator's {@code --schemaMap} value: {@code URL=file} for every schema, separated
   *     by {@code ;}
   */
  String schemaMap() {
    return PATHS.stream()
        .map(path -> "https://" + path + "=" + folder.resolve(path))
        .collect(Collectors.joining(";"));
  }
}
