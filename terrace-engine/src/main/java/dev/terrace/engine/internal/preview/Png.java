package dev.terrace.engine.internal.preview;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** ARGB pixels as a PNG file, by the JDK's own encoder. */
final class Png {

  private Png() {}

  /**
   * @param argb pixels row by row
   * @param size pixels a side
   * @return the PNG's bytes
   */
  static byte[] encode(int[] argb, int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, size, size, argb, 0, size);
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
