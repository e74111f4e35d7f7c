package dev.terrace.engine.internal.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.engine.internal.raster.PixelLocator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * WKT1 in both flavours GDAL writes (OGC, and ESRI as in {@code ESRI PE String = ...}) becomes a
 * CRS that projects a WGS 84 point where PROJ projects it, reading the same text: within 1e-6 m, or
 * 1e-9 degrees.
 */
class WktCrsTest {

  /**
   * Methods proj4j computes otherwise than PROJ on an ellipsoid (see Proj4jQuirks): refused, not
   * approximated.
   */
  private static final Set<String> ELLIPSOIDAL_ONLY_IN_PROJ =
      Set.of("eqdc", "sinu", "ortho", "poly");

  static Stream<Arguments> cases() {
    return Fixtures.csv(Fixtures.file("crs/wkt_cases.csv")).stream()
        .map(c -> Arguments.of(Named.of(c.get("name") + " (" + c.get("flavour") + ")", c)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void projectsWhereProjProjects(Map<String, String> c) {
    if (ELLIPSOIDAL_ONLY_IN_PROJ.contains(c.get("name"))) {
      assertThatThrownBy(() -> WktCrs.parse(c.get("wkt")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("proj4j");
      return;
    }
    FileCrs file = WktCrs.parse(c.get("wkt"));
    CoordinateReferenceSystem crs = file.crs();
    double lon = Double.parseDouble(c.get("lon"));
    double lat = Double.parseDouble(c.get("lat"));
    double x = Double.parseDouble(c.get("x"));
    double y = Double.parseDouble(c.get("y"));
    if (crs.isGeographic()) {
      // PROJ gives the CRS's own unit; ours are degrees, related by the file's unit.
      var toFile = file.fromFile().inverse();
      assertThat(toFile.x(lon, lat)).isCloseTo(x, within(1e-9));
      assertThat(toFile.y(lon, lat)).isCloseTo(y, within(1e-9));
      return;
    }
    ProjCoordinate p =
        new CoordinateTransformFactory()
            .createTransform(PixelLocator.wgs84(), crs)
            .transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
    // Back into the file's coordinates, which the WKT defines.
    var toFile = file.fromFile().inverse();
    assertThat(toFile.x(p.x, p.y))
        .as("x via %s", crs.getParameterString())
        .isCloseTo(x, within(1e-6));
    assertThat(toFile.y(p.x, p.y))
        .as("y via %s", crs.getParameterString())
        .isCloseTo(y, within(1e-6));
  }

  @Test
  void brokenWktIsAnIllegalArgument() {
    assertThatThrownBy(() -> WktCrs.parse("PROJCS[\"x\",GEOGCS["))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WktCrs.parse("PROJCS[\"x\"] trailing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after the end");
    assertThatThrownBy(() -> WktCrs.parse("A[".repeat(100) + "1" + "]".repeat(100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nested deeper");
    assertThatThrownBy(() -> WktCrs.parse("VERT_CS[\"h\",VERT_DATUM[\"d\",2005]]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a PROJCS or GEOGCS");
  }

  @Test
  void anUnknownProjectionIsNamed() {
    String wkt =
        "PROJCS[\"x\",GEOGCS[\"g\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Two_Point_Equidistant\"],"
            + "UNIT[\"Meter\",1.0]]";
    assertThatThrownBy(() -> WktCrs.parse(wkt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Two_Point_Equidistant");
  }
}
