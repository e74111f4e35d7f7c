package dev.terrace.engine.internal.geotiff;

/**
 * A palette image's colour map (TIFF tag 320): the red, then green, then blue values of every
 * stored value, 16 bits each.
 */
final class Palette {

  private Palette() {}

  /**
   * @return opaque ARGB colours indexed by stored value, or null when the image has no colour map
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if the map's length is not
   *     three times a power of two
   */
  static int[] colours(Ifd ifd) {
    long[] map = ifd.longs(TiffTag.COLOR_MAP);
    if (map == null) {
      return null;
    }
    int n = map.length / 3;
    if (n == 0 || map.length % 3 != 0 || Integer.bitCount(n) != 1) {
      throw ifd.error(TiffTag.COLOR_MAP, "holds " + map.length + " values, not 3 × 2^bits");
    }
    int[] argb = new int[n];
    for (int i = 0; i < n; i++) {
      argb[i] = 0xff000000 | eight(map[i]) << 16 | eight(map[n + i]) << 8 | eight(map[2 * n + i]);
    }
    return argb;
  }

  /** A 16-bit intensity in 8 bits, divided by 257 as GDAL divides it. */
  private static int eight(long sixteen) {
    return (int) Math.min(255, (sixteen & 0xffff) / 257);
  }
}
