package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.engine.internal.crs.ProjCrs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A user-defined ellipsoid with GRS 80's axes and TOWGS84 0,0,0 (the olinda DEM: UTM 25S as GDAL
 * writes a BOUNDCRS) shifts nothing, as in PROJ, so WGS 84 coordinates project as into EPSG:31985
 * (SIRGAS 2000 / UTM 25S). Converting through geocentric coordinates between the two ellipsoids
 * would move them by about 0.1 mm.
 */
class ZeroDatumShiftTest {

  @Test
  void grs80AxesWithAZeroTowgs84ProjectAsEpsg31985(@TempDir Path dir) throws Exception {
    // The engine's samples are in its jar, which the tests run on: copied out to be opened as a
    // file.
    Path file = dir.resolve("olinda_dem_utm25s.tif");
    try (InputStream in =
        getClass().getResourceAsStream("/dev/terrace/engine/samples/olinda_dem_utm25s.tif")) {
      Files.copy(in, file);
    }
    try (GeoTiff tiff = GeoTiff.open(file)) {
      CoordinateReferenceSystem crs = tiff.grid().crs();
      assertThat(crs.getParameterString()).contains("+ellps=GRS80");
      ProjCoordinate fromFile = project(crs);
      ProjCoordinate reference = project(ProjCrs.epsg(31985));
      assertThat(fromFile.x).isCloseTo(reference.x, within(1e-9));
      assertThat(fromFile.y).isCloseTo(reference.y, within(1e-9));
    }
  }

  /** A point in Olinda, 0.15° from the zone's central meridian and 8° from the equator. */
  private static ProjCoordinate project(CoordinateReferenceSystem to) {
    ProjCoordinate out = new ProjCoordinate();
    new CoordinateTransformFactory()
        .createTransform(ProjCrs.wgs84(), to)
        .transform(new ProjCoordinate(-34.85, -8.0), out);
    return out;
  }
}
