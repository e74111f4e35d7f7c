package dev.terrace.engine.internal.tiles;

import org.locationtech.jts.geom.Envelope;

/**
 * One tile of a {@link TileGrid}, named by its south-west corner. Its nominal box runs from that
 * corner {@code size} degrees east and north; the raster stored for it may reach a little beyond
 * (Copernicus DEM tiles centre their edge pixels on the degree lines), but the box is what the tile
 * stands for.
 *
 * @param west longitude of the west edge, −180 to 180 − size
 * @param south latitude of the south edge, −90 to 90 − size
 * @param size edge length in degrees
 */
public record Tile(int west, int south, int size) implements Mosaic.Part {

  /**
   * @return the nominal box in longitude/latitude
   */
  @Override
  public Envelope box() {
    return new Envelope(west, west + size, south, south + size);
  }
}
