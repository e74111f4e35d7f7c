package dev.terrace.engine.internal.preview;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A continuous colour ramp: colours spaced evenly over a value range, interpolated linearly in RGB
 * between them.
 *
 * @param name the name requests give as {@code colormap}
 * @param colours opaque RGB colours as {@code 0xRRGGBB}, low end first; at least two
 */
record Ramp(String name, int[] colours) {

  Ramp {
    if (colours.length < 2) {
      throw new IllegalArgumentException("ramp " + name + " needs two colours or more");
    }
    colours = colours.clone();
  }

  /**
   * The colour of a value, as gdaldem color-relief gives it for the colour file {@link #stops}
   * writes: linear between the two stops around it, each channel rounded as GDAL rounds it (adding
   * 0.45 and truncating), the end colours beyond the range.
   *
   * @param value the value
   * @param min the value of the first colour
   * @param max the value of the last colour
   * @return an opaque ARGB colour
   */
  int argb(double value, double min, double max) {
    int last = colours.length - 1;
    double position = max > min ? (value - min) / (max - min) * last : 0;
    if (!(position > 0)) {
      return 0xff000000 | colours[0];
    }
    if (position >= last) {
      return 0xff000000 | colours[last];
    }
    int i = (int) position;
    double f = position - i;
    int a = colours[i];
    int b = colours[i + 1];
    return 0xff000000
        | channel(a >> 16, b >> 16, f) << 16
        | channel(a >> 8, b >> 8, f) << 8
        | channel(a, b, f);
  }

  private static int channel(int a, int b, double f) {
    int from = a & 0xff;
    int to = b & 0xff;
    return Math.clamp((int) (0.45 + from + f * (to - from)), 0, 255);
  }

  /**
   * @return the colours as {@code #rrggbb}, low end first, for legends
   */
  List<String> hex() {
    List<String> out = new ArrayList<>(colours.length);
    for (int c : colours) {
      out.add(String.format("#%06x", c & 0xffffff));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * @return where each colour sits over {@code [min, max]}, the values of a gdaldem colour file
   */
  double[] stops(double min, double max) {
    double[] at = new double[colours.length];
    for (int i = 0; i < at.length; i++) {
      at[i] = min + (max - min) * i / (colours.length - 1);
    }
    return at;
  }
}
