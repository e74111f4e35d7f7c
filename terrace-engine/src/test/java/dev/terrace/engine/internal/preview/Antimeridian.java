package dev.terrace.engine.internal.preview;

import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An engine over {@code preview/antimeridian.tif} alone, as dataset {@code test:antimeridian}: 40 ×
 * 20 cells of 0.5° from 170° E to 170° W and 10° N to 10° S, value 100 + column, row 0's first five
 * cells nodata.
 */
final class Antimeridian {

  private Antimeridian() {}

  static Engine open(Path folder) throws IOException {
    try (InputStream in = Antimeridian.class.getResourceAsStream("/preview/antimeridian.tif")) {
      Files.copy(in, folder.resolve("antimeridian.tif"));
    }
    Path catalog =
        Files.writeString(
            folder.resolve("catalog.yaml"),
            """
            providers:
              - slug: test
                name: Across the antimeridian
                protocol: cog
                datasets:
                  - name: antimeridian
                    path: antimeridian.tif
            """);
    return Engine.open(Catalog.load(catalog), Limits.defaults());
  }
}
