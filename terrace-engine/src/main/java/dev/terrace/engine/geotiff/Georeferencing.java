package dev.terrace.engine.geotiff;

import dev.terrace.engine.raster.AffineTransform;

/**
 * The pixel-to-CRS transform from the GeoTIFF model tags, with GDAL's conventions: ModelTransformation
 * wins over tiepoint + scale, a file with neither gets the identity, and PixelIsPoint rasters are shifted
 * by half a cell so that the transform always addresses cell corners.
 */
final class Georeferencing {

  private Georeferencing() {}

  static AffineTransform transform(Ifd ifd, GeoKeys keys) {
    AffineTransform t = fromTags(ifd);
    if (keys.code(GeoKeys.RASTER_TYPE) == GeoKeys.RASTER_PIXEL_IS_POINT) {
      t = new AffineTransform(
          t.x0() - 0.5 * (t.dxCol() + t.dxRow()), t.dxCol(), t.dxRow(),
          t.y0() - 0.5 * (t.dyCol() + t.dyRow()), t.dyCol(), t.dyRow());
    }
    return t;
  }

  private static AffineTransform fromTags(Ifd ifd) {
    double[] m = ifd.has(TiffTag.MODEL_TRANSFORMATION) ? ifd.doubles(TiffTag.MODEL_TRANSFORMATION) : null;
    if (m != null && m.length >= 16) {
      return new AffineTransform(m[3], m[0], m[1], m[7], m[4], m[5]);
    }
    double[] tie = ifd.has(TiffTag.MODEL_TIEPOINT) ? ifd.doubles(TiffTag.MODEL_TIEPOINT) : null;
    double[] scale = ifd.has(TiffTag.MODEL_PIXEL_SCALE) ? ifd.doubles(TiffTag.MODEL_PIXEL_SCALE) : null;
    if (tie != null && tie.length >= 6 && scale != null && scale.length >= 2) {
      double sx = scale[0];
      double sy = scale[1];
      return new AffineTransform(tie[3] - tie[0] * sx, sx, 0, tie[4] + tie[1] * sy, 0, -sy);
    }
    return new AffineTransform(0, 1, 0, 0, 0, 1);
  }
}
