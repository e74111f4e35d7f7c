package dev.terrace.engine.internal.netcdf;

import dev.terrace.engine.internal.crs.ProjCrs;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;

/**
 * A proj4j CRS from a CF grid mapping variable's attributes, the way GDAL reads them: an {@code
 * epsg_code} if there is one, else the CF projection parameters and the ellipsoid (WGS 84 when none
 * is given). Covers transverse_mercator, lambert_conformal_conic, albers_conical_equal_area,
 * polar_stereographic, stereographic, mercator and lambert_azimuthal_equal_area.
 */
final class CfGridMapping {

  private static final CoordinateReferenceSystem WGS84 = ProjCrs.wgs84();

  private final Map<String, Object> attributes;

  private CfGridMapping(Map<String, Object> attributes) {
    this.attributes = attributes;
  }

  /**
   * The CRS of a variable's grid: EPSG:4326 for longitude/latitude coordinates (CF files rarely say
   * more), the grid mapping's CRS for projected ones.
   *
   * @param layout the variable's grid
   * @param attributes the file's attributes
   * @param variable the variable's name
   * @return the CRS, or null when the coordinates are projected and the grid mapping is missing or
   *     unknown
   */
  static CoordinateReferenceSystem crs(
      GridLayout layout, CfAttributes attributes, String variable) {
    if (layout.geographic()) {
      return WGS84;
    }
    if (!layout.projected()) {
      return null;
    }
    String xUnits =
        attributes.names().stream()
            .map(attributes::of)
            .filter(
                a ->
                    CfAttributes.text(a, "standard_name")
                        .filter("projection_x_coordinate"::equals)
                        .isPresent())
            .findFirst()
            .flatMap(a -> CfAttributes.text(a, "units"))
            .orElse("m");
    return CfAttributes.text(attributes.of(variable), "grid_mapping")
        .map(attributes::of)
        .map(mapping -> crs(mapping, xUnits))
        .orElse(null);
  }

  /**
   * @param attributes the grid mapping variable's attributes
   * @param xUnits the units of the projection x coordinate ({@code m} when unknown)
   * @return the CRS, or null when the mapping is missing, unknown or incomplete
   */
  static CoordinateReferenceSystem crs(Map<String, Object> attributes, String xUnits) {
    try {
      String code = CfAttributes.text(attributes, "epsg_code").orElse("");
      if (code.toUpperCase(Locale.ROOT).startsWith("EPSG:")) {
        return ProjCrs.epsg(Integer.parseInt(code.substring(5).trim()));
      }
      CfGridMapping mapping = new CfGridMapping(attributes);
      String projection = mapping.projection();
      if (projection == null) {
        return null;
      }
      String units =
          xUnits.equalsIgnoreCase("km")
                  || xUnits.equalsIgnoreCase("kilometre")
                  || xUnits.equalsIgnoreCase("kilometer")
              ? " +units=km"
              : " +units=m";
      return ProjCrs.define(
          "netCDF grid_mapping", projection + mapping.ellipsoid() + units + " +no_defs");
    } catch (Proj4jException | IllegalArgumentException | UnsupportedOperationException e) {
      return null;
    }
  }

  /**
   * @return the projection part of a PROJ definition, or null if the mapping is not one we know
   */
  private String projection() {
    String name =
        CfAttributes.text(attributes, "grid_mapping_name").orElse("").toLowerCase(Locale.ROOT);
    return switch (name) {
      case "transverse_mercator" ->
          "+proj=tmerc"
              + p("lat_0", "latitude_of_projection_origin")
              + p("lon_0", "longitude_of_central_meridian")
              + p("k", "scale_factor_at_central_meridian")
              + falseOrigin();
      case "lambert_conformal_conic" ->
          "+proj=lcc"
              + parallels()
              + p("lat_0", "latitude_of_projection_origin")
              + p("lon_0", "longitude_of_central_meridian")
              + falseOrigin();
      case "albers_conical_equal_area" ->
          "+proj=aea"
              + parallels()
              + p("lat_0", "latitude_of_projection_origin")
              + p("lon_0", "longitude_of_central_meridian")
              + falseOrigin();
      case "polar_stereographic" ->
          "+proj=stere"
              + p("lat_0", "latitude_of_projection_origin")
              + p("lon_0", "straight_vertical_longitude_from_pole")
              + p("lat_ts", "standard_parallel")
              + p("k_0", "scale_factor_at_projection_origin")
              + falseOrigin();
      case "stereographic" ->
          "+proj=stere"
              + p("lat_0", "latitude_of_projection_origin")
              + p("lon_0", "longitude_of_projection_origin")
              + p("k_0", "scale_factor_at_projection_origin")
              + falseOrigin();
      case "mercator" ->
          "+proj=merc"
              + p("lon_0", "longitude_of_projection_origin")
              + p("lat_ts", "standard_parallel")
              + p("k_0", "scale_factor_at_projection_origin")
              + falseOrigin();
      case "lambert_azimuthal_equal_area" ->
          "+proj=laea"
              + p("lat_0", "latitude_of_projection_origin")
              + p("lon_0", "longitude_of_projection_origin")
              + falseOrigin();
      default -> null;
    };
  }

  /**
   * @return {@code +lat_1} and, for secant cones, {@code +lat_2}, from {@code standard_parallel}
   */
  private String parallels() {
    List<Number> sp = CfAttributes.numbers(attributes, "standard_parallel");
    if (sp.isEmpty()) {
      throw new IllegalArgumentException("standard_parallel is missing");
    }
    return " +lat_1="
        + sp.get(0).doubleValue()
        + (sp.size() > 1 ? " +lat_2=" + sp.get(1).doubleValue() : "");
  }

  private String falseOrigin() {
    return p("x_0", "false_easting") + p("y_0", "false_northing");
  }

  /**
   * @return {@code " +key=value"}, or nothing when the attribute is absent
   */
  private String p(String key, String attribute) {
    OptionalDouble v = CfAttributes.number(attributes, attribute);
    return v.isPresent() ? " +" + key + "=" + v.getAsDouble() : "";
  }

  /**
   * @return the datum part: WGS 84 when the ellipsoid is WGS 84's or not given, else {@code +a +b}
   */
  private String ellipsoid() {
    OptionalDouble radius = CfAttributes.number(attributes, "earth_radius");
    OptionalDouble major = CfAttributes.number(attributes, "semi_major_axis");
    OptionalDouble inverseFlattening = CfAttributes.number(attributes, "inverse_flattening");
    OptionalDouble minor = CfAttributes.number(attributes, "semi_minor_axis");
    String towgs84 =
        CfAttributes.numbers(attributes, "towgs84").stream()
            .map(n -> String.valueOf(n.doubleValue()))
            .reduce((x, y) -> x + "," + y)
            .map(s -> " +towgs84=" + s)
            .orElse("");
    if (radius.isPresent()) {
      return " +a=" + radius.getAsDouble() + " +b=" + radius.getAsDouble() + towgs84;
    }
    if (major.isEmpty()) {
      return " +datum=WGS84";
    }
    if (major.getAsDouble() == 6378137
        && inverseFlattening.isPresent()
        && Math.abs(inverseFlattening.getAsDouble() - 298.257223563) < 1e-9
        && towgs84.isEmpty()) {
      return " +datum=WGS84";
    }
    double a = major.getAsDouble();
    double b = minor.isPresent() ? minor.getAsDouble() : a;
    if (inverseFlattening.isPresent() && inverseFlattening.getAsDouble() != 0) {
      // proj4j does not understand +rf (every point comes out NaN), so the flattening goes in as
      // the minor axis.
      b = a * (1 - 1 / inverseFlattening.getAsDouble());
    }
    return " +a=" + a + " +b=" + b + towgs84;
  }
}
