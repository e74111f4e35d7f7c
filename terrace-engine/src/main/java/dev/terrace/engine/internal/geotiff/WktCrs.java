package dev.terrace.engine.internal.geotiff;

import static dev.terrace.engine.internal.geotiff.ProjectionFromGeoKeys.num;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a WKT1 CRS, ESRI or OGC flavoured, into a proj4j CRS: a GEOGCS or a PROJCS whose projection
 * proj4j can compute. GDAL stores such text in PCSCitationGeoKey ({@code ESRI PE String =
 * PROJCS[...]}) when the GeoKeys cannot express a CRS, or for every CRS with {@code
 * GEOTIFF_KEYS_FLAVOR=ESRI_PE}.
 *
 * <p>Parameter and method names are compared folded (lower case, letters and digits), which makes
 * the ESRI and OGC spellings of most of them equal ({@code Central_Meridian} / {@code
 * central_meridian}). The datum shift is the WKT's TOWGS84, or its EPSG authority's; any other
 * datum but WGS 84 gets none, as PROJ does for a datum it cannot identify.
 */
final class WktCrs {

  private static final Set<String> WGS84_DATUMS =
      Set.of("wgs1984", "dwgs1984", "wgs84", "worldgeodeticsystem1984");

  private final Map<String, Double> params = new HashMap<>();
  private final String method;

  /** Whether the OGC axes say southing/westing (Krovak's original orientation). */
  private final boolean southWest;

  private WktCrs(WktNode projcs) {
    WktNode projection = projcs.child("PROJECTION");
    if (projection == null) {
      throw new IllegalArgumentException("PROJCS[\"" + projcs.name() + "\"] has no PROJECTION");
    }
    this.method = projection.name();
    for (WktNode p : projcs.children("PARAMETER")) {
      params.put(WktNode.fold(p.name()), p.number(1));
    }
    java.util.List<WktNode> axes = projcs.children("AXIS");
    this.southWest =
        !axes.isEmpty()
            && axes.get(0).values().size() > 1
            && axes.get(0).values().get(1) instanceof WktNode.Word w
            && w.text().equalsIgnoreCase("SOUTH");
  }

  /**
   * @param wkt the WKT text
   * @return the CRS with the unit of its geographic coordinates
   * @throws IllegalArgumentException if the text is not WKT1 or names a projection proj4j cannot
   *     compute
   */
  static FileCrs parse(String wkt) {
    WktNode root = WktParser.parse(wkt);
    if (root.is("GEOGCS")) {
      Integer code = epsgAuthority(root);
      double degrees = FileCrs.snap(Math.toDegrees(unit(root, Math.toRadians(1))));
      return FileCrs.inAngularUnit(
          code != null
              ? Proj4jCrs.epsg(code)
              : Proj4jCrs.define("+proj=longlat" + datum(root) + " +no_defs"),
          degrees);
    }
    if (!root.is("PROJCS")) {
      throw new IllegalArgumentException("WKT " + root.keyword() + " is not a PROJCS or GEOGCS");
    }
    Integer code = epsgAuthority(root);
    if (code != null) {
      return FileCrs.of(Proj4jCrs.epsg(code));
    }
    WktNode geogcs = root.child("GEOGCS");
    if (geogcs == null) {
      throw new IllegalArgumentException("PROJCS[\"" + root.name() + "\"] has no GEOGCS");
    }
    double metres = unit(root, 1);
    WktCrs projcs = new WktCrs(root);
    if (WktNode.fold(projcs.method).equals("mercatorauxiliarysphere")) {
      return FileCrs.of(Proj4jCrs.define(projcs.auxiliarySphere(metres)));
    }
    String projection = projcs.projection(metres);
    String units = metres == 1 ? " +units=m" : " +to_meter=" + num(metres);
    return Proj4jQuirks.define(projection + datum(geogcs) + units + " +no_defs");
  }

  private static Integer epsgAuthority(WktNode node) {
    WktNode authority = node.child("AUTHORITY");
    if (authority != null
        && authority.name().equalsIgnoreCase("EPSG")
        && authority.values().size() > 1) {
      Object code = authority.values().get(1);
      try {
        return code instanceof String s
            ? Integer.valueOf(s.trim())
            : code instanceof Double d ? d.intValue() : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * @return the size of the element's UNIT (metres or radians per unit), or {@code fallback}
   *     without one
   */
  private static double unit(WktNode node, double fallback) {
    WktNode unit = node.child("UNIT");
    double size = unit == null ? fallback : unit.number(1);
    if (!(size > 0) || Double.isInfinite(size)) {
      throw new IllegalArgumentException("UNIT[\"" + unit.name() + "\"] has size " + size);
    }
    return size;
  }

  /**
   * @return the ellipsoid, datum shift and prime meridian of a GEOGCS as PROJ parameters
   */
  private static String datum(WktNode geogcs) {
    WktNode datum = geogcs.child("DATUM");
    WktNode spheroid = datum == null ? null : datum.child("SPHEROID");
    if (spheroid == null) {
      throw new IllegalArgumentException(
          "GEOGCS[\"" + geogcs.name() + "\"] has no DATUM with a SPHEROID");
    }
    double a = spheroid.number(1);
    double rf = spheroid.number(2);
    // proj4j mishandles +rf, so the semi-minor axis is always given; rf 0 is a sphere.
    StringBuilder out =
        new StringBuilder(" +a=" + num(a) + " +b=" + num(rf == 0 ? a : a * (1 - 1 / rf)));
    WktNode towgs84 = datum.child("TOWGS84");
    if (towgs84 != null) {
      out.append(" +towgs84=");
      for (int i = 0; i < towgs84.values().size(); i++) {
        out.append(i == 0 ? "" : ",").append(num(towgs84.number(i)));
      }
    } else if (WGS84_DATUMS.contains(WktNode.fold(datum.name()))
        && a == 6378137
        && Math.abs(rf - 298.257223563) < 1e-9) {
      // Named as proj4j names it, so that lon/lat on it is recognised as WGS 84 itself.
      out.setLength(0);
      out.append(" +datum=WGS84");
    }
    WktNode primem = geogcs.child("PRIMEM");
    // Both flavours, as GDAL writes them, give the prime meridian in degrees whatever the angular
    // unit.
    if (primem != null && primem.number(1) != 0) {
      out.append(" +pm=").append(num(primem.number(1)));
    }
    return out.toString();
  }

  private String projection(double metres) {
    String falseOrigin =
        " +x_0="
            + num(get(0, "falseeasting") * metres)
            + " +y_0="
            + num(get(0, "falsenorthing") * metres);
    double lat0 = get(0, "latitudeoforigin", "latitudeofcenter", "latitudeofprojectioncentre");
    double lon0 =
        get(
            0,
            "centralmeridian",
            "longitudeofcenter",
            "longitudeoforigin",
            "longitudeofprojectioncentre");
    double k = get(1, "scalefactor", "scalefactoratprojectioncentre");
    String origin = " +lat_0=" + num(lat0) + " +lon_0=" + num(lon0);
    String parallels =
        " +lat_1="
            + num(get(lat0, "standardparallel1"))
            + " +lat_2="
            + num(get(get(lat0, "standardparallel1"), "standardparallel2"));
    return switch (WktNode.fold(method)) {
      case "transversemercator", "gausskruger" ->
          "+proj=tmerc" + origin + " +k=" + num(k) + falseOrigin;
      case "transversemercatorsouthorientated" ->
          "+proj=tmerc +axis=wsu" + origin + " +k=" + num(k) + falseOrigin;
      case "mercator1sp" -> "+proj=merc +lon_0=" + num(lon0) + " +k=" + num(k) + falseOrigin;
      case "mercator2sp", "mercator" ->
          "+proj=merc +lon_0="
              + num(lon0)
              + (params.containsKey("standardparallel1")
                  ? " +lat_ts=" + num(get(0, "standardparallel1"))
                  : " +k=" + num(k))
              + falseOrigin;
      case "lambertconformalconic1sp" ->
          "+proj=lcc +lat_1=" + num(lat0) + origin + " +k_0=" + num(k) + falseOrigin;
      case "lambertconformalconic2sp", "lambertconformalconic" ->
          "+proj=lcc" + parallels + origin + " +k_0=" + num(k) + falseOrigin;
      case "albersconicequalarea", "albers" -> "+proj=aea" + parallels + origin + falseOrigin;
      case "lambertazimuthalequalarea" -> "+proj=laea" + origin + falseOrigin;
      case "azimuthalequidistant" -> "+proj=aeqd" + origin + falseOrigin;
      case "equidistantconic" -> "+proj=eqdc" + parallels + origin + falseOrigin;
      case "stereographic" -> "+proj=stere" + origin + " +k=" + num(k) + falseOrigin;
      case "obliquestereographic", "doublestereographic" ->
          "+proj=sterea" + origin + " +k=" + num(k) + falseOrigin;
      case "polarstereographic" -> polarStereographic(lat0, lon0, k, falseOrigin);
      case "stereographicnorthpole", "stereographicsouthpole" ->
          "+proj=stere +lat_0="
              + (WktNode.fold(method).contains("south") ? "-90" : "90")
              + " +lat_ts="
              + num(get(lat0, "standardparallel1"))
              + " +lon_0="
              + num(lon0)
              + falseOrigin;
      case "equirectangular", "equidistantcylindrical", "platecarree" ->
          "+proj=eqc +lat_ts=" + num(get(0, "standardparallel1")) + origin + falseOrigin;
      case "cassinisoldner", "cassini" -> "+proj=cass" + origin + falseOrigin;
      case "sinusoidal" -> "+proj=sinu +lon_0=" + num(lon0) + falseOrigin;
      case "mollweide" -> "+proj=moll +lon_0=" + num(lon0) + falseOrigin;
      case "robinson" -> "+proj=robin +lon_0=" + num(lon0) + falseOrigin;
      case "millercylindrical" -> "+proj=mill +R_A +lon_0=" + num(lon0) + falseOrigin;
      case "vandergrinten", "vandergrinteni" ->
          "+proj=vandg +R_A +lon_0=" + num(lon0) + falseOrigin;
      case "gnomonic" -> "+proj=gnom" + origin + falseOrigin;
      case "orthographic" -> "+proj=ortho" + origin + falseOrigin;
      case "polyconic" -> "+proj=poly" + origin + falseOrigin;
      case "cylindricalequalarea", "behrmann" ->
          "+proj=cea +lat_ts="
              + num(get(0, "standardparallel1"))
              + " +lon_0="
              + num(lon0)
              + falseOrigin;
      case "newzealandmapgrid" -> "+proj=nzmg" + origin + falseOrigin;
      case "hotineobliquemercator",
          "hotineobliquemercatorazimuthnaturalorigin",
          "rectifiedskeworthomorphicnaturalorigin" ->
          obliqueMercator(" +no_uoff", lat0, lon0, k, falseOrigin);
      case "hotineobliquemercatorazimuthcenter",
          "rectifiedskeworthomorphiccenter",
          "obliquemercator" ->
          obliqueMercator("", lat0, lon0, k, falseOrigin);
      case "swissobliquecylindrical" -> "+proj=somerc" + origin + " +k_0=" + num(k) + falseOrigin;
      case "krovak" -> krovak(lat0, lon0, k, falseOrigin, southWest);
      default ->
          throw new IllegalArgumentException(
              "projection \"" + method + "\" is not one proj4j can compute");
    };
  }

  /**
   * ESRI's Web Mercator: WGS 84 longitudes and latitudes put on a sphere unchanged, as EPSG:3857
   * does; a whole definition, because its sphere replaces the GEOGCS's ellipsoid with no datum
   * shift.
   */
  private String auxiliarySphere(double metres) {
    if (get(0, "auxiliaryspheretype") != 0) {
      throw new IllegalArgumentException(
          "Mercator_Auxiliary_Sphere type "
              + get(0, "auxiliaryspheretype")
              + " is not supported (only 0, the sphere of the semi-major axis)");
    }
    return "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0="
        + num(get(0, "centralmeridian"))
        + " +k=1 +x_0="
        + num(get(0, "falseeasting") * metres)
        + " +y_0="
        + num(get(0, "falsenorthing") * metres)
        + (metres == 1 ? " +units=m" : " +to_meter=" + num(metres))
        + " +nadgrids=@null +wktext +no_defs";
  }

  /**
   * OGC WKT1 puts the latitude of true scale in latitude_of_origin, or 90 with a scale factor
   * (variant A).
   */
  private static String polarStereographic(double lat, double lon0, double k, String falseOrigin) {
    String pole = " +lat_0=" + (lat < 0 ? "-90" : "90") + " +lon_0=" + num(lon0);
    return "+proj=stere"
        + pole
        + (Math.abs(lat) == 90 ? " +k_0=" + num(k) : " +lat_ts=" + num(lat))
        + falseOrigin;
  }

  private String obliqueMercator(
      String variant, double lat0, double lon0, double k, String falseOrigin) {
    double alpha = get(0, "azimuth");
    double gamma = get(alpha, "rectifiedgridangle", "xyplanerotation");
    return "+proj=omerc"
        + variant
        + " +lat_0="
        + num(lat0)
        + " +lonc="
        + num(lon0)
        + " +alpha="
        + num(alpha)
        + " +gamma="
        + num(gamma)
        + " +k="
        + num(k)
        + falseOrigin;
  }

  /**
   * Krovak: PROJ's {@code krovak} is the east/north variant (ESRI writes it as X_Scale -1,
   * XY_Plane_Rotation 90; OGC with EAST/NORTH axes or none); the original south/west one (ESRI
   * without those parameters, OGC with SOUTH/WEST axes) needs {@code +axis=swu}. PROJ fixes the
   * pseudo standard parallel at 78.5 degrees.
   */
  private String krovak(double lat0, double lon0, double k, String falseOrigin, boolean southWest) {
    if (get(78.5, "pseudostandardparallel1") != 78.5) {
      throw new IllegalArgumentException(
          "Krovak with pseudo standard parallel "
              + get(0, "pseudostandardparallel1")
              + " is not supported (PROJ fixes it at 78.5)");
    }
    boolean esri = params.containsKey("xscale") || params.containsKey("xyplanerotation");
    double xScale = get(1, "xscale");
    double yScale = get(1, "yscale");
    double rotation = get(0, "xyplanerotation");
    boolean swu;
    if (!esri) {
      swu = southWest;
    } else if (xScale == -1 && yScale == 1 && rotation == 90) {
      swu = false;
    } else if (xScale == 1 && yScale == 1 && rotation == 0) {
      swu = true;
    } else {
      throw new IllegalArgumentException(
          "Krovak with X_Scale "
              + xScale
              + ", Y_Scale "
              + yScale
              + ", XY_Plane_Rotation "
              + rotation
              + " is not supported");
    }
    return "+proj=krovak"
        + (swu ? " +axis=swu" : "")
        + " +lat_0="
        + num(lat0)
        + " +lon_0="
        + num(lon0)
        + " +alpha="
        + num(get(0, "azimuth"))
        + " +k="
        + num(k)
        + falseOrigin;
  }

  /**
   * @return the first of the named parameters the WKT has, else {@code fallback}
   */
  private double get(double fallback, String... names) {
    for (String name : names) {
      Double v = params.get(name);
      if (v != null) {
        return v;
      }
    }
    return fallback;
  }
}
