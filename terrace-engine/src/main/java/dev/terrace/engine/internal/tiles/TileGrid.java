package dev.terrace.engine.internal.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * The world cut into square tiles of a whole number of degrees, aligned on multiples of that size
 * from (−180°, −90°): {@code 360 / size} columns by {@code 180 / size} rows.
 */
public final class TileGrid {

  private final int size;
  private final int columns;
  private final int rows;

  private TileGrid(int size) {
    this.size = size;
    this.columns = 360 / size;
    this.rows = 180 / size;
  }

  /**
   * @param degrees the tiles' edge length
   * @return the grid
   * @throws IllegalArgumentException unless {@code degrees} is a whole number that divides 180:
   *     tiles are named after whole-degree corners, and rows must fill the range of latitudes
   *     exactly
   */
  public static TileGrid of(double degrees) {
    if (!(degrees > 0
        && degrees <= 180
        && degrees == Math.rint(degrees)
        && 180 % (int) degrees == 0)) {
      throw new IllegalArgumentException(
          "must be a whole number of degrees that divides 180 (1, 2, 3, 5, 10, ...),"
              + " got "
              + degrees);
    }
    return new TileGrid((int) degrees);
  }

  /**
   * @return the tiles' edge length in degrees
   */
  public int size() {
    return size;
  }

  /**
   * The tiles whose closed boxes meet an envelope, row by row from the south-west. Parts of the
   * envelope beyond the globe are ignored; longitudes are not wrapped, so a geometry crossing ±180°
   * must come split into parts on each side, each asked for separately.
   *
   * @param lonLat an envelope in longitude/latitude
   * @return the tiles, none for an empty envelope
   */
  public List<Tile> touching(Envelope lonLat) {
    if (lonLat.isNull()) {
      return List.of();
    }
    int c0 = column(lonLat.getMinX());
    int c1 = column(lonLat.getMaxX());
    int r0 = row(lonLat.getMinY());
    int r1 = row(lonLat.getMaxY());
    List<Tile> out = new ArrayList<>((c1 - c0 + 1) * (r1 - r0 + 1));
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        out.add(tile(c, r));
      }
    }
    return out;
  }

  /**
   * The one tile a point belongs to, the way a single raster covering the globe would place it in a
   * cell: a point on a tile's west edge belongs to it, one on its south edge to the tile below, and
   * 180° is −180°.
   *
   * @param lon longitude in degrees
   * @param lat latitude in degrees
   * @return the tile
   */
  public Tile containing(double lon, double lat) {
    int c = Math.floorMod((int) Math.floor((lon + 180) / size), columns);
    int r = clamp((int) Math.ceil((lat + 90) / size) - 1, rows);
    return tile(c, r);
  }

  /**
   * @param tile a tile of this grid
   * @param east how many tiles east (negative: west); longitudes wrap around at ±180°
   * @param north how many tiles north (negative: south)
   * @return the tile there, or empty beyond a pole
   */
  public Optional<Tile> neighbour(Tile tile, int east, int north) {
    int row = (tile.south() + 90) / size + north;
    if (row < 0 || row >= rows) {
      return Optional.empty();
    }
    return Optional.of(tile(Math.floorMod((tile.west() + 180) / size + east, columns), row));
  }

  private int column(double lon) {
    return clamp((int) Math.floor((lon + 180) / size), columns);
  }

  private int row(double lat) {
    return clamp((int) Math.floor((lat + 90) / size), rows);
  }

  private static int clamp(int index, int count) {
    return Math.max(0, Math.min(count - 1, index));
  }

  private Tile tile(int column, int row) {
    return new Tile(-180 + column * size, -90 + row * size, size);
  }

  @Override
  public String toString() {
    return "TileGrid[" + size + "°]";
  }
}
