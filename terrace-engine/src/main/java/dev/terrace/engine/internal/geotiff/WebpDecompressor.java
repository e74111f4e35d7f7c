package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.raster.SampleType;
import java.awt.image.BufferedImage;
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
 * Compression 50001: a WebP file (RIFF container) per block, 8-bit RGB or RGBA. Lossless blocks
 * (VP8L) are decoded by TwelveMonkeys' pure-Java WebP reader, which gives exactly libwebp's (and so
 * GDAL's) pixels.
 *
 * <p>Lossy blocks (VP8) are refused: that reader's lossy decoding differs from libwebp's by up to
 * about 30 levels on most pixels (measured on GDAL 3.6.2 / libwebp 1.2.4 files: 77-88% of samples
 * differ), and no other maintained Java decoder is on Maven Central, so returning them would
 * silently give other values than GDAL. The refusal names the block, like any other undecodable
 * block.
 */
final class WebpDecompressor implements SampleDecompressor {

  private static final BlockingQueue<ImageReader> READERS =
      new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

  @Override
  public Object decode(ImageLayout layout, byte[] src, int srcOff, int srcLen, int rows)
      throws DecodeException {
    Objects.checkFromIndexSize(srcOff, srcLen, src.length);
    int spp = layout.samplesPerBlockPixel();
    if (layout.sampleType() != SampleType.UINT8 || (spp != 3 && spp != 4)) {
      throw new DecodeException(
          "WebP blocks of "
              + spp
              + " x "
              + layout.sampleType()
              + " samples are not supported (8-bit RGB or RGBA)");
    }
    if (lossy(src, srcOff, srcLen)) {
      throw DecodeException.unsupported(
          "lossy WebP (VP8) is not supported, only lossless WebP (VP8L): the Java decoder"
              + " available differs from libwebp, and so from GDAL, on most pixels");
    }
    int width = layout.blockWidth();
    Raster raster = read(src, srcOff, srcLen);
    if (raster.getWidth() < width || raster.getHeight() < rows || raster.getNumBands() < 3) {
      throw new DecodeException(
          "WebP picture is "
              + raster.getWidth()
              + " x "
              + raster.getHeight()
              + " with "
              + raster.getNumBands()
              + " channels; the block is "
              + width
              + " x "
              + rows
              + " with "
              + spp);
    }
    byte[] out = new byte[width * rows * spp];
    int bands = raster.getNumBands();
    int[] row = new int[width * bands];
    for (int y = 0; y < rows; y++) {
      raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, row);
      for (int x = 0, o = y * width * spp; x < width; x++, o += spp) {
        for (int s = 0; s < spp; s++) {
          // A picture without alpha decodes to three channels; its alpha is opaque.
          out[o + s] = (byte) (s < bands ? row[x * bands + s] : 255);
        }
      }
    }
    return out;
  }

  /**
   * @return whether the WebP file holds a lossy ("VP8 ") image chunk; walks the RIFF chunks
   *     (fourcc, little-endian size, data padded to even)
   */
  static boolean lossy(byte[] src, int off, int len) throws DecodeException {
    if (len < 12
        || src[off] != 'R'
        || src[off + 1] != 'I'
        || src[off + 2] != 'F'
        || src[off + 3] != 'F'
        || src[off + 8] != 'W'
        || src[off + 9] != 'E'
        || src[off + 10] != 'B'
        || src[off + 11] != 'P') {
      throw new DecodeException("block is not a RIFF WebP file");
    }
    long at = 12;
    while (at + 8 <= len) {
      int p = off + (int) at;
      String fourcc = new String(src, p, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (fourcc.equals("VP8 ")) {
        return true;
      }
      if (fourcc.equals("VP8L")) {
        return false;
      }
      long size = LercCursor.intAt(src, p + 4) & 0xFFFFFFFFL;
      at += 8 + size + (size & 1);
    }
    throw new DecodeException("WebP file holds no image chunk");
  }

  private static Raster read(byte[] src, int off, int len) throws DecodeException {
    ImageReader reader = READERS.poll();
    if (reader == null) {
      reader = newReader();
    }
    boolean reusable = true;
    try (MemoryCacheImageInputStream in =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(src, off, len))) {
      reader.setInput(in, true, true);
      BufferedImage image = reader.read(0, null);
      return image.getRaster();
    } catch (IOException | RuntimeException e) {
      reusable = false;
      throw new DecodeException("corrupt WebP stream: " + e, e);
    } finally {
      reader.setInput(null);
      if (!reusable || !READERS.offer(reader)) {
        reader.dispose();
      }
    }
  }

  private static ImageReader newReader() throws DecodeException {
    Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("webp");
    if (!it.hasNext()) {
      throw new DecodeException("no WebP reader is on the class path");
    }
    return it.next();
  }
}
