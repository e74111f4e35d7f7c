package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.SampleType;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Compression 7: a baseline JPEG stream per block, 8-bit, one sample (grey, or one band of a planar
 * image) or three (RGB, or YCbCr converted to RGB), decoded by the JDK's own JPEG reader (native
 * libjpeg). Where libjpeg-turbo can be called, {@link JpegDecoders} decodes with it instead and
 * hands this class only the blocks it does not take (damaged streams among them), through {@link
 * #decodeStream}.
 *
 * <p>TIFF writers store the quantisation and Huffman tables once, in the JPEGTables tag (an
 * "abbreviated table specification": SOI, tables, EOI), and each block as an abbreviated stream
 * without them; the two are spliced into one complete stream (the tables without their EOI, then
 * the block without its SOI).
 *
 * <p>The JDK's reader is asked for a {@link Raster}, which libjpeg decodes with its default integer
 * IDCT and "fancy" (triangular) chroma upsampling but without colour conversion: the samples of an
 * RGB-stored JPEG come out as stored, as libtiff returns them. For PhotometricInterpretation YCbCr,
 * GDAL has libtiff ask libjpeg for RGB (JPEGCOLORMODE_RGB), so {@link #ycbcrToRgb} repeats
 * libjpeg's fixed-point conversion ({@code jdcolor.c}) exactly. Both steps are the same arithmetic
 * in the JDK's libjpeg 6b and in libjpeg-turbo, whose SIMD paths are bit-exact to its C code, so
 * the pixels equal GDAL's.
 */
final class JpegDecompressor implements SampleDecompressor {

  private static final int PHOTOMETRIC_YCBCR = 6;

  /**
   * Readers hold native decoder state and are not thread-safe; recycled, bounded like the
   * inflaters.
   */
  private static final BlockingQueue<ImageReader> READERS =
      new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

  private static final int SCALE_BITS = 16;
  private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
  private static final int[] CR_R = new int[256];
  private static final int[] CB_B = new int[256];
  private static final int[] CR_G = new int[256];
  private static final int[] CB_G = new int[256];

  static {
    // jdcolor.c's build_ycc_rgb_table: FIX(x) = (int) (x * 65536 + 0.5).
    for (int i = 0, x = -128; i < 256; i++, x++) {
      CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALE_BITS;
      CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALE_BITS;
      CR_G[i] = -fix(0.71414) * x;
      CB_G[i] = -fix(0.34414) * x + ONE_HALF;
    }
  }

  private static int fix(double x) {
    return (int) (x * (1L << SCALE_BITS) + 0.5);
  }

  @Override
  public Object decode(ImageLayout layout, byte[] src, int srcOff, int srcLen, int rows)
      throws DecodeException {
    Objects.checkFromIndexSize(srcOff, srcLen, src.length);
    checkSupported(layout);
    return decodeStream(
        layout, spliceTables(layout.ifd().longs(TiffTag.JPEG_TABLES), src, srcOff, srcLen), rows);
  }

  /** Refuses what neither decoder handles: anything but 8-bit blocks of one or three samples. */
  static void checkSupported(ImageLayout layout) throws DecodeException {
    int spp = layout.samplesPerBlockPixel();
    if (layout.sampleType() != SampleType.UINT8 || (spp != 1 && spp != 3)) {
      throw new DecodeException(
          "JPEG blocks of "
              + spp
              + " x "
              + layout.sampleType()
              + " samples are not supported (8-bit, 1 or 3 samples per pixel)");
    }
  }

  /**
   * Whether libtiff would have libjpeg convert the block's samples from YCbCr to RGB
   * (JPEGCOLORMODE_RGB).
   */
  static boolean convertsYcbcr(ImageLayout layout) {
    return layout.samplesPerBlockPixel() == 3
        && layout.ifd().longValue(TiffTag.PHOTOMETRIC, 2) == PHOTOMETRIC_YCBCR;
  }

  /**
   * Decodes a complete stream (after {@link #spliceTables}) of a block that {@link #checkSupported}
   * accepted; also the libjpeg-turbo decoder's fallback, so that what it leaves is decoded, or
   * refused, as before.
   */
  byte[] decodeStream(ImageLayout layout, byte[] stream, int rows) throws DecodeException {
    int spp = layout.samplesPerBlockPixel();
    int width = layout.blockWidth();
    Raster raster = read(stream);
    if (raster.getNumBands() != spp || raster.getWidth() < width || raster.getHeight() < rows) {
      throw new DecodeException(
          "JPEG stream is "
              + raster.getWidth()
              + " x "
              + raster.getHeight()
              + " with "
              + raster.getNumBands()
              + " components; the block is "
              + width
              + " x "
              + rows
              + " with "
              + spp);
    }
    byte[] out = new byte[width * rows * spp];
    byte[] row = new byte[width * spp];
    int x0 = raster.getMinX();
    int y0 = raster.getMinY();
    for (int y = 0; y < rows; y++) {
      Object got = raster.getDataElements(x0, y0 + y, width, 1, row);
      if (got != row) {
        System.arraycopy((byte[]) got, 0, out, y * width * spp, width * spp);
      } else {
        System.arraycopy(row, 0, out, y * width * spp, width * spp);
      }
    }
    if (convertsYcbcr(layout)) {
      ycbcrToRgb(out);
    }
    return out;
  }

  /** libjpeg's YCbCr to RGB, in place on interleaved triples. */
  static void ycbcrToRgb(byte[] px) {
    for (int p = 0; p < px.length; p += 3) {
      int y = px[p] & 0xFF;
      int cb = px[p + 1] & 0xFF;
      int cr = px[p + 2] & 0xFF;
      px[p] = clamp(y + CR_R[cr]);
      px[p + 1] = clamp(y + ((CB_G[cb] + CR_G[cr]) >> SCALE_BITS));
      px[p + 2] = clamp(y + CB_B[cb]);
    }
  }

  private static byte clamp(int v) {
    return (byte) (v < 0 ? 0 : Math.min(v, 255));
  }

  /** Joins the JPEGTables stream (if any) and the block's stream into one complete JPEG stream. */
  static byte[] spliceTables(long[] tables, byte[] src, int off, int len) throws DecodeException {
    if (len < 4 || (src[off] & 0xFF) != 0xFF || (src[off + 1] & 0xFF) != 0xD8) {
      throw new DecodeException("block does not start with a JPEG SOI marker");
    }
    if (tables == null || tables.length < 4) {
      byte[] whole = new byte[len];
      System.arraycopy(src, off, whole, 0, len);
      return whole;
    }
    int t = tables.length;
    if (tables[t - 2] == 0xFF && tables[t - 1] == 0xD9) {
      t -= 2;
    }
    byte[] joined = new byte[t + len - 2];
    for (int i = 0; i < t; i++) {
      joined[i] = (byte) tables[i];
    }
    System.arraycopy(src, off + 2, joined, t, len - 2);
    return joined;
  }

  private static Raster read(byte[] stream) throws DecodeException {
    ImageReader reader = READERS.poll();
    if (reader == null) {
      reader = newReader();
    }
    boolean reusable = true;
    try (MemoryCacheImageInputStream in =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
      reader.setInput(in, true, true);
      return reader.readRaster(0, null);
    } catch (IOException | RuntimeException e) {
      // libjpeg's errors arrive as IIOException; a damaged stream must not leave a reader in a bad
      // state.
      reusable = false;
      throw new DecodeException("corrupt JPEG stream: " + e.getMessage(), e);
    } finally {
      reader.setInput(null);
      if (!reusable || !READERS.offer(reader)) {
        reader.dispose();
      }
    }
  }

  /** The JDK's own JPEG reader, even if another JPEG plug-in is on the class path. */
  private static ImageReader newReader() throws DecodeException {
    ImageReader fallback = null;
    for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
      ImageReader r = it.next();
      if (r.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg.")) {
        return r;
      }
      if (fallback == null) {
        fallback = r;
      }
    }
    if (fallback == null) {
      throw new DecodeException("this JVM has no JPEG reader");
    }
    return fallback;
  }
}
