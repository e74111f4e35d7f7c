package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Longitude/latitude to cell, on every point GDAL located: the sample rasters' point fixtures
 * (including the projected UTM, user-defined UTM and Albers rasters) and the CRS variants made for
 * this reader. Each point must land in GDAL's cell and read GDAL's value; points GDAL found outside
 * must be outside.
 */
class PixelLookupTest {

  static Stream<Arguments> points() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (String raster : List.of("L7_ETMs", "elev_lux", "lc", "olinda_dem_utm25s")) {
      for (Map<String, String> p :
          Fixtures.csv(Fixtures.file("data/" + raster + "_points_expected.csv"))) {
        out.add(point("data/" + raster + ".tif", p));
      }
    }
    for (Map<String, String> p : Fixtures.csv(Fixtures.file("points.csv"))) {
      out.add(point(p.get("file"), p));
    }
    return out.stream();
  }

  private static Arguments point(String file, Map<String, String> p) {
    String label =
        file
            + " #"
            + p.getOrDefault("id", "")
            + " band "
            + p.getOrDefault("band", "1")
            + " ("
            + p.get("lon")
            + ", "
            + p.get("lat")
            + ")";
    return Arguments.of(Named.of(label, file), p);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void lonLatFindsGdalsCellAndValue(String file, Map<String, String> expected) {
    Path path = Fixtures.file(file);
    assertThat(Files.exists(path)).isTrue();
    try (GeoTiff tiff = GeoTiff.open(path)) {
      PixelLocator locator = new PixelLocator(tiff.grid());
      double lon = Double.parseDouble(expected.get("lon"));
      double lat = Double.parseDouble(expected.get("lat"));
      double[] pixel = locator.pixel(lon, lat);
      assertThat(pixel[0])
          .as("col_f")
          .isCloseTo(Double.parseDouble(expected.get("col_f")), within(1e-3));
      assertThat(pixel[1])
          .as("row_f")
          .isCloseTo(Double.parseDouble(expected.get("row_f")), within(1e-3));

      Window cell = locator.cell(lon, lat);
      if (expected.get("row").isEmpty()) {
        assertThat(cell).as("outside the raster").isNull();
        return;
      }
      assertThat(cell.col()).isEqualTo(Integer.parseInt(expected.get("col")));
      assertThat(cell.row()).isEqualTo(Integer.parseInt(expected.get("row")));
      int band = Integer.parseInt(expected.getOrDefault("band", "1"));
      double value = tiff.read(cell, band).get(0);
      if (expected.get("value").isEmpty()) {
        assertThat(tiff.band(band).isNodata(value)).as("nodata at %s", cell).isTrue();
      } else {
        assertThat(value).isEqualTo(Double.parseDouble(expected.get("value")));
      }
    }
  }
}
