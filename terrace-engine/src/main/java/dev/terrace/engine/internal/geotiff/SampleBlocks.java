package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.SampleType;
import java.nio.ByteOrder;

/**
 * The blocks {@link BlockDecoder}'s byte path cannot decode: those of {@linkplain
 * SampleDecompressor sample-producing codecs} (JPEG, WebP, LERC), and half-precision floats, which
 * are stored in two bytes but read as Float32 as GDAL reads them.
 */
final class SampleBlocks {

  private SampleBlocks() {}

  /**
   * @return whether {@link #decode} rather than the byte path decodes the blocks of this image
   */
  static boolean handles(ImageLayout layout) {
    return layout.compression().sampleDecompressor() != null || halfFloat(layout);
  }

  /**
   * @return whether the image stores 16-bit floats (BitsPerSample 16, SampleFormat 3)
   */
  static boolean halfFloat(ImageLayout layout) {
    return layout.sampleType() == SampleType.FLOAT32 && layout.bitsPerSample() == 16;
  }

  /**
   * Decodes one non-empty block into {@code layout.blockWidth() * rows * samplesPerBlockPixel}
   * samples.
   *
   * @throws RasterFormatException naming the block if it is corrupt
   */
  static Object decode(ImageLayout layout, int index, byte[] raw, ByteOrder order, int rows) {
    try {
      SampleDecompressor codec = layout.compression().sampleDecompressor();
      return codec != null
          ? codec.decode(layout, raw, 0, raw.length, rows)
          : halfFloats(layout, raw, order, rows);
    } catch (DecodeException e) {
      throw e.about(layout, index);
    }
  }

  /**
   * Decompresses, undoes the predictor on the 16-bit samples (2 differences them as integers, 3 as
   * byte planes, both as libtiff does for any sample size) and widens each half to a float exactly,
   * NaN payloads and subnormals included, as GDAL does.
   */
  private static float[] halfFloats(ImageLayout layout, byte[] raw, ByteOrder order, int rows)
      throws DecodeException {
    int width = layout.blockWidth();
    int spp = layout.samplesPerBlockPixel();
    int samples = width * rows * spp;
    int expected = samples * 2;
    byte[] data = ScratchBuffers.take(expected);
    try {
      layout.compression().decompressor().decodeInto(raw, 0, raw.length, data, expected);
      ByteOrder dataOrder = order;
      if (layout.predictor() == 2) {
        Predictor.undoHorizontal(data, rows, width, spp, 2, order);
      } else if (layout.predictor() == 3) {
        Predictor.undoFloatingPoint(data, rows, width, spp, 2);
        dataOrder = ByteOrder.BIG_ENDIAN;
      }
      float[] out = new float[samples];
      boolean big = dataOrder == ByteOrder.BIG_ENDIAN;
      for (int i = 0, p = 0; i < samples; i++, p += 2) {
        int lo = data[big ? p + 1 : p] & 0xFF;
        int hi = data[big ? p : p + 1] & 0xFF;
        out[i] = Float.float16ToFloat((short) (hi << 8 | lo));
      }
      return out;
    } finally {
      ScratchBuffers.give(data);
    }
  }
}
