package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.internal.io.FileByteSource;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.PixelLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transverse Mercator is PROJ's exact series (as GDAL computes it), not proj4j's old {@code tmerc}
 * series: points 1°, 3° and 10° from the central meridian land within a micrometre of PROJ's
 * coordinates, whether the TM CRS is a raster's (an EPSG code in its GeoKeys) or a request's.
 * Answers from {@code tm/make_tm.py}.
 */
class TransverseMercatorParityTest {

  private static Terrace terrace;

  @BeforeAll
  static void open(@TempDir Path dir) throws Exception {
    String datasets =
        points()
            .map(a -> (Map<?, ?>) ((Named<?>) a.get()[0]).getPayload())
            .map(p -> (String) p.get("fine_file"))
            .distinct()
            .map(
                f -> {
                  try {
                    return "{\"name\":\""
                        + f.replace(".tif", "")
                        + "\",\"path\":"
                        + new ObjectMapper().writeValueAsString(Fixtures.file("tm/" + f).toString())
                        + "}";
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .collect(Collectors.joining(","));
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(
        catalog,
        "{\"providers\":[{\"slug\":\"tm\",\"protocol\":\"cog\",\"datasets\":[" + datasets + "]}]}");
    terrace = Terrace.embedded(catalog);
  }

  @AfterAll
  static void close() {
    terrace.close();
  }

  static Stream<Arguments> points() {
    return Fixtures.csv(Fixtures.file("tm/tm_points.csv")).stream()
        .map(
            p ->
                Arguments.of(
                    Named.of(
                        "EPSG:"
                            + p.get("code")
                            + ", "
                            + p.get("offset_deg")
                            + "° from the central meridian",
                        p)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void aRasterInATmCrsPlacesLonLatWhereProjDoes(Map<String, String> p) {
    try (GeoTiff tiff =
        GeoTiff.open(
            FileByteSource.open(Fixtures.file("tm/" + p.get("file"))),
            TileCache.shared(),
            Sidecars.none(),
            null)) {
      Grid grid = tiff.grid();
      double[] pixel =
          new PixelLocator(grid)
              .pixel(Double.parseDouble(p.get("lon")), Double.parseDouble(p.get("lat")));
      double x = grid.transform().x(pixel[0], pixel[1]);
      double y = grid.transform().y(pixel[0], pixel[1]);
      assertThat(x)
          .as("easting in %s", grid.crs().getParameterString())
          .isCloseTo(Double.parseDouble(p.get("x")), within(1e-6));
      assertThat(y)
          .as("northing in %s", grid.crs().getParameterString())
          .isCloseTo(Double.parseDouble(p.get("y")), within(1e-6));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void aPointGivenInATmCrsReadsTheCellGdalReads(Map<String, String> p) {
    Point point = Point.of(Double.parseDouble(p.get("x")), Double.parseDouble(p.get("y")));
    ExtractRequest request =
        ExtractRequest.builder()
            .geometry(point)
            .datasets("tm:" + p.get("fine_file").replace(".tif", ""))
            .crs("EPSG:" + p.get("code"))
            .build();
    Object value = terrace.extract(request).results().get(0).jsonValue();
    assertThat(value)
        .as("the 1e-8° cell holding PROJ's point")
        .isEqualTo(Double.parseDouble(p.get("fine_value")));
  }
}
