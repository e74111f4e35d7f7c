package dev.terrace.engine.internal.geotiff;

import java.util.HashMap;
import java.util.Map;

/**
 * The GeoKeyDirectory of a GeoTIFF: each key's value is a short, a run of GeoDoubleParams, or a run
 * of GeoAsciiParams. Malformed keys are dropped, as libgeotiff does, rather than failing the whole
 * file; a CRS that then cannot be built is reported by {@link CrsFromGeoKeys}.
 */
final class GeoKeys {

  static final int MODEL_TYPE = 1024;
  static final int RASTER_TYPE = 1025;
  static final int GT_CITATION = 1026;
  static final int GEOGRAPHIC_TYPE = 2048;
  static final int GEOG_CITATION = 2049;
  static final int GEODETIC_DATUM = 2050;
  static final int PRIME_MERIDIAN = 2051;
  static final int ANGULAR_UNITS = 2054;
  static final int ANGULAR_UNIT_SIZE = 2055;
  static final int ELLIPSOID = 2056;
  static final int SEMI_MAJOR_AXIS = 2057;
  static final int SEMI_MINOR_AXIS = 2058;
  static final int INV_FLATTENING = 2059;
  static final int PRIME_MERIDIAN_LONG = 2061;
  static final int TOWGS84 = 2062;
  static final int PROJECTED_CS_TYPE = 3072;
  static final int PCS_CITATION = 3073;
  static final int PROJECTION = 3074;
  static final int PROJ_COORD_TRANS = 3075;
  static final int PROJ_LINEAR_UNITS = 3076;
  static final int PROJ_LINEAR_UNIT_SIZE = 3077;
  static final int STD_PARALLEL_1 = 3078;
  static final int STD_PARALLEL_2 = 3079;
  static final int NAT_ORIGIN_LONG = 3080;
  static final int NAT_ORIGIN_LAT = 3081;
  static final int FALSE_EASTING = 3082;
  static final int FALSE_NORTHING = 3083;
  static final int FALSE_ORIGIN_LONG = 3084;
  static final int FALSE_ORIGIN_LAT = 3085;
  static final int FALSE_ORIGIN_EASTING = 3086;
  static final int FALSE_ORIGIN_NORTHING = 3087;
  static final int CENTER_LONG = 3088;
  static final int CENTER_LAT = 3089;
  static final int CENTER_EASTING = 3090;
  static final int CENTER_NORTHING = 3091;
  static final int SCALE_AT_NAT_ORIGIN = 3092;
  static final int SCALE_AT_CENTER = 3093;
  static final int AZIMUTH_ANGLE = 3094;
  static final int STRAIGHT_VERT_POLE_LONG = 3095;
  static final int RECTIFIED_GRID_ANGLE = 3096;

  static final int USER_DEFINED = 32767;
  static final int RASTER_PIXEL_IS_POINT = 2;

  private final Map<Integer, Object> values;

  private GeoKeys(Map<Integer, Object> values) {
    this.values = values;
  }

  static GeoKeys of(Ifd ifd) {
    long[] dir = ifd.longs(TiffTag.GEO_KEY_DIRECTORY);
    double[] doubles =
        ifd.has(TiffTag.GEO_DOUBLE_PARAMS) ? ifd.doubles(TiffTag.GEO_DOUBLE_PARAMS) : new double[0];
    String ascii = ifd.has(TiffTag.GEO_ASCII_PARAMS) ? ifd.ascii(TiffTag.GEO_ASCII_PARAMS) : "";
    Map<Integer, Object> values = new HashMap<>();
    if (dir != null && dir.length >= 4) {
      int n = (int) Math.min(dir[3], (dir.length - 4) / 4);
      for (int i = 0; i < n; i++) {
        int key = (int) dir[4 + 4 * i];
        int location = (int) dir[5 + 4 * i];
        int count = (int) dir[6 + 4 * i];
        int offset = (int) dir[7 + 4 * i];
        if (location == 0) {
          values.put(key, (double) offset);
        } else if (location == TiffTag.GEO_DOUBLE_PARAMS
            && offset >= 0
            && count > 0
            && offset + count <= doubles.length) {
          values.put(
              key,
              count == 1
                  ? (Object) doubles[offset]
                  : java.util.Arrays.copyOfRange(doubles, offset, offset + count));
        } else if (location == TiffTag.GEO_ASCII_PARAMS
            && offset >= 0
            && count >= 0
            && offset + count <= ascii.length()) {
          values.put(key, ascii.substring(offset, offset + count).replaceAll("\\|+$", ""));
        }
      }
    }
    return new GeoKeys(values);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * @return whether any key says something about the CRS; GDAL writes none at all for a
   *     georeferenced file without one, and the raster type and a bare citation describe no CRS
   *     either
   */
  boolean describesCrs() {
    return values.keySet().stream().anyMatch(k -> k != RASTER_TYPE && k != GT_CITATION);
  }

  /**
   * @return an ASCII key's text, or null when absent or not text
   */
  String text(int key) {
    return values.get(key) instanceof String s ? s : null;
  }

  /**
   * @return every key as {@code Name (id) = value}, in key order, for messages that must say what
   *     the file holds; long texts are cut short
   */
  String describe() {
    StringBuilder out = new StringBuilder();
    values.keySet().stream()
        .sorted()
        .forEach(
            k -> {
              Object v = values.get(k);
              String value =
                  v instanceof double[] a
                      ? java.util.Arrays.toString(a)
                      : v instanceof Double d && d == Math.rint(d)
                          ? Long.toString(d.longValue())
                          : v instanceof String s
                              ? "\"" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "\""
                              : String.valueOf(v);
              out.append(out.isEmpty() ? "" : ", ")
                  .append(GeoKeyNames.name(k))
                  .append(" (")
                  .append(k)
                  .append(") = ")
                  .append(value);
            });
    return out.toString();
  }

  boolean has(int key) {
    return values.get(key) instanceof Double || values.get(key) instanceof double[];
  }

  /**
   * @return a numeric key's (first) value, or {@code fallback} when absent or not numeric
   */
  double number(int key, double fallback) {
    Object v = values.get(key);
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof double[] a && a.length > 0) {
      return a[0];
    }
    return fallback;
  }

  int code(int key) {
    return (int) number(key, 0);
  }

  double[] numbers(int key) {
    Object v = values.get(key);
    return v instanceof double[] a ? a : v instanceof Double d ? new double[] {d} : null;
  }
}
