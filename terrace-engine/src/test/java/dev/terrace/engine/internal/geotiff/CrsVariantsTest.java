package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.engine.internal.io.FileByteSource;
import dev.terrace.engine.internal.raster.AffineTransform;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.PixelLocator;
import dev.terrace.engine.internal.raster.Window;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * The CRS flavours GDAL writes (user-defined GeoKeys projections, ESRI PE strings, grads and
 * radians, a CRS given from outside) place every point where GDAL and PROJ place it: the same
 * coordinates in the file's CRS within 1e-6 m (1e-9 degrees), hence the same cell and value.
 * Answers from {@code crs/make_crs_variants.py}.
 */
class CrsVariantsTest {

  static Stream<Arguments> points() {
    return Fixtures.csv(Fixtures.file("crs/points.csv")).stream()
        .map(
            p ->
                Arguments.of(
                    Named.of(p.get("file") + " (" + p.get("lon") + ", " + p.get("lat") + ")", p)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("points")
  void lonLatLandsWhereGdalPutsIt(Map<String, String> p) {
    String given = p.get("crs_given");
    CoordinateReferenceSystem crs = given.isEmpty() ? null : new CRSFactory().createFromName(given);
    try (GeoTiff tiff =
        GeoTiff.open(
            FileByteSource.open(Fixtures.file("crs/" + p.get("file"))),
            TileCache.shared(),
            Sidecars.none(),
            crs)) {
      Grid grid = tiff.grid();
      assertThat(grid.crs()).as("a CRS that was built is never reported as null").isNotNull();
      double lon = Double.parseDouble(p.get("lon"));
      double lat = Double.parseDouble(p.get("lat"));

      double[] pixel = new PixelLocator(grid).pixel(lon, lat);
      // Our pixel taken back through GDAL's geotransform gives the coordinates in the file's CRS
      // and unit,
      // whatever proj4j needed to compute them (degrees for grads, a plain equidistant cylindrical,
      // ...).
      AffineTransform gdal =
          AffineTransform.ofGdal(
              IntStream.range(0, 6)
                  .mapToDouble(i -> Double.parseDouble(p.get("gt" + i)))
                  .toArray());
      double unit =
          p.get("degrees_per_unit").isEmpty() ? 1 : Double.parseDouble(p.get("degrees_per_unit"));
      double tolerance = grid.crs().isGeographic() ? 1e-9 / unit : 1e-6;
      assertThat(gdal.x(pixel[0], pixel[1]))
          .as("x in %s", grid.crs().getParameterString())
          .isCloseTo(Double.parseDouble(p.get("x")), within(tolerance));
      assertThat(gdal.y(pixel[0], pixel[1]))
          .as("y in %s", grid.crs().getParameterString())
          .isCloseTo(Double.parseDouble(p.get("y")), within(tolerance));
      assertThat(pixel[0]).as("col_f").isCloseTo(Double.parseDouble(p.get("col_f")), within(1e-6));
      assertThat(pixel[1]).as("row_f").isCloseTo(Double.parseDouble(p.get("row_f")), within(1e-6));

      Window cell = new PixelLocator(grid).cell(lon, lat);
      assertThat(cell).isNotNull();
      assertThat(cell.col()).isEqualTo(Integer.parseInt(p.get("col")));
      assertThat(cell.row()).isEqualTo(Integer.parseInt(p.get("row")));
      assertThat(tiff.read(cell, 1).get(0)).isEqualTo(Double.parseDouble(p.get("value")));
    }
  }
}
