package dev.terrace.engine.internal.geotiff;

/**
 * Refuses colour spaces whose stored samples are not what GDAL returns: GDAL converts CMYK, CIE
 * L*a*b* and raw (uncompressed-by-JPEG) YCbCr to RGB when it reads them, so returning the stored
 * samples would give other numbers than GDAL under the same band numbers. YCbCr inside JPEG is left
 * to the JPEG codec, which returns RGB as GDAL does.
 */
final class Photometric {

  private static final int SEPARATED = 5;
  private static final int YCBCR = 6;
  private static final int CIELAB = 8;
  private static final int ICCLAB = 9;
  private static final int ITULAB = 10;
  private static final int JPEG = 7;

  private static final String TO_RGB =
      "gdal_translate -b 1 -b 2 -b 3 -co PHOTOMETRIC=RGB in.tif out.tif";

  private Photometric() {}

  /**
   * @param ifd the image
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if its
   *     PhotometricInterpretation is one of those
   */
  static void check(Ifd ifd) {
    int photometric = (int) ifd.longValue(TiffTag.PHOTOMETRIC, 1);
    int compression = (int) ifd.longValue(TiffTag.COMPRESSION, 1);
    String problem =
        switch (photometric) {
          case SEPARATED ->
              "is 5 (Separated, CMYK): its bands are ink amounts, which GDAL converts to RGB when "
                  + "reading. Convert it to RGB first: "
                  + TO_RGB;
          case CIELAB, ICCLAB, ITULAB ->
              "is "
                  + photometric
                  + " ("
                  + (photometric == CIELAB ? "CIELab" : photometric == ICCLAB ? "ICCLab" : "ITULab")
                  + ", a CIELab colour space): GDAL converts it to RGB "
                  + "when reading. Convert it to RGB first: "
                  + TO_RGB;
          case YCBCR ->
              compression == JPEG
                  ? null
                  : "is 6 (YCbCr) without JPEG compression: subsampled "
                      + "luminance/chroma samples that GDAL converts to RGB when reading. Convert it to RGB first: "
                      + TO_RGB;
          default -> null;
        };
    if (problem != null) {
      throw ifd.error(TiffTag.PHOTOMETRIC, problem);
    }
  }
}
