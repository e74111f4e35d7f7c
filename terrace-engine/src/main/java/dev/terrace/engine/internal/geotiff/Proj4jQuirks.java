package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.AffineTransform;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.datum.Ellipsoid;

/**
 * Rewrites PROJ definitions that proj4j would compute differently from PROJ (and so from GDAL) into
 * equivalent ones it computes right, and refuses those it cannot compute right at all. Each case
 * was found by comparing proj4j with PROJ 9 on the same definition; see {@code crs/README.md} in
 * the tests. (Transverse Mercator is not here: every CRS the engine makes gets the exact series,
 * see ProjCrs.)
 */
final class Proj4jQuirks {

  private Proj4jQuirks() {}

  /**
   * @param definition a PROJ definition as PROJ reads it
   * @return the CRS, and how the file's coordinates map onto it
   * @throws IllegalArgumentException for a method proj4j computes only on a sphere, given an
   *     ellipsoid, or not as PROJ does at all
   */
  static FileCrs define(String definition) {
    Map<String, String> p = parse(definition);
    String proj = p.getOrDefault("proj", "");
    Ellipsoid e = Proj4jCrs.define(definition).getProjection().getEllipsoid();
    boolean sphere = e.getEccentricitySquared() == 0;
    switch (proj) {
      case "merc" -> {
        // Mercator variant B is variant A with this scale (EPSG Guidance Note 7-2); proj4j ignores
        // lat_ts.
        String latTs = p.remove("lat_ts");
        if (latTs != null) {
          double phi = Math.toRadians(Double.parseDouble(latTs));
          double sin = Math.sin(phi);
          p.put("k", num(Math.cos(phi) / Math.sqrt(1 - e.getEccentricitySquared() * sin * sin)));
        }
      }
      case "stere" -> {
        // A polar origin without lat_ts is variant A (true scale at the pole); proj4j would take
        // lat_ts 0.
        String lat0 = p.getOrDefault("lat_0", "0");
        if (!p.containsKey("lat_ts") && Math.abs(Double.parseDouble(lat0)) == 90) {
          p.put("lat_ts", lat0);
        }
      }
      case "mill", "vandg" -> {
        if (p.containsKey("R_A")) {
          authalicSphere(p, e);
        }
      }
      case "omerc" -> {
        if (!p.containsKey("no_uoff")) {
          return FileCrs.of(Proj4jCrs.define(join(centreOrigin(p))));
        }
      }
      case "eqc" -> {
        return equidistantCylindrical(p, e);
      }
      case "sinu", "ortho", "poly" -> {
        if (!sphere) {
          throw new IllegalArgumentException(
              "proj4j computes " + proj + " only on a sphere, not on this ellipsoid");
        }
      }
      case "eqdc" ->
          throw new IllegalArgumentException(
              "proj4j's equidistant conic does not compute what PROJ does");
      default -> {}
    }
    return FileCrs.of(Proj4jCrs.define(join(p)));
  }

  /**
   * PROJ's {@code +R_A}: the sphere of the ellipsoid's area, by PROJ's own series, in place of the
   * ellipsoid.
   */
  private static void authalicSphere(Map<String, String> p, Ellipsoid e) {
    if (p.containsKey("nadgrids")
        || (p.containsKey("towgs84") && !p.get("towgs84").matches("[0,.]*"))
        || (p.containsKey("datum") && !p.get("datum").equalsIgnoreCase("WGS84"))) {
      throw new IllegalArgumentException("+R_A with a datum shift is not supported");
    }
    double es = e.getEccentricitySquared();
    double r = e.getEquatorRadius() * (1 - es * (1.0 / 6 + es * (17.0 / 360 + es * 67.0 / 3024)));
    for (String k : new String[] {"R_A", "datum", "ellps", "a", "b", "rf", "towgs84"}) {
      p.remove(k);
    }
    // No datum: proj4j then takes latitudes as they come, as PROJ's ballpark does for this sphere.
    p.put("a", num(r));
    p.put("b", num(r));
  }

  /**
   * Hotine variant B measures the false origin from the projection centre; the same projection with
   * the origin at the natural origin (variant A, which proj4j computes right) differs by where the
   * centre lands.
   */
  private static Map<String, String> centreOrigin(Map<String, String> p) {
    Map<String, String> a = new LinkedHashMap<>(p);
    a.put("no_uoff", null);
    a.put("x_0", "0");
    a.put("y_0", "0");
    a.remove("to_meter");
    a.put("units", "m");
    CoordinateReferenceSystem natural = Proj4jCrs.define(join(a));
    ProjCoordinate centre =
        new CoordinateTransformFactory()
            .createTransform(natural.createGeographic(), natural)
            .transform(
                new ProjCoordinate(
                    Double.parseDouble(p.getOrDefault("lonc", "0")),
                    Double.parseDouble(p.getOrDefault("lat_0", "0"))),
                new ProjCoordinate());
    Map<String, String> out = new LinkedHashMap<>(p);
    out.put("no_uoff", null);
    out.put("x_0", num(Double.parseDouble(p.getOrDefault("x_0", "0")) - centre.x));
    out.put("y_0", num(Double.parseDouble(p.getOrDefault("y_0", "0")) - centre.y));
    return out;
  }

  /**
   * PROJ's equidistant cylindrical is x = a cos(lat_ts) lon + x_0, y = a (lat - lat_0) + y_0 in
   * metres; proj4j ignores lat_ts and lat_0, so its plain form (both 0, no false origin, metres) is
   * used and the file's coordinates are mapped onto it.
   */
  private static FileCrs equidistantCylindrical(Map<String, String> p, Ellipsoid e) {
    double cosTs = Math.cos(Math.toRadians(Double.parseDouble(p.getOrDefault("lat_ts", "0"))));
    double lat0 = Math.toRadians(Double.parseDouble(p.getOrDefault("lat_0", "0")));
    double x0 = Double.parseDouble(p.getOrDefault("x_0", "0"));
    double y0 = Double.parseDouble(p.getOrDefault("y_0", "0"));
    double unit = p.containsKey("to_meter") ? Double.parseDouble(p.get("to_meter")) : 1;
    if (p.containsKey("units") && !p.get("units").equals("m")) {
      throw new IllegalArgumentException(
          "equidistant cylindrical in units " + p.get("units") + " is not supported");
    }
    if (!(cosTs > 0)) {
      throw new IllegalArgumentException(
          "equidistant cylindrical with lat_ts " + p.get("lat_ts") + " has no scale");
    }
    for (String k : new String[] {"lat_ts", "lat_0", "x_0", "y_0", "to_meter"}) {
      p.remove(k);
    }
    p.put("units", "m");
    AffineTransform fromFile =
        new AffineTransform(
            -x0 / cosTs, unit / cosTs, 0, e.getEquatorRadius() * lat0 - y0, 0, unit);
    return new FileCrs(Proj4jCrs.define(join(p)), fromFile);
  }

  private static Map<String, String> parse(String definition) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String token : definition.trim().split("\\s+")) {
      if (token.startsWith("+")) {
        int eq = token.indexOf('=');
        out.put(
            eq < 0 ? token.substring(1) : token.substring(1, eq),
            eq < 0 ? null : token.substring(eq + 1));
      }
    }
    return out;
  }

  private static String join(Map<String, String> p) {
    StringBuilder out = new StringBuilder();
    p.forEach(
        (k, v) ->
            out.append(out.isEmpty() ? "" : " ")
                .append('+')
                .append(k)
                .append(v == null ? "" : "=" + v));
    return out.toString();
  }

  private static String num(double v) {
    return ProjectionFromGeoKeys.num(v);
  }
}
