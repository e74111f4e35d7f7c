package dev.terrace.engine.geotiff;

import static dev.terrace.engine.geotiff.GeoKeys.*;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;

/**
 * Builds a proj4j CRS from GeoKeys: EPSG codes through proj4j's EPSG table, and user-defined CRSs (code
 * 32767) from their stored projection parameters, datum, ellipsoid and TOWGS84 — the way libgeotiff
 * turns the same keys into a PROJ definition for GDAL.
 */
final class CrsFromGeoKeys {

  private static final CRSFactory FACTORY = new CRSFactory();
  /** proj4j re-reads its EPSG table on every lookup (about 10 ms), so each code is looked up once. */
  private static final Map<Integer, CoordinateReferenceSystem> EPSG = new ConcurrentHashMap<>();

  /** EPSG ellipsoid codes to PROJ ellipsoid names, for user-defined datums. */
  private static final Map<Integer, String> ELLIPSOIDS = Map.ofEntries(
      Map.entry(7001, "airy"), Map.entry(7002, "mod_airy"), Map.entry(7003, "aust_SA"),
      Map.entry(7004, "bessel"), Map.entry(7008, "clrk66"), Map.entry(7012, "clrk80"),
      Map.entry(7019, "GRS80"), Map.entry(7022, "intl"), Map.entry(7024, "krass"),
      Map.entry(7030, "WGS84"), Map.entry(7043, "WGS72"));

  private static final Map<Integer, Double> LINEAR_UNITS = Map.of(9001, 1.0, 9002, 0.3048, 9003, 1200.0 / 3937);

  private final GeoKeys keys;

  private CrsFromGeoKeys(GeoKeys keys) {
    this.keys = keys;
  }

  /**
   * @return the CRS, or null when the keys describe none or one we cannot express (the raster is still
   *     readable in pixel space)
   */
  static CoordinateReferenceSystem build(GeoKeys keys) {
    if (keys.isEmpty()) {
      return null;
    }
    try {
      return new CrsFromGeoKeys(keys).build();
    } catch (Proj4jException | IllegalArgumentException | UnsupportedOperationException e) {
      return null;
    }
  }

  private CoordinateReferenceSystem build() {
    int model = keys.code(MODEL_TYPE);
    int pcs = keys.code(PROJECTED_CS_TYPE);
    if (model == 1 || (model == 0 && pcs > 0)) {
      if (pcs > 0 && pcs != USER_DEFINED) {
        return epsg(pcs);
      }
      String projection = projection();
      return projection == null ? null
          : FACTORY.createFromParameters("user-defined", projection + geographic() + units());
    }
    if (model == 2 || keys.has(GEOGRAPHIC_TYPE)) {
      int gcs = keys.code(GEOGRAPHIC_TYPE);
      if (gcs > 0 && gcs != USER_DEFINED) {
        return epsg(gcs);
      }
      return FACTORY.createFromParameters("user-defined", "+proj=longlat" + geographic());
    }
    return null;
  }

  private static CoordinateReferenceSystem epsg(int code) {
    return EPSG.computeIfAbsent(code, c -> FACTORY.createFromName("EPSG:" + c));
  }

  /** @return the datum part of a PROJ definition: {@code +datum=...} or {@code +ellps=... +towgs84=...} */
  private String geographic() {
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
    double pm = keys.number(PRIME_MERIDIAN_LONG, 0);
    if (pm != 0) {
      out.append(" +pm=").append(num(pm));
    }
    return out.toString();
  }

  private static String epsgDatum(int gcs) {
    String params = epsg(gcs).getParameterString();
    StringBuilder out = new StringBuilder();
    for (String p : params.trim().split("\\s+")) {
      if (p.startsWith("+datum=") || p.startsWith("+ellps=") || p.startsWith("+towgs84=") || p.startsWith("+a=")
          || p.startsWith("+b=") || p.startsWith("+rf=") || p.startsWith("+pm=") || p.startsWith("+nadgrids=")) {
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
      return " +a=" + num(a) + " +b=" + num(semiMinor);
    }
    return " +ellps=WGS84";
  }

  private String units() {
    int code = keys.code(PROJ_LINEAR_UNITS);
    double size = unitSize();
    if (code == 9001 || code == 0) {
      return " +units=m +no_defs";
    }
    return " +to_meter=" + num(size) + " +no_defs";
  }

  private double unitSize() {
    int code = keys.code(PROJ_LINEAR_UNITS);
    Double known = LINEAR_UNITS.get(code);
    return known != null ? known : keys.number(PROJ_LINEAR_UNIT_SIZE, 1);
  }

  /** @return the projection part of a PROJ definition, or null for a method we do not know */
  private String projection() {
    int code = keys.code(PROJECTION);
    if (code >= 16001 && code <= 16060) {
      return "+proj=utm +zone=" + (code - 16000);
    }
    if (code >= 16101 && code <= 16160) {
      return "+proj=utm +zone=" + (code - 16100) + " +south";
    }
    double fe = first(FALSE_EASTING, FALSE_ORIGIN_EASTING, CENTER_EASTING) * unitSize();
    double fn = first(FALSE_NORTHING, FALSE_ORIGIN_NORTHING, CENTER_NORTHING) * unitSize();
    String falseOrigin = " +x_0=" + num(fe) + " +y_0=" + num(fn);
    double lat0 = first(NAT_ORIGIN_LAT, FALSE_ORIGIN_LAT, CENTER_LAT);
    double lon0 = first(NAT_ORIGIN_LONG, FALSE_ORIGIN_LONG, CENTER_LONG, STRAIGHT_VERT_POLE_LONG);
    double k = keys.number(SCALE_AT_NAT_ORIGIN, keys.number(SCALE_AT_CENTER, 1));
    String origin = " +lat_0=" + num(lat0) + " +lon_0=" + num(lon0);
    return switch (keys.code(PROJ_COORD_TRANS)) {
      case 1 -> "+proj=tmerc" + origin + " +k=" + num(k) + falseOrigin;
      case 7 -> "+proj=merc +lon_0=" + num(lon0)
          + (keys.has(STD_PARALLEL_1) ? " +lat_ts=" + num(keys.number(STD_PARALLEL_1, 0)) : " +k=" + num(k))
          + falseOrigin;
      case 8 -> "+proj=lcc +lat_1=" + num(keys.number(STD_PARALLEL_1, 0)) + " +lat_2="
          + num(keys.number(STD_PARALLEL_2, 0)) + origin + falseOrigin;
      case 9 -> "+proj=lcc +lat_1=" + num(lat0) + origin + " +k_0=" + num(k) + falseOrigin;
      case 10 -> "+proj=laea" + origin + falseOrigin;
      case 11 -> "+proj=aea +lat_1=" + num(keys.number(STD_PARALLEL_1, 0)) + " +lat_2="
          + num(keys.number(STD_PARALLEL_2, 0)) + origin + falseOrigin;
      case 12 -> "+proj=aeqd" + origin + falseOrigin;
      case 14 -> "+proj=stere" + origin + " +k=" + num(k) + falseOrigin;
      case 15 -> polarStereographic(lat0, falseOrigin, k);
      case 16 -> "+proj=sterea" + origin + " +k=" + num(k) + falseOrigin;
      case 17 -> "+proj=eqc +lat_ts=" + num(keys.number(STD_PARALLEL_1, lat0)) + " +lon_0=" + num(lon0) + falseOrigin;
      case 18 -> "+proj=cass" + origin + falseOrigin;
      case 24 -> "+proj=sinu +lon_0=" + num(lon0) + falseOrigin;
      default -> null;
    };
  }

  /**
   * GeoTIFF stores the latitude of true scale in the natural-origin latitude key (variant B) or a scale
   * factor with the origin at the pole (variant A); the pole itself follows from the sign.
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

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.17g", v)
        .replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
