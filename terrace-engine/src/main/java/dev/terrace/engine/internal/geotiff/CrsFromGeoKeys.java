package dev.terrace.engine.internal.geotiff;

import static dev.terrace.engine.internal.geotiff.GeoKeys.*;
import static dev.terrace.engine.internal.geotiff.ProjectionFromGeoKeys.num;

import dev.terrace.engine.internal.raster.RasterFormatException;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a proj4j CRS from GeoKeys, as libgeotiff and GDAL read them: EPSG codes through proj4j's
 * EPSG table; user-defined CRSs (code 32767) from their stored projection method and parameters,
 * datum, ellipsoid, prime meridian and TOWGS84; and, when the keys name no code and no method, the
 * WKT GDAL leaves in a citation key ({@code ESRI PE String = ...}). A CRS it cannot build is
 * refused, never guessed.
 */
final class CrsFromGeoKeys {

  private static final String ESRI_PE = "ESRI PE String = ";

  /** EPSG ellipsoid codes to PROJ ellipsoid names, for user-defined datums. */
  private static final Map<Integer, String> ELLIPSOIDS =
      Map.ofEntries(
          Map.entry(7001, "airy"),
          Map.entry(7002, "mod_airy"),
          Map.entry(7003, "aust_SA"),
          Map.entry(7004, "bessel"),
          Map.entry(7008, "clrk66"),
          Map.entry(7012, "clrk80"),
          Map.entry(7019, "GRS80"),
          Map.entry(7022, "intl"),
          Map.entry(7024, "krass"),
          Map.entry(7030, "WGS84"),
          Map.entry(7043, "WGS72"));

  /** EPSG prime meridian codes to their longitude in degrees. */
  private static final Map<Integer, Double> PRIME_MERIDIANS =
      Map.ofEntries(
          Map.entry(8902, -9.0754862),
          Map.entry(8903, 2.33722917),
          Map.entry(8904, -74.08091667),
          Map.entry(8905, -3.687938889),
          Map.entry(8906, 12.45233333),
          Map.entry(8907, 7.439583333),
          Map.entry(8908, 106.8077194),
          Map.entry(8909, -17.66666667),
          Map.entry(8910, 4.367975),
          Map.entry(8911, 18.05827778),
          Map.entry(8912, 23.7163375),
          Map.entry(8913, 10.72291667));

  /** EPSG linear unit codes to metres, for the units GDAL writes as a code without a size. */
  private static final Map<Integer, Double> LINEAR_UNITS =
      Map.ofEntries(
          Map.entry(9001, 1.0),
          Map.entry(9002, 0.3048),
          Map.entry(9003, 1200.0 / 3937),
          Map.entry(9005, 0.3047972654),
          Map.entry(9014, 1.8288),
          Map.entry(9030, 1852.0),
          Map.entry(9031, 1.0000135965),
          Map.entry(9033, 20.11684023368047),
          Map.entry(9034, 0.2011684023368047),
          Map.entry(9035, 1609.347218694437),
          Map.entry(9036, 1000.0),
          Map.entry(9037, 0.9143917962),
          Map.entry(9038, 20.1166195164),
          Map.entry(9039, 0.201166195164),
          Map.entry(9040, 0.914398414616029),
          Map.entry(9041, 0.304799471538676),
          Map.entry(9042, 20.1167651215526),
          Map.entry(9043, 0.201167651215526),
          Map.entry(9050, 0.9143992),
          Map.entry(9051, 0.304799733333333),
          Map.entry(9060, 0.914399204289812),
          Map.entry(9070, 0.304800833333333),
          Map.entry(9080, 0.304799510248147),
          Map.entry(9081, 0.30479841),
          Map.entry(9082, 0.3047996),
          Map.entry(9083, 0.3047995),
          Map.entry(9084, 0.914398530744441),
          Map.entry(9093, 1609.344),
          Map.entry(9094, 0.304799710181509),
          Map.entry(9095, 0.3048007491),
          Map.entry(9096, 0.9144),
          Map.entry(9097, 20.1168),
          Map.entry(9098, 0.201168));

  private final GeoKeys keys;

  private CrsFromGeoKeys(GeoKeys keys) {
    this.keys = keys;
  }

  /**
   * @param keys the file's GeoKeys
   * @param where the file and IFD, for messages
   * @return the CRS and the unit of its coordinates; never null
   * @throws RasterFormatException if the keys describe no CRS, or one we cannot build; the message
   *     names the keys found and says how to supply the CRS
   */
  static FileCrs build(GeoKeys keys, String where) {
    if (!keys.describesCrs()) {
      throw new RasterFormatException(
          where
              + ": has no CRS: it is georeferenced but holds no GeoKeys saying in "
              + "which CRS"
              + (keys.isEmpty() ? "" : " (only " + keys.describe() + ")")
              + ". Set \"crs\" for it in the "
              + "catalog (e.g. \"EPSG:32633\"), or write one into the file: gdal_edit.py -a_srs EPSG:<code> file.tif");
    }
    FileCrs crs;
    try {
      crs = new CrsFromGeoKeys(keys).build();
    } catch (RuntimeException e) {
      // proj4j reports bad parameters with assorted unchecked exceptions; all mean the same here.
      throw unresolvable(where, keys, e.getMessage(), e);
    }
    if (crs == null) {
      throw unresolvable(where, keys, null, null);
    }
    return crs;
  }

  private static RasterFormatException unresolvable(
      String where, GeoKeys keys, String why, Throwable cause) {
    return new RasterFormatException(
        where
            + ": its CRS cannot be built from its GeoKeys"
            + (why == null ? "" : " (" + why + ")")
            + "; the file holds "
            + keys.describe()
            + ". Set \"crs\" for it in the catalog "
            + "(e.g. \"EPSG:32633\" or a PROJ string), or reproject it: gdalwarp -t_srs EPSG:<code> in.tif out.tif",
        cause);
  }

  private FileCrs build() {
    int model = keys.code(MODEL_TYPE);
    int pcs = keys.code(PROJECTED_CS_TYPE);
    int gcs = keys.code(GEOGRAPHIC_TYPE);
    if (pcs > 0 && pcs != USER_DEFINED) {
      return FileCrs.of(Proj4jCrs.epsg(pcs));
    }
    boolean projected =
        model == 1 || pcs == USER_DEFINED || keys.has(PROJ_COORD_TRANS) || keys.has(PROJECTION);
    if (projected) {
      String projection = ProjectionFromGeoKeys.of(keys, unitSize());
      if (projection != null) {
        return Proj4jQuirks.define(projection + geographic(1) + units());
      }
    }
    // A user-defined model is GDAL's sign that the keys could not hold the CRS and the citation
    // does; the
    // geographic code it may still write is then only the CRS's base.
    String wkt = citationWkt();
    if (wkt != null && (projected || model == USER_DEFINED)) {
      return WktCrs.parse(wkt);
    }
    if (projected) {
      return null;
    }
    if (gcs > 0 && gcs != USER_DEFINED) {
      return FileCrs.inAngularUnit(Proj4jCrs.epsg(gcs), Proj4jCrs.epsgDegreesPerUnit(gcs));
    }
    if (wkt != null) {
      return WktCrs.parse(wkt);
    }
    if (model == 2
        || gcs == USER_DEFINED
        || keys.has(GEODETIC_DATUM)
        || keys.has(ELLIPSOID)
        || keys.has(SEMI_MAJOR_AXIS)) {
      double degrees = angularUnit();
      return FileCrs.inAngularUnit(
          Proj4jCrs.define("+proj=longlat" + geographic(degrees) + " +no_defs"), degrees);
    }
    return null;
  }

  /**
   * @return the WKT GDAL stores in a citation key when the keys cannot hold the CRS, or null
   */
  private String citationWkt() {
    for (int key : new int[] {PCS_CITATION, GT_CITATION, GEOG_CITATION}) {
      String text = keys.text(key);
      if (text == null) {
        continue;
      }
      String t = text.strip();
      if (t.startsWith(ESRI_PE)) {
        return t.substring(ESRI_PE.length());
      }
      if (t.startsWith("PROJCS[") || t.startsWith("GEOGCS[")) {
        return t;
      }
    }
    return null;
  }

  /**
   * @return degrees per unit of a user-defined geographic CRS, from GeogAngularUnitsGeoKey
   */
  private double angularUnit() {
    int code = keys.code(ANGULAR_UNITS);
    return switch (code) {
      case 0, 9102, 9122 -> 1;
      case 9101 -> 180 / Math.PI;
      case 9103 -> 1.0 / 60;
      case 9104 -> 1.0 / 3600;
      case 9105, 9106 -> 0.9;
      case 9109 -> 180e-6 / Math.PI;
      case USER_DEFINED -> {
        double radians = keys.number(ANGULAR_UNIT_SIZE, 0);
        if (!(radians > 0) || Double.isInfinite(radians)) {
          throw new IllegalArgumentException(
              "GeogAngularUnitSizeGeoKey is " + radians + ", not a unit size");
        }
        yield FileCrs.snap(Math.toDegrees(radians));
      }
      default ->
          throw new IllegalArgumentException(
              "GeogAngularUnitsGeoKey " + code + " is not an angular unit coordinates can be in");
    };
  }

  /**
   * @param degreesPerUnit the unit of GeogPrimeMeridianLongGeoKey, which GDAL reads in the angular
   *     unit
   * @return the datum part of a PROJ definition: {@code +datum=...} or {@code +ellps=...
   *     +towgs84=...}
   */
  private String geographic(double degreesPerUnit) {
    StringBuilder out = new StringBuilder();
    int gcs = keys.code(GEOGRAPHIC_TYPE);
    int datum = keys.code(GEODETIC_DATUM);
    if (gcs > 0 && gcs != USER_DEFINED) {
      out.append(epsgDatum(gcs));
    } else if (datum >= 6001 && datum < 7000 && !keys.has(TOWGS84) && !keys.has(ELLIPSOID)) {
      // EPSG numbers a datum 6xxx and its geographic CRS 4xxx.
      out.append(epsgDatum(datum - 2000));
    } else {
      out.append(ellipsoid());
    }
    double[] towgs84 = keys.numbers(TOWGS84);
    if (towgs84 != null && !out.toString().contains("+towgs84")) {
      out.append(" +towgs84=");
      for (int i = 0; i < towgs84.length; i++) {
        out.append(i == 0 ? "" : ",").append(num(towgs84[i]));
      }
    }
    double pm =
        keys.has(PRIME_MERIDIAN_LONG)
            ? keys.number(PRIME_MERIDIAN_LONG, 0) * degreesPerUnit
            : PRIME_MERIDIANS.getOrDefault(keys.code(PRIME_MERIDIAN), 0.0);
    if (pm != 0 && !out.toString().contains("+pm=")) {
      out.append(" +pm=").append(num(pm));
    }
    return out.toString();
  }

  private static String epsgDatum(int gcs) {
    String params = Proj4jCrs.epsg(gcs).getParameterString();
    StringBuilder out = new StringBuilder();
    for (String p : params.trim().split("\\s+")) {
      if (p.startsWith("+datum=")
          || p.startsWith("+ellps=")
          || p.startsWith("+towgs84=")
          || p.startsWith("+a=")
          || p.startsWith("+b=")
          || p.startsWith("+rf=")
          || p.startsWith("+pm=")
          || p.startsWith("+nadgrids=")) {
        out.append(' ').append(p);
      }
    }
    return out.toString();
  }

  private String ellipsoid() {
    int code = keys.code(ELLIPSOID);
    if (ELLIPSOIDS.containsKey(code)) {
      return " +ellps=" + ELLIPSOIDS.get(code);
    }
    double a = keys.number(SEMI_MAJOR_AXIS, 0);
    if (a > 0) {
      double rf = keys.number(INV_FLATTENING, 0);
      double b = keys.number(SEMI_MINOR_AXIS, 0);
      // proj4j mishandles +rf, so the semi-minor axis is always given.
      double semiMinor = rf > 0 ? a * (1 - 1 / rf) : b > 0 ? b : a;
      return named(a, semiMinor)
          .map(name -> " +ellps=" + name)
          .orElse(" +a=" + num(a) + " +b=" + num(semiMinor));
    }
    if (code > 0 && code != USER_DEFINED) {
      throw new IllegalArgumentException(
          "GeogEllipsoidGeoKey " + code + " is not an ellipsoid we know");
    }
    return " +ellps=WGS84";
  }

  /**
   * proj4j takes a zero TOWGS84 for no datum shift, as PROJ does, only on an ellipsoid it knows by
   * name as WGS 84's or GRS 80's; on the same ellipsoid given by its axes it converts through
   * geocentric coordinates between the two, which moves points by a tenth of a millimetre (1e-6 of
   * a 90 m cell) for GRS 80. So the axes of those two are written as their names.
   *
   * @return "GRS80" or "WGS84" when the axes are theirs (the semi-minor axis to a micrometre), else
   *     empty
   */
  private static Optional<String> named(double a, double b) {
    if (a != 6378137) {
      return Optional.empty();
    }
    if (Math.abs(b - 6378137 * (1 - 1 / 298.257222101)) < 1e-6) {
      return Optional.of("GRS80");
    }
    if (Math.abs(b - 6378137 * (1 - 1 / 298.257223563)) < 1e-6) {
      return Optional.of("WGS84");
    }
    return Optional.empty();
  }

  private String units() {
    int code = keys.code(PROJ_LINEAR_UNITS);
    if (code == 9001 || code == 0) {
      return " +units=m +no_defs";
    }
    return " +to_meter=" + num(unitSize()) + " +no_defs";
  }

  private double unitSize() {
    int code = keys.code(PROJ_LINEAR_UNITS);
    Double known = LINEAR_UNITS.get(code);
    double size = known != null ? known : keys.number(PROJ_LINEAR_UNIT_SIZE, code == 0 ? 1 : 0);
    if (!(size > 0) || Double.isInfinite(size)) {
      throw new IllegalArgumentException(
          "ProjLinearUnitsGeoKey " + code + " is not a linear unit we know");
    }
    return size;
  }
}
