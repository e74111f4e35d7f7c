package dev.terrace.testkit.tiff;

import java.util.List;

/** The GeoTIFF georeferencing tags and GDAL's nodata tag of an image. */
final class GeoTags {

  private GeoTags() {}

  /**
   * Adds ModelPixelScale and ModelTiepoint when the image is georeferenced, the GeoKeyDirectory
   * when it has a CRS, and GDAL_NODATA when {@code nodataText} is not null.
   */
  static void add(Spec s, String nodataText, List<TiffEntry> e) {
    if (s.georeferenced()) {
      e.add(TiffEntry.doubles(33550, s.cellWidth(), s.cellHeight(), 0));
      e.add(TiffEntry.doubles(33922, 0, 0, 0, s.x0(), s.y0(), 0));
    }
    if (s.modelType() != 0) {
      // Version 1.1.0, 3 keys: GTModelType, GTRasterType = PixelIsArea, and the CRS code.
      int crsKey = s.modelType() == 1 ? 3072 : 2048;
      e.add(
          TiffEntry.shorts(
              34735, 1, 1, 0, 3, 1024, 0, 1, s.modelType(), 1025, 0, 1, 1, crsKey, 0, 1, s.epsg()));
    }
    if (nodataText != null) {
      e.add(TiffEntry.ascii(42113, nodataText));
    }
  }

  /**
   * GDAL_NODATA as text that parses back to exactly the value a cell of {@code type} holds.
   *
   * @throws IllegalArgumentException if no cell of {@code type} holds {@code v}
   */
  static String nodataText(TiffSampleType type, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      if (!type.floatingPoint()) {
        throw new IllegalArgumentException("nodata " + v + " cannot be stored in " + type);
      }
      return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
    if (type == TiffSampleType.FLOAT32) {
      return Double.toString((float) v);
    }
    if (type == TiffSampleType.FLOAT64) {
      return Double.toString(v);
    }
    if (v != Math.rint(v) || v < type.min() || v > type.max()) {
      throw new IllegalArgumentException("nodata " + v + " is not a " + type + " value");
    }
    return Long.toString((long) v);
  }
}
