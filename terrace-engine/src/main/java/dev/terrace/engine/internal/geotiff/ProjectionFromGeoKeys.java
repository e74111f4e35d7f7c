package dev.terrace.engine.internal.geotiff;

import static dev.terrace.engine.internal.geotiff.GeoKeys.*;

/**
 * The projection part of a PROJ definition for a user-defined projected CRS, read from the GeoKeys
 * that hold its method (ProjCoordTransGeoKey) and parameters, with the key choices libgeotiff makes
 * when it hands the same keys to GDAL. Angular parameters are degrees (GDAL writes them so whatever
 * GeogAngularUnitsGeoKey says), false eastings and northings are in the CRS's linear unit.
 */
final class ProjectionFromGeoKeys {

  private final GeoKeys keys;
  private final double metresPerUnit;

  private ProjectionFromGeoKeys(GeoKeys keys, double metresPerUnit) {
    this.keys = keys;
    this.metresPerUnit = metresPerUnit;
  }

  /**
   * @param metresPerUnit the size of the linear unit, to turn false eastings into PROJ's metres
   * @return e.g. {@code +proj=tmerc +lat_0=0 ...}, or null when ProjectionGeoKey /
   *     ProjCoordTransGeoKey name a method proj4j cannot compute
   */
  static String of(GeoKeys keys, double metresPerUnit) {
    return new ProjectionFromGeoKeys(keys, metresPerUnit).projection();
  }

  private String projection() {
    int code = keys.code(PROJECTION);
    if (code >= 16001 && code <= 16060) {
      return "+proj=utm +zone=" + (code - 16000);
    }
    if (code >= 16101 && code <= 16160) {
      return "+proj=utm +zone=" + (code - 16100) + " +south";
    }
    double fe = first(FALSE_EASTING, FALSE_ORIGIN_EASTING, CENTER_EASTING) * metresPerUnit;
    double fn = first(FALSE_NORTHING, FALSE_ORIGIN_NORTHING, CENTER_NORTHING) * metresPerUnit;
    String falseOrigin = " +x_0=" + num(fe) + " +y_0=" + num(fn);
    double lat0 = first(NAT_ORIGIN_LAT, FALSE_ORIGIN_LAT, CENTER_LAT);
    double lon0 = first(NAT_ORIGIN_LONG, FALSE_ORIGIN_LONG, CENTER_LONG, STRAIGHT_VERT_POLE_LONG);
    double k = keys.number(SCALE_AT_NAT_ORIGIN, keys.number(SCALE_AT_CENTER, 1));
    String origin = " +lat_0=" + num(lat0) + " +lon_0=" + num(lon0);
    String parallels =
        " +lat_1="
            + num(keys.number(STD_PARALLEL_1, 0))
            + " +lat_2="
            + num(keys.number(STD_PARALLEL_2, 0));
    return switch (keys.code(PROJ_COORD_TRANS)) {
      case 1 -> "+proj=tmerc" + origin + " +k=" + num(k) + falseOrigin;
      case 3 -> obliqueMercator(" +no_uoff", falseOrigin);
      case 7 ->
          "+proj=merc +lon_0="
              + num(lon0)
              + (keys.has(STD_PARALLEL_1)
                  ? " +lat_ts=" + num(keys.number(STD_PARALLEL_1, 0))
                  : " +k=" + num(k))
              + falseOrigin;
      case 8 -> "+proj=lcc" + parallels + origin + falseOrigin;
      case 9 -> "+proj=lcc +lat_1=" + num(lat0) + origin + " +k_0=" + num(k) + falseOrigin;
      case 10 -> "+proj=laea" + origin + falseOrigin;
      case 11 -> "+proj=aea" + parallels + origin + falseOrigin;
      case 12 -> "+proj=aeqd" + origin + falseOrigin;
      case 13 -> "+proj=eqdc" + parallels + origin + falseOrigin;
      case 14 -> "+proj=stere" + origin + " +k=" + num(k) + falseOrigin;
      case 15 -> polarStereographic(lat0, falseOrigin, k);
      case 16 -> "+proj=sterea" + origin + " +k=" + num(k) + falseOrigin;
      case 17 -> "+proj=eqc +lat_ts=" + num(keys.number(STD_PARALLEL_1, 0)) + origin + falseOrigin;
      case 18 -> "+proj=cass" + origin + falseOrigin;
      case 19 -> "+proj=gnom" + origin + falseOrigin;
      // GDAL reads Miller and Van der Grinten on the authalic sphere, as PROJ's EPSG methods define
      // them.
      case 20 -> "+proj=mill +R_A" + origin + falseOrigin;
      case 21 -> "+proj=ortho" + origin + falseOrigin;
      case 22 -> "+proj=poly" + origin + falseOrigin;
      case 23 -> "+proj=robin +lon_0=" + num(lon0) + falseOrigin;
      case 24 -> "+proj=sinu +lon_0=" + num(lon0) + falseOrigin;
      case 25 -> "+proj=vandg +R_A +lon_0=" + num(lon0) + falseOrigin;
      case 26 -> "+proj=nzmg" + origin + falseOrigin;
      case 27 -> "+proj=tmerc +axis=wsu" + origin + " +k=" + num(k) + falseOrigin;
      case 28 ->
          "+proj=cea +lat_ts="
              + num(keys.number(STD_PARALLEL_1, 0))
              + " +lon_0="
              + num(lon0)
              + falseOrigin;
      case 9815 -> obliqueMercator("", falseOrigin);
      default -> null;
    };
  }

  /**
   * Hotine oblique Mercator: variant A (CT_ObliqueMercator, 3) measures false easting and northing
   * from the natural origin ({@code +no_uoff}), variant B (9815, libgeotiff's
   * CT_HotineObliqueMercatorAzimuthCenter) from the projection centre.
   */
  private String obliqueMercator(String variant, String falseOrigin) {
    double alpha = keys.number(AZIMUTH_ANGLE, 0);
    return "+proj=omerc"
        + variant
        + " +lat_0="
        + num(first(CENTER_LAT, NAT_ORIGIN_LAT))
        + " +lonc="
        + num(first(CENTER_LONG, NAT_ORIGIN_LONG))
        + " +alpha="
        + num(alpha)
        + " +gamma="
        + num(keys.number(RECTIFIED_GRID_ANGLE, alpha))
        + " +k="
        + num(keys.number(SCALE_AT_CENTER, keys.number(SCALE_AT_NAT_ORIGIN, 1)))
        + falseOrigin;
  }

  /**
   * GeoTIFF stores the latitude of true scale in the natural-origin latitude key (variant B) or a
   * scale factor with the origin at the pole (variant A); the pole itself follows from the sign.
   */
  private String polarStereographic(double latTs, String falseOrigin, double k) {
    double lon0 = first(STRAIGHT_VERT_POLE_LONG, NAT_ORIGIN_LONG, CENTER_LONG);
    String pole = " +lat_0=" + (latTs < 0 ? "-90" : "90") + " +lon_0=" + num(lon0);
    String scale = Math.abs(latTs) == 90 ? " +k_0=" + num(k) : " +lat_ts=" + num(latTs);
    return "+proj=stere" + pole + scale + falseOrigin;
  }

  private double first(int... candidates) {
    for (int key : candidates) {
      if (keys.has(key)) {
        return keys.number(key, 0);
      }
    }
    return 0;
  }

  /**
   * @return a number as PROJ reads it back exactly: integers plainly, others with 17 significant
   *     digits
   */
  static String num(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("parameter " + v + " is not a finite number");
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(java.util.Locale.ROOT, "%.17g", v)
            .replaceAll("0+$", "")
            .replaceAll("\\.$", "");
  }
}
