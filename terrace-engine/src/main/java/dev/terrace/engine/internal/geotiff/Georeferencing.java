package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.AffineTransform;
import dev.terrace.engine.internal.raster.RasterFormatException;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Where an image's cells are: the pixel-to-CRS transform from the GeoTIFF model tags, with GDAL's
 * conventions (ModelTransformation wins over tiepoint + scale; PixelIsPoint rasters are shifted by
 * half a cell so that the transform always addresses cell corners), and the CRS it maps into.
 * Nothing is assumed: a file without a geotransform, or with only ground control points or RPCs, is
 * refused rather than placed at 0, 0 in degrees.
 */
final class Georeferencing {

  /**
   * @param transform pixel to CRS coordinates, in degrees for a geographic CRS whatever the file's
   *     unit (see {@link FileCrs})
   * @param crs the CRS
   */
  record Placement(AffineTransform transform, CoordinateReferenceSystem crs) {}

  private Georeferencing() {}

  /**
   * @param ifd the image
   * @param keys its GeoKeys
   * @param crs the CRS to use instead of the file's (a catalog's {@code crs}), or null to read the
   *     file's
   * @return the transform and CRS
   * @throws RasterFormatException if the file has no geotransform, or no CRS we can build and none
   *     is given
   */
  static Placement place(Ifd ifd, GeoKeys keys, CoordinateReferenceSystem crs) {
    AffineTransform t = transform(ifd, keys);
    FileCrs file =
        crs == null
            ? CrsFromGeoKeys.build(keys, ifd.where())
            : crs.isGeographic()
                ? FileCrs.inAngularUnit(crs, givenDegreesPerUnit(crs))
                : FileCrs.of(crs);
    return new Placement(file.apply(t), file.crs());
  }

  /**
   * An EPSG code given for the file means what GDAL's {@code -a_srs} would: grads for the Paris
   * ones.
   */
  private static double givenDegreesPerUnit(CoordinateReferenceSystem crs) {
    String name = crs.getName();
    if (name != null && name.regionMatches(true, 0, "EPSG:", 0, 5)) {
      try {
        return Proj4jCrs.epsgDegreesPerUnit(Integer.parseInt(name.substring(5).trim()));
      } catch (NumberFormatException e) {
        return 1;
      }
    }
    return 1;
  }

  static AffineTransform transform(Ifd ifd, GeoKeys keys) {
    AffineTransform t = fromTags(ifd);
    if (keys.code(GeoKeys.RASTER_TYPE) == GeoKeys.RASTER_PIXEL_IS_POINT) {
      t =
          new AffineTransform(
              t.x0() - 0.5 * (t.dxCol() + t.dxRow()),
              t.dxCol(),
              t.dxRow(),
              t.y0() - 0.5 * (t.dyCol() + t.dyRow()),
              t.dyCol(),
              t.dyRow());
    }
    double det = t.dxCol() * t.dyRow() - t.dxRow() * t.dyCol();
    if (!(Double.isFinite(t.x0()) && Double.isFinite(t.y0()) && Double.isFinite(det) && det != 0)) {
      throw new RasterFormatException(
          ifd.where()
              + ": not georeferenced: its geotransform "
              + java.util.Arrays.toString(t.toGdal())
              + " is degenerate (cells of no size, or not numbers). "
              + "Georeference it again: gdal_translate -a_ullr <west> <north> <east> <south> -a_srs EPSG:<code> "
              + "in.tif out.tif");
    }
    return t;
  }

  private static AffineTransform fromTags(Ifd ifd) {
    double[] m =
        ifd.has(TiffTag.MODEL_TRANSFORMATION) ? ifd.doubles(TiffTag.MODEL_TRANSFORMATION) : null;
    if (m != null && m.length >= 16) {
      return new AffineTransform(m[3], m[0], m[1], m[7], m[4], m[5]);
    }
    double[] tie = ifd.has(TiffTag.MODEL_TIEPOINT) ? ifd.doubles(TiffTag.MODEL_TIEPOINT) : null;
    double[] scale =
        ifd.has(TiffTag.MODEL_PIXEL_SCALE) ? ifd.doubles(TiffTag.MODEL_PIXEL_SCALE) : null;
    if (tie != null && tie.length >= 6 && scale != null && scale.length >= 2) {
      double sx = scale[0];
      double sy = scale[1];
      return new AffineTransform(tie[3] - tie[0] * sx, sx, 0, tie[4] + tie[1] * sy, 0, -sy);
    }
    throw notGeoreferenced(ifd, tie);
  }

  /**
   * Names what the file has instead of a geotransform (GCPs, RPCs, or nothing) and what to do about
   * it.
   */
  private static RasterFormatException notGeoreferenced(Ifd ifd, double[] tiepoints) {
    int gcps = tiepoints == null ? 0 : tiepoints.length / 6;
    boolean rpcs = ifd.has(TiffTag.RPC_COEFFICIENTS);
    StringBuilder m = new StringBuilder(ifd.where()).append(": not georeferenced: ");
    if (gcps == 0 && !rpcs) {
      return new RasterFormatException(
          m.append(
                  "it has no ModelTransformation (34264) and no ModelTiepoint (33922)"
                      + " with ModelPixelScale (33550), so its cells have no place on Earth. Georeference it first: "
                      + "gdal_translate -a_ullr <west> <north> <east> <south> -a_srs EPSG:<code> in.tif out.tif")
              .toString());
    }
    m.append("it has no geotransform, only ");
    if (gcps > 0) {
      m.append(gcps)
          .append(gcps == 1 ? " ground control point" : " ground control points")
          .append(" (GCPs: ModelTiepoint without ModelPixelScale)");
    }
    if (rpcs) {
      m.append(gcps > 0 ? " and " : "")
          .append("rational polynomial coefficients (RPCs: RPCCoefficientTag 50844)");
    }
    m.append(", which place cells only after warping. Warp it onto a grid first: gdalwarp ")
        .append(rpcs ? "-rpc -to RPC_DEM=<dem.tif> " : "")
        .append("-t_srs EPSG:<code> in.tif out.tif");
    return new RasterFormatException(m.toString());
  }
}
