package dev.terrace.engine.internal.preview;

import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.tiles.Mosaic;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * Paints a dataset into a tile: its one raster of the step, or each raster of its mosaic (a grid of
 * tiles, STAC items) over the place its footprint covers, the first in the mosaic's order where
 * they overlap.
 */
final class MosaicPainter {

  private MosaicPainter() {}

  /**
   * @return ARGB pixels, or null when no pixel falls on the dataset's rasters
   */
  static int[] paint(CatalogDataset dataset, Style style, TileAddress tile) {
    if (!dataset.isMosaic()) {
      Layer layer = dataset.layer(style.step());
      return TileRenderer.render(
          layer.raster(), layer.bandNumber(), layer.band(), tile, style.colouring());
    }
    Instant from = style.time() == null ? Instant.MIN : style.time();
    Instant to = style.time() == null ? Instant.MAX : style.time();
    List<CatalogDataset.TimedMosaic> mosaics = dataset.mosaics(tile.lonLatBox(), from, to);
    return mosaics.isEmpty() ? null : paint(mosaics.getFirst().mosaic(), dataset, style, tile);
  }

  private static <P extends Mosaic.Part> int[] paint(
      Mosaic<P> mosaic, CatalogDataset dataset, Style style, TileAddress tile) {
    int[] out = null;
    int size = tile.pixels();
    for (P part : mosaic.touching(tile.lonLatBox())) {
      Optional<GeoTiff> raster = mosaic.open(part, why -> {});
      if (raster.isEmpty()) {
        continue;
      }
      int[] argb =
          TileRenderer.render(
              raster.get(),
              dataset.bandNumber(),
              dataset.band(raster.get()),
              tile,
              style.colouring());
      if (argb == null) {
        continue;
      }
      out = out == null ? new int[argb.length] : out;
      Envelope footprint = part.box();
      for (int r = 0; r < size; r++) {
        double lat = TileAddress.latitude(tile.mercatorY(r));
        for (int c = 0; c < size; c++) {
          int i = r * size + c;
          if (out[i] == 0
              && argb[i] != 0
              && footprint.contains(TileAddress.longitude(tile.mercatorX(c)), lat)) {
            out[i] = argb[i];
          }
        }
      }
    }
    return out;
  }
}
