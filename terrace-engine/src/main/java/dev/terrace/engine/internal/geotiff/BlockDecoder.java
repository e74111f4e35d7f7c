package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.SampleType;
import dev.terrace.engine.internal.raster.Samples;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns the stored bytes of one block into a typed sample array: decompress, undo the predictor,
 * convert from the file's byte order. The result holds {@code blockWidth * storedRows *
 * samplesPerBlockPixel} samples, pixel-interleaved when the image is chunky.
 */
final class BlockDecoder {

  private BlockDecoder() {}

  static Object decode(
      ImageLayout layout, int index, byte[] raw, ByteOrder order, SparseFill fill) {
    int blockRow = (index / layout.blocksAcross()) % layout.blocksDown();
    int rows = layout.storedRows(blockRow);
    int spp = layout.samplesPerBlockPixel();
    int bytesPerSample = layout.sampleType().bytes();
    int samples = layout.blockWidth() * rows * spp;
    if (raw.length == 0) {
      // A sparse block: GDAL reads it as nodata, or zero when there is none.
      Object out = Samples.allocate(layout.sampleType(), samples);
      fill.fill(layout.sampleType(), out);
      return out;
    }
    if (SampleBlocks.handles(layout)) {
      return SampleBlocks.decode(layout, index, raw, order, rows);
    }
    int expected = layout.decodedBytes(rows);
    // The decoded bytes live only until they are converted to samples, so they go to a reused
    // array.
    byte[] data = ScratchBuffers.take(expected);
    try {
      try {
        if (layout.streamed()) {
          RowBands.inflateBand(
              raw, (long) blockRow * layout.blockHeight() * (expected / rows), data, expected);
        } else {
          layout.compression().decompressor().decodeInto(raw, 0, raw.length, data, expected);
        }
      } catch (DecodeException e) {
        throw e.about(layout, index);
      }
      if (layout.packed()) {
        Object out = Samples.allocate(layout.sampleType(), samples);
        PackedSamples.unpack(data, rows, layout.blockWidth() * spp, layout.bitsPerSample(), out);
        return out;
      }
      if (layout.predictor() == 3 && layout.sampleType() == SampleType.FLOAT32) {
        float[] out = new float[samples];
        Predictor.undoFloatingPoint(data, rows, layout.blockWidth(), spp, out);
        return out;
      }
      ByteOrder dataOrder = order;
      if (layout.predictor() == 2) {
        Predictor.undoHorizontal(data, rows, layout.blockWidth(), spp, bytesPerSample, order);
      } else if (layout.predictor() == 3) {
        Predictor.undoFloatingPoint(data, rows, layout.blockWidth(), spp, bytesPerSample);
        dataOrder = ByteOrder.BIG_ENDIAN;
      }
      return toSamples(layout, data, samples, dataOrder);
    } finally {
      ScratchBuffers.give(data);
    }
  }

  private static Object toSamples(ImageLayout layout, byte[] data, int samples, ByteOrder order) {
    ByteBuffer b = ByteBuffer.wrap(data).order(order);
    Object out = Samples.allocate(layout.sampleType(), samples);
    switch (out) {
      case byte[] a -> System.arraycopy(data, 0, a, 0, samples);
      case short[] a -> b.asShortBuffer().get(a, 0, samples);
      case int[] a -> b.asIntBuffer().get(a, 0, samples);
      case long[] a -> b.asLongBuffer().get(a, 0, samples);
      case float[] a -> b.asFloatBuffer().get(a, 0, samples);
      case double[] a -> b.asDoubleBuffer().get(a, 0, samples);
      default -> throw new AssertionError(out.getClass());
    }
    return out;
  }
}
