package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.Raster;
import dev.terrace.engine.internal.raster.SampleType;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A file's per-dataset masks, one per image size: the transparency-mask images inside the TIFF
 * (GDAL's internal masks, COG masks), or else those of a {@code .msk} sidecar. A mask cell of 0 is
 * masked; any other value (1 in a 1-bit mask, 255 in an 8-bit one) is valid.
 */
final class Masks {

  private static final List<Band> MASK_BAND =
      List.of(new Band(SampleType.UINT8, OptionalDouble.empty(), 1, 0));
  private static final Masks NONE = new Masks(null, null, null, List.of(), false);

  private final ByteSource source;
  private final TileCache cache;
  private final ByteOrder order;
  private final List<Ifd> images;
  private final boolean external;

  private Masks(
      ByteSource source, TileCache cache, ByteOrder order, List<Ifd> images, boolean external) {
    this.source = source;
    this.cache = cache;
    this.order = order;
    this.images = images;
    this.external = external;
  }

  /**
   * @param source the TIFF's bytes
   * @param files the TIFF's images
   * @param sidecars where a {@code .msk} may be, read only when the TIFF has no mask of its own
   */
  static Masks of(
      ByteSource source, TileCache cache, ByteOrder order, Subfiles files, Sidecars sidecars) {
    if (!files.masks().isEmpty()) {
      return new Masks(source, cache, order, files.masks(), false);
    }
    Optional<ByteSource> msk = sidecars.open(Sidecars.MSK);
    if (msk.isEmpty()) {
      return NONE;
    }
    try {
      TiffParser.Result tiff = TiffParser.parse(msk.get());
      return new Masks(msk.get(), cache, tiff.order(), tiff.ifds(), true);
    } catch (RuntimeException e) {
      msk.get().close();
      throw e;
    }
  }

  /**
   * @param width the image's width
   * @param height the image's height
   * @param grid the image's grid, which its mask shares
   * @return the mask of the image of that size, or null when it has none; the full-size mask of a
   *     {@code .msk} sidecar owns the sidecar's bytes and closes them
   */
  GeoTiff forSize(int width, int height, Grid grid) {
    for (Ifd ifd : images) {
      ImageLayout layout = ImageLayout.of(ifd, source.length());
      if (layout.width() == width && layout.height() == height) {
        if (layout.samplesPerPixel() != 1) {
          throw ifd.error(
              TiffTag.SAMPLES_PER_PIXEL,
              "is " + layout.samplesPerPixel() + "; a mask has one sample");
        }
        boolean owns = external && ifd == images.get(0);
        return GeoTiff.image(source, cache, order, layout, grid, MASK_BAND, null, owns);
      }
    }
    return null;
  }

  /**
   * Closes a {@code .msk} sidecar that holds no mask of the data's size, and so will never be read.
   */
  void closeUnused() {
    if (external) {
      source.close();
    }
  }

  /**
   * GDAL masks the other bands of an image by its alpha band when the image has 2 bands (grey and
   * alpha) or 4 (RGB and alpha) and the last one is flagged alpha in ExtraSamples, associated or
   * not.
   *
   * @return the 1-based alpha band, or 0
   */
  static int alphaBand(ImageLayout layout) {
    int bands = layout.samplesPerPixel();
    long[] extra = layout.ifd().longs(TiffTag.EXTRA_SAMPLES);
    if ((bands != 2 && bands != 4) || extra == null || extra.length == 0) {
      return 0;
    }
    long last = extra[extra.length - 1];
    return last == 1 || last == 2 ? bands : 0;
  }

  /** Marks masked every cell whose alpha is 0. */
  static void applyAlpha(Raster alpha, byte[] valid) {
    for (int i = 0; i < alpha.window().cells(); i++) {
      if (alpha.get(i) == 0) {
        valid[i] = 0;
      }
    }
  }
}
