package dev.terrace.engine.internal.netcdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * CF grid mappings to proj4j CRSs. Each expected projected coordinate is PROJ's (GDAL 3.6 {@code
 * gdaltransform -s_srs EPSG:4326 -t_srs <the equivalent PROJ string> -output_xy}).
 */
class CfGridMappingTest {

  private static final CoordinateReferenceSystem WGS84 =
      new CRSFactory().createFromName("EPSG:4326");

  private static double[] project(CoordinateReferenceSystem crs, double lon, double lat) {
    ProjCoordinate out = new ProjCoordinate();
    new CoordinateTransformFactory()
        .createTransform(WGS84, crs)
        .transform(new ProjCoordinate(lon, lat), out);
    return new double[] {out.x, out.y};
  }

  @Test
  void lambertConformalConicWithTwoParallelsOnGrs80() {
    Map<String, Object> a =
        Map.of(
            "grid_mapping_name",
            "lambert_conformal_conic",
            "standard_parallel",
            new Object[] {33.0, 45.0},
            "latitude_of_projection_origin",
            39.0,
            "longitude_of_central_meridian",
            -96.0,
            "false_easting",
            0.0,
            "false_northing",
            0.0,
            "semi_major_axis",
            6378137.0,
            "inverse_flattening",
            298.257222101);
    // +proj=lcc +lat_1=33 +lat_2=45 +lat_0=39 +lon_0=-96 +ellps=GRS80: (-95, 38) ->
    // 87366.6724312292 -109926.260851539
    double[] p = project(CfGridMapping.crs(a, "m"), -95, 38);
    assertThat(p[0]).isCloseTo(87366.6724312292, within(0.01));
    assertThat(p[1]).isCloseTo(-109926.260851539, within(0.01));
  }

  @Test
  void albersEqualAreaDefaultsToWgs84() {
    Map<String, Object> a =
        Map.of(
            "grid_mapping_name",
            "albers_conical_equal_area",
            "standard_parallel",
            new Object[] {29.5, 45.5},
            "latitude_of_projection_origin",
            23.0,
            "longitude_of_central_meridian",
            -96.0);
    // +proj=aea +lat_1=29.5 +lat_2=45.5 +lat_0=23 +lon_0=-96 +datum=WGS84: (-100, 40) ->
    // -338390.587548508 1894100.14007904
    double[] p = project(CfGridMapping.crs(a, "m"), -100, 40);
    assertThat(p[0]).isCloseTo(-338390.587548508, within(0.01));
    assertThat(p[1]).isCloseTo(1894100.14007904, within(0.01));
  }

  @Test
  void polarStereographicWithAStandardParallel() {
    Map<String, Object> a =
        Map.of(
            "grid_mapping_name",
            "polar_stereographic",
            "latitude_of_projection_origin",
            90.0,
            "straight_vertical_longitude_from_pole",
            -45.0,
            "standard_parallel",
            70.0,
            "false_easting",
            0.0,
            "false_northing",
            0.0,
            "semi_major_axis",
            6378137.0,
            "inverse_flattening",
            298.257223563);
    // +proj=stere +lat_0=90 +lat_ts=70 +lon_0=-45 +datum=WGS84: (-40, 75) -> 142401.981162237
    // -1627662.0927012
    double[] p = project(CfGridMapping.crs(a, "m"), -40, 75);
    assertThat(p[0]).isCloseTo(142401.981162237, within(0.01));
    assertThat(p[1]).isCloseTo(-1627662.0927012, within(0.01));
  }

  @Test
  void lambertAzimuthalEqualAreaInKilometres() {
    Map<String, Object> a =
        Map.of(
            "grid_mapping_name",
            "lambert_azimuthal_equal_area",
            "latitude_of_projection_origin",
            52.0,
            "longitude_of_projection_origin",
            10.0,
            "false_easting",
            4321000.0,
            "false_northing",
            3210000.0);
    // +proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +datum=WGS84: (11, 53) ->
    // 4388138.60045392 3321736.46301363 m
    double[] p = project(CfGridMapping.crs(a, "km"), 11, 53);
    assertThat(p[0]).isCloseTo(4388.13860045392, within(1e-5));
    assertThat(p[1]).isCloseTo(3321.73646301363, within(1e-5));
  }

  @Test
  void anEpsgCodeWins() {
    Map<String, Object> a =
        Map.of("grid_mapping_name", "transverse_mercator", "epsg_code", "EPSG:32633");
    CoordinateReferenceSystem crs = CfGridMapping.crs(a, "m");
    assertThat(crs.getName()).isEqualTo("EPSG:32633");
    // (15, 45) -> 500000.000000001 4982950.40022655
    assertThat(project(crs, 15, 45)[1]).isCloseTo(4982950.40022655, within(0.01));
  }

  @Test
  void unknownOrIncompleteMappingsGiveNoCrs() {
    assertThat(CfGridMapping.crs(Map.of("grid_mapping_name", "rotated_latitude_longitude"), "m"))
        .isNull();
    assertThat(CfGridMapping.crs(Map.of(), "m")).isNull();
    // Lambert conformal conic needs its standard parallel(s).
    assertThat(CfGridMapping.crs(Map.of("grid_mapping_name", "lambert_conformal_conic"), "m"))
        .isNull();
  }
}
