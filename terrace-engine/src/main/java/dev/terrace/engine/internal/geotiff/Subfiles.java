package dev.terrace.engine.internal.geotiff;

import java.util.ArrayList;
import java.util.List;

/**
 * The roles of a TIFF's images, told apart by NewSubfileType as GDAL tells them: the first image
 * holds the data; images flagged reduced-resolution are its overviews; images flagged as
 * transparency masks are the per-dataset mask (full resolution) and the masks of the overviews. Any
 * other image is a separate page, which GDAL offers as a subdataset: it is neither data nor
 * overview here, so it is never mixed into a read.
 *
 * @param main the data image
 * @param overviews the reduced-resolution images, in file order
 * @param masks the transparency masks, full resolution first when there is one, in file order
 * @param pages how many unrelated pages the file also holds
 */
record Subfiles(Ifd main, List<Ifd> overviews, List<Ifd> masks, int pages) {

  private static final long REDUCED = 1;
  private static final long MASK = 4;

  static Subfiles of(List<Ifd> ifds) {
    Ifd main = ifds.get(0);
    if ((type(main) & MASK) != 0) {
      throw main.error(
          TiffTag.NEW_SUBFILE_TYPE,
          "marks the first image as a transparency mask; the file holds " + "no data image");
    }
    List<Ifd> overviews = new ArrayList<>();
    List<Ifd> masks = new ArrayList<>();
    int pages = 0;
    for (Ifd ifd : ifds.subList(1, ifds.size())) {
      long type = type(ifd);
      if ((type & MASK) != 0) {
        masks.add(ifd);
      } else if ((type & REDUCED) != 0) {
        overviews.add(ifd);
      } else {
        pages++;
      }
    }
    return new Subfiles(main, List.copyOf(overviews), List.copyOf(masks), pages);
  }

  private static long type(Ifd ifd) {
    return ifd.longValue(TiffTag.NEW_SUBFILE_TYPE, 0);
  }
}
