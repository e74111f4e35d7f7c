package dev.terrace.engine.internal.geotiff;

import java.util.Map;

/**
 * The names the GeoTIFF specification gives its keys, so that messages say which keys a file holds.
 */
final class GeoKeyNames {

  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(1024, "GTModelTypeGeoKey"),
          Map.entry(1025, "GTRasterTypeGeoKey"),
          Map.entry(1026, "GTCitationGeoKey"),
          Map.entry(2048, "GeographicTypeGeoKey"),
          Map.entry(2049, "GeogCitationGeoKey"),
          Map.entry(2050, "GeogGeodeticDatumGeoKey"),
          Map.entry(2051, "GeogPrimeMeridianGeoKey"),
          Map.entry(2052, "GeogLinearUnitsGeoKey"),
          Map.entry(2053, "GeogLinearUnitSizeGeoKey"),
          Map.entry(2054, "GeogAngularUnitsGeoKey"),
          Map.entry(2055, "GeogAngularUnitSizeGeoKey"),
          Map.entry(2056, "GeogEllipsoidGeoKey"),
          Map.entry(2057, "GeogSemiMajorAxisGeoKey"),
          Map.entry(2058, "GeogSemiMinorAxisGeoKey"),
          Map.entry(2059, "GeogInvFlatteningGeoKey"),
          Map.entry(2060, "GeogAzimuthUnitsGeoKey"),
          Map.entry(2061, "GeogPrimeMeridianLongGeoKey"),
          Map.entry(2062, "GeogTOWGS84GeoKey"),
          Map.entry(3072, "ProjectedCSTypeGeoKey"),
          Map.entry(3073, "PCSCitationGeoKey"),
          Map.entry(3074, "ProjectionGeoKey"),
          Map.entry(3075, "ProjCoordTransGeoKey"),
          Map.entry(3076, "ProjLinearUnitsGeoKey"),
          Map.entry(3077, "ProjLinearUnitSizeGeoKey"),
          Map.entry(3078, "ProjStdParallel1GeoKey"),
          Map.entry(3079, "ProjStdParallel2GeoKey"),
          Map.entry(3080, "ProjNatOriginLongGeoKey"),
          Map.entry(3081, "ProjNatOriginLatGeoKey"),
          Map.entry(3082, "ProjFalseEastingGeoKey"),
          Map.entry(3083, "ProjFalseNorthingGeoKey"),
          Map.entry(3084, "ProjFalseOriginLongGeoKey"),
          Map.entry(3085, "ProjFalseOriginLatGeoKey"),
          Map.entry(3086, "ProjFalseOriginEastingGeoKey"),
          Map.entry(3087, "ProjFalseOriginNorthingGeoKey"),
          Map.entry(3088, "ProjCenterLongGeoKey"),
          Map.entry(3089, "ProjCenterLatGeoKey"),
          Map.entry(3090, "ProjCenterEastingGeoKey"),
          Map.entry(3091, "ProjCenterNorthingGeoKey"),
          Map.entry(3092, "ProjScaleAtNatOriginGeoKey"),
          Map.entry(3093, "ProjScaleAtCenterGeoKey"),
          Map.entry(3094, "ProjAzimuthAngleGeoKey"),
          Map.entry(3095, "ProjStraightVertPoleLongGeoKey"),
          Map.entry(3096, "ProjRectifiedGridAngleGeoKey"),
          Map.entry(4096, "VerticalCSTypeGeoKey"),
          Map.entry(4097, "VerticalCitationGeoKey"),
          Map.entry(4098, "VerticalDatumGeoKey"),
          Map.entry(4099, "VerticalUnitsGeoKey"));

  private GeoKeyNames() {}

  /**
   * @return the key's name, or {@code "GeoKey"} for one the specification does not define
   */
  static String name(int key) {
    return NAMES.getOrDefault(key, "GeoKey");
  }
}
