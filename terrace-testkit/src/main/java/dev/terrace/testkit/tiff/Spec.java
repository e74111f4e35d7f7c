package dev.terrace.testkit.tiff;

import dev.terrace.testkit.tiff.SyntheticGeoTiff.CellValues;
import dev.terrace.testkit.tiff.SyntheticGeoTiff.Compression;
import dev.terrace.testkit.tiff.SyntheticGeoTiff.TileValues;

/**
 * What the builder chose, checked: one of {@code cells} and {@code tiles} is set; {@code nodata} is
 * null without a nodata value; {@code modelType} is 0 without a CRS, 1 projected, 2 geographic.
 */
record Spec(
    int width,
    int height,
    int tileWidth,
    int tileHeight,
    TiffSampleType type,
    Compression compression,
    int deflateLevel,
    CellValues cells,
    TileValues tiles,
    Double nodata,
    int modelType,
    int epsg,
    double x0,
    double y0,
    double cellWidth,
    double cellHeight,
    boolean forceBigTiff,
    boolean georeferenced) {

  int tilesAcross() {
    return Math.ceilDiv(width, tileWidth);
  }

  int tilesDown() {
    return Math.ceilDiv(height, tileHeight);
  }
}
