package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.SampleType;
import java.util.ArrayList;
import java.util.List;

/**
 * How one image's pixels are cut into blocks (tiles, or strips treated as full-width tiles) and
 * encoded, checked for consistency when built so that decoding can trust every size it uses.
 */
record ImageLayout(
    Ifd ifd,
    int width,
    int height,
    int samplesPerPixel,
    SampleType sampleType,
    int bitsPerSample,
    boolean planar,
    Compression compression,
    int predictor,
    int blockWidth,
    int blockHeight,
    boolean tiled,
    long[] offsets,
    long[] byteCounts,
    long fileLength,
    boolean streamed) {

  /** No block may decode to more than this; a larger claim is corruption, not data. */
  static final long MAX_BLOCK_BYTES = 256L << 20;

  static final int MAX_DIMENSION = 1 << 30;

  static ImageLayout of(Ifd ifd, long fileLength) {
    int width = dimension(ifd, TiffTag.IMAGE_WIDTH);
    int height = dimension(ifd, TiffTag.IMAGE_LENGTH);
    long spp = ifd.longValue(TiffTag.SAMPLES_PER_PIXEL, 1);
    if (spp < 1 || spp > 4096) {
      throw ifd.error(TiffTag.SAMPLES_PER_PIXEL, "is " + spp + "; expected 1 to 4096");
    }
    int samplesPerPixel = (int) spp;
    SampleType type = sampleType(ifd, samplesPerPixel);
    int bits = bitsPerSample(ifd);
    long planarConfig = ifd.longValue(TiffTag.PLANAR_CONFIGURATION, 1);
    if (planarConfig != 1 && planarConfig != 2) {
      throw ifd.error(
          TiffTag.PLANAR_CONFIGURATION,
          "is " + planarConfig + "; expected 1 (chunky) or 2 (planar)");
    }
    boolean planar = planarConfig == 2 && samplesPerPixel > 1;
    int code = (int) ifd.longValue(TiffTag.COMPRESSION, 1);
    Compression compression = Compression.forCode(code);
    if (compression == null) {
      throw ifd.error(
          TiffTag.COMPRESSION,
          "is "
              + Compression.describe(code)
              + ", which this reader does not decode (supported: none, LZW, DEFLATE, PackBits, ZSTD, LZMA, JPEG, WebP,"
              + " LERC)");
    }
    int predictor = (int) ifd.longValue(TiffTag.PREDICTOR, 1);
    if (predictor < 1 || predictor > 3 || (predictor == 3 && !type.floatingPoint())) {
      throw ifd.error(
          TiffTag.PREDICTOR,
          "is "
              + predictor
              + ", not valid for "
              + type
              + " (1 none, 2 horizontal, 3 floating point)");
    }
    if (predictor != 1 && compression.sampleDecompressor() != null) {
      throw ifd.error(
          TiffTag.PREDICTOR,
          "is " + predictor + "; libtiff applies no predictor to " + compression);
    }
    if (predictor != 1 && packed(type, bits)) {
      throw ifd.error(
          TiffTag.PREDICTOR,
          "is "
              + predictor
              + " on "
              + bits
              + "-bit samples; libtiff applies "
              + "predictors only to 8, 16, 32 and 64-bit samples");
    }
    boolean tiled = ifd.has(TiffTag.TILE_WIDTH) || ifd.has(TiffTag.TILE_OFFSETS);
    int blockWidth;
    int blockHeight;
    int offsetsTag;
    int countsTag;
    if (tiled) {
      blockWidth = dimension(ifd, TiffTag.TILE_WIDTH);
      blockHeight = dimension(ifd, TiffTag.TILE_LENGTH);
      offsetsTag = TiffTag.TILE_OFFSETS;
      countsTag = TiffTag.TILE_BYTE_COUNTS;
    } else {
      blockWidth = width;
      long rps = ifd.longValue(TiffTag.ROWS_PER_STRIP, height);
      if (rps <= 0) {
        throw ifd.error(TiffTag.ROWS_PER_STRIP, "is " + rps + "; expected a positive number");
      }
      blockHeight = (int) Math.min(rps, height);
      offsetsTag = TiffTag.STRIP_OFFSETS;
      countsTag = TiffTag.STRIP_BYTE_COUNTS;
    }
    long rowBytes =
        packed(type, bits)
            ? PackedSamples.rowBytes(blockWidth * (planar ? 1 : samplesPerPixel), bits)
            : (long) blockWidth * (planar ? 1 : samplesPerPixel) * type.bytes();
    long blockBytes = rowBytes * blockHeight;
    long planes = planar ? samplesPerPixel : 1;
    RowBands bands = null;
    if (blockBytes > MAX_BLOCK_BYTES
        && !tiled
        && blockHeight == height
        && RowBands.supports(compression)) {
      bands =
          RowBands.of(
              blockArray(ifd, offsetsTag, planes),
              blockArray(ifd, countsTag, planes),
              height,
              rowBytes,
              compression);
      blockHeight = bands.rows();
      blockBytes = rowBytes * blockHeight;
    }
    if (blockBytes > MAX_BLOCK_BYTES) {
      throw ifd.error(
          tiled ? TiffTag.TILE_WIDTH : TiffTag.ROWS_PER_STRIP,
          "makes blocks of "
              + blockWidth
              + " x "
              + blockHeight
              + " pixels ("
              + blockBytes
              + " bytes), over the "
              + (MAX_BLOCK_BYTES >> 20)
              + " MiB limit"
              + (tiled
                  ? ""
                  : "; a single strip that large is read in bands when it is uncompressed or DEFLATE"));
    }
    long across = ceilDiv(width, blockWidth);
    long down = ceilDiv(height, blockHeight);
    long expected = across * down * planes;
    long[] offsets = bands != null ? bands.offsets() : blockArray(ifd, offsetsTag, expected);
    long[] counts = bands != null ? bands.counts() : blockArray(ifd, countsTag, expected);
    for (int i = 0; i < expected; i++) {
      if (offsets[i] < 0 || counts[i] < 0 || counts[i] > MAX_BLOCK_BYTES) {
        throw ifd.error(
            offsetsTag,
            "block "
                + i
                + " at offset "
                + offsets[i]
                + " claims "
                + counts[i]
                + " bytes; expected 0 to "
                + MAX_BLOCK_BYTES);
      }
    }
    return new ImageLayout(
        ifd,
        width,
        height,
        samplesPerPixel,
        type,
        bits,
        planar,
        compression,
        predictor,
        blockWidth,
        blockHeight,
        tiled,
        offsets,
        counts,
        fileLength,
        bands != null && bands.streamed());
  }

  /**
   * A block whose bytes lie past the end of the file is lost: the file was cut short. GDAL opens
   * such a file and fails only the reads of lost blocks, and so does this reader.
   *
   * @return whether block {@code index} lies (partly) past the end of the file
   */
  boolean lost(int index) {
    return offsets[index] + byteCounts[index] > fileLength;
  }

  /**
   * @return the indices of the {@linkplain #lost lost} blocks, in order
   */
  List<Integer> lostBlocks() {
    List<Integer> out = new ArrayList<>();
    long blocks = (long) blocksAcross() * blocksDown() * (planar ? samplesPerPixel : 1);
    for (int i = 0; i < blocks; i++) {
      if (lost(i)) {
        out.add(i);
      }
    }
    return out;
  }

  int blocksAcross() {
    return (int) ceilDiv(width, blockWidth);
  }

  int blocksDown() {
    return (int) ceilDiv(height, blockHeight);
  }

  /**
   * @return the samples interleaved in each block: all bands when chunky, one when planar
   */
  int samplesPerBlockPixel() {
    return planar ? 1 : samplesPerPixel;
  }

  /**
   * @return whether integer samples are packed in fewer bits than their type holds (GDAL's NBITS)
   */
  boolean packed() {
    return packed(sampleType, bitsPerSample);
  }

  private static boolean packed(SampleType type, int bits) {
    return !type.floatingPoint() && bits != type.bytes() * 8;
  }

  /**
   * @return the bytes a decoded block of {@code rows} rows occupies, before unpacking
   */
  int decodedBytes(int rows) {
    int perRow = blockWidth * samplesPerBlockPixel();
    return packed()
        ? rows * PackedSamples.rowBytes(perRow, bitsPerSample)
        : rows * perRow * sampleType.bytes();
  }

  /**
   * @return rows actually stored in block row {@code blockRow}; the last strip of a striped image
   *     may be short
   */
  int storedRows(int blockRow) {
    return tiled ? blockHeight : Math.min(blockHeight, height - blockRow * blockHeight);
  }

  /**
   * @return the index of a block in the offsets arrays
   */
  int blockIndex(int plane, int blockRow, int blockCol) {
    return (plane * blocksDown() + blockRow) * blocksAcross() + blockCol;
  }

  /**
   * @return e.g. {@code "file, IFD 0, tile 12"}, for messages about one block
   */
  String describeBlock(int index) {
    return ifd.where() + ", " + (tiled ? "tile " : "strip ") + index;
  }

  private static int dimension(Ifd ifd, int tag) {
    long v = ifd.requireLong(tag);
    if (v <= 0 || v > MAX_DIMENSION) {
      throw ifd.error(tag, "is " + v + "; expected 1 to " + MAX_DIMENSION);
    }
    return (int) v;
  }

  private static SampleType sampleType(Ifd ifd, int samplesPerPixel) {
    long[] bits = ifd.longs(TiffTag.BITS_PER_SAMPLE);
    long[] formats = ifd.longs(TiffTag.SAMPLE_FORMAT);
    long b = bits == null ? 1 : bits[0];
    long f = formats == null ? 1 : formats[0];
    for (int i = 1; i < samplesPerPixel; i++) {
      if ((bits != null && i < bits.length && bits[i] != b)
          || (formats != null && i < formats.length && formats[i] != f)) {
        throw ifd.error(
            TiffTag.BITS_PER_SAMPLE,
            "differs between samples; mixed sample types are not supported");
      }
    }
    if (f == 1 && b >= 1 && b < 32 && b != 8 && b != 16) {
      // GDAL's NBITS: unsigned integers packed in fewer bits, read into the smallest type that
      // holds them.
      return b < 8 ? SampleType.UINT8 : b < 16 ? SampleType.UINT16 : SampleType.UINT32;
    }
    SampleType type =
        switch ((int) f * 100 + (int) Math.min(b, 99)) {
          case 108, 408 -> SampleType.UINT8;
          case 208 -> SampleType.INT8;
          case 116, 416 -> SampleType.UINT16;
          case 216 -> SampleType.INT16;
          case 132, 432 -> SampleType.UINT32;
          case 232 -> SampleType.INT32;
          case 164 -> SampleType.UINT64;
          case 264 -> SampleType.INT64;
          case 332, 316 ->
              SampleType.FLOAT32; // 16-bit floats are read as Float32, as GDAL does (SampleBlocks)
          case 364 -> SampleType.FLOAT64;
          default -> null;
        };
    if (type == null) {
      throw ifd.error(
          TiffTag.BITS_PER_SAMPLE,
          "is "
              + b
              + " with SampleFormat "
              + f
              + "; supported: 8/16/32/64-bit integers, unsigned integers of 1 to 31 bits, 16/32/64-bit floats");
    }
    return type;
  }

  private static int bitsPerSample(Ifd ifd) {
    long[] bits = ifd.longs(TiffTag.BITS_PER_SAMPLE);
    return bits == null ? 1 : (int) bits[0];
  }

  private static long[] blockArray(Ifd ifd, int tag, long expected) {
    long[] values = ifd.longs(tag);
    if (values == null) {
      throw ifd.error(tag, "is required but missing");
    }
    if (values.length < expected) {
      throw ifd.error(tag, "has " + values.length + " entries; the image needs " + expected);
    }
    return values;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
