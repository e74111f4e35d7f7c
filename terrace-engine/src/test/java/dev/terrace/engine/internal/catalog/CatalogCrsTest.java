package dev.terrace.engine.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.raster.RasterFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset's {@code crs} supplies the CRS of a file that has none (a geotransform without GeoKeys)
 * or overrides the one it states, so such files stay usable; without it they are refused, not read
 * as WGS 84.
 */
class CatalogCrsTest {

  /** A point of {@code crs/points.csv} (GDAL's answer once EPSG:32633 is assigned): its value. */
  private static final double LON = 15.037537107687758;

  private static final double LAT = 49.96098738344009;

  @TempDir Path dir;

  private Path catalog(String crs) throws Exception {
    Files.copy(
        Path.of(getClass().getResource("/geotiff/crs/nocrs_utm33n_geotransform.tif").toURI()),
        dir.resolve("nocrs.tif"));
    return Files.writeString(
        dir.resolve("catalog.json"),
        """
        {"providers": [{"slug": "p", "protocol": "cog", "datasets": [{"name": "d", "path": "nocrs.tif"%s}]}]}
        """
            .formatted(crs == null ? "" : ", \"crs\": \"" + crs + "\""));
  }

  @Test
  void theCatalogsCrsPlacesAFileThatHasNone() throws Exception {
    try (Catalog catalog = Catalog.load(catalog("EPSG:32633"))) {
      assertThat(catalog.dataset("p:d").orElseThrow().raster().grid().crsName())
          .isEqualTo("EPSG:32633");
    }
    try (Terrace terrace = Terrace.embedded(dir.resolve("catalog.json"))) {
      var result =
          terrace
              .extract(
                  ExtractRequest.builder().geometry(Point.of(LON, LAT)).datasets("p:d").build())
              .results()
              .get(0);
      assertThat(result.number().getAsDouble()).isEqualTo(expectedValue());
    }
  }

  @Test
  void withoutItTheFileIsRefused() throws Exception {
    try (Catalog catalog = Catalog.load(catalog(null))) {
      assertThatThrownBy(() -> catalog.dataset("p:d").orElseThrow().raster())
          .isInstanceOf(RasterFormatException.class)
          .hasMessageContaining("has no CRS")
          .hasMessageContaining("\"crs\"");
    }
  }

  @Test
  void aCrsProj4jDoesNotKnowIsACatalogError() throws Exception {
    assertThatThrownBy(() -> Catalog.load(catalog("EPSG:999999")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("providers[0].datasets[0].crs");
    Files.delete(dir.resolve("nocrs.tif"));
    assertThatThrownBy(() -> Catalog.load(catalog("UTM 33")))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("must be an EPSG code");
  }

  @Test
  void crsIsOnlyForCogDatasets() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("tiles.json"),
            """
        {"providers": [{"slug": "p", "protocol": "cog_tiles", "datasets": [{"name": "d",
          "url_template": "{lat}{lon}.tif", "tile_degrees": 1, "crs": "EPSG:4326"}]}]}
        """);
    assertThatThrownBy(() -> Catalog.load(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("providers[0].datasets[0].crs")
        .hasMessageContaining("is for protocol cog");
  }

  private static double expectedValue() throws Exception {
    List<String> lines =
        Files.readAllLines(
            Path.of(CatalogCrsTest.class.getResource("/geotiff/crs/points.csv").toURI()));
    for (String line : lines) {
      String[] f = line.split(",", -1);
      if (f[0].equals("nocrs_utm33n_geotransform.tif")
          && Double.parseDouble(f[2]) == LON
          && Double.parseDouble(f[3]) == LAT) {
        return Double.parseDouble(f[11]);
      }
    }
    throw new AssertionError("point not in points.csv");
  }
}
