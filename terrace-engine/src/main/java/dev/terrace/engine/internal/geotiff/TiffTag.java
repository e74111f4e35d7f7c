package dev.terrace.engine.internal.geotiff;

import java.util.Map;

/**
 * The TIFF, GeoTIFF and GDAL tags the reader uses; every other tag is skipped without reading its
 * values.
 */
final class TiffTag {

  static final int NEW_SUBFILE_TYPE = 254;
  static final int IMAGE_WIDTH = 256;
  static final int IMAGE_LENGTH = 257;
  static final int BITS_PER_SAMPLE = 258;
  static final int COMPRESSION = 259;
  static final int PHOTOMETRIC = 262;
  static final int STRIP_OFFSETS = 273;
  static final int SAMPLES_PER_PIXEL = 277;
  static final int ROWS_PER_STRIP = 278;
  static final int STRIP_BYTE_COUNTS = 279;
  static final int PLANAR_CONFIGURATION = 284;
  static final int PREDICTOR = 317;
  static final int COLOR_MAP = 320;
  static final int EXTRA_SAMPLES = 338;
  static final int JPEG_TABLES = 347;
  static final int TILE_WIDTH = 322;
  static final int TILE_LENGTH = 323;
  static final int TILE_OFFSETS = 324;
  static final int TILE_BYTE_COUNTS = 325;
  static final int SAMPLE_FORMAT = 339;
  static final int MODEL_PIXEL_SCALE = 33550;
  static final int MODEL_TIEPOINT = 33922;
  static final int MODEL_TRANSFORMATION = 34264;
  static final int GEO_KEY_DIRECTORY = 34735;
  static final int GEO_DOUBLE_PARAMS = 34736;
  static final int GEO_ASCII_PARAMS = 34737;
  static final int GDAL_METADATA = 42112;
  static final int GDAL_NODATA = 42113;
  static final int LERC_PARAMETERS = 50674;
  static final int RPC_COEFFICIENTS = 50844;

  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(NEW_SUBFILE_TYPE, "NewSubfileType"),
          Map.entry(IMAGE_WIDTH, "ImageWidth"),
          Map.entry(IMAGE_LENGTH, "ImageLength"),
          Map.entry(BITS_PER_SAMPLE, "BitsPerSample"),
          Map.entry(COMPRESSION, "Compression"),
          Map.entry(PHOTOMETRIC, "PhotometricInterpretation"),
          Map.entry(STRIP_OFFSETS, "StripOffsets"),
          Map.entry(SAMPLES_PER_PIXEL, "SamplesPerPixel"),
          Map.entry(ROWS_PER_STRIP, "RowsPerStrip"),
          Map.entry(STRIP_BYTE_COUNTS, "StripByteCounts"),
          Map.entry(PLANAR_CONFIGURATION, "PlanarConfiguration"),
          Map.entry(PREDICTOR, "Predictor"),
          Map.entry(COLOR_MAP, "ColorMap"),
          Map.entry(EXTRA_SAMPLES, "ExtraSamples"),
          Map.entry(JPEG_TABLES, "JPEGTables"),
          Map.entry(TILE_WIDTH, "TileWidth"),
          Map.entry(TILE_LENGTH, "TileLength"),
          Map.entry(TILE_OFFSETS, "TileOffsets"),
          Map.entry(TILE_BYTE_COUNTS, "TileByteCounts"),
          Map.entry(SAMPLE_FORMAT, "SampleFormat"),
          Map.entry(MODEL_PIXEL_SCALE, "ModelPixelScale"),
          Map.entry(MODEL_TIEPOINT, "ModelTiepoint"),
          Map.entry(MODEL_TRANSFORMATION, "ModelTransformation"),
          Map.entry(GEO_KEY_DIRECTORY, "GeoKeyDirectory"),
          Map.entry(GEO_DOUBLE_PARAMS, "GeoDoubleParams"),
          Map.entry(GEO_ASCII_PARAMS, "GeoAsciiParams"),
          Map.entry(GDAL_METADATA, "GDAL_METADATA"),
          Map.entry(GDAL_NODATA, "GDAL_NODATA"),
          Map.entry(LERC_PARAMETERS, "LercParameters"),
          Map.entry(RPC_COEFFICIENTS, "RPCCoefficientTag"));

  private TiffTag() {}

  static boolean isKnown(int tag) {
    return NAMES.containsKey(tag);
  }

  /**
   * @return whether the tag holds one value per block (offsets or sizes), which may be long
   */
  static boolean isBlockArray(int tag) {
    return tag == STRIP_OFFSETS
        || tag == STRIP_BYTE_COUNTS
        || tag == TILE_OFFSETS
        || tag == TILE_BYTE_COUNTS;
  }

  /**
   * @return e.g. {@code "TileOffsets (324)"}, the form error messages use
   */
  static String describe(int tag) {
    return NAMES.getOrDefault(tag, "tag") + " (" + tag + ")";
  }
}
