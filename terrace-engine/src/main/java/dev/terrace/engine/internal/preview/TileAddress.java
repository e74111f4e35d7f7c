package dev.terrace.engine.internal.preview;

import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import org.locationtech.jts.geom.Envelope;

/**
 * One tile of the Web Mercator XYZ grid (EPSG:3857, the origin at the top left, 256 pixels a side
 * times {@code scale}) and where its pixels' centres are.
 *
 * @param z the zoom level, 0 to {@link #MAX_ZOOM}
 * @param x the column, 0 to 2^z − 1 from the antimeridian eastwards
 * @param y the row, 0 to 2^z − 1 from the north
 * @param scale 1, or 2 for {@code @2x} tiles of 512 pixels
 */
record TileAddress(int z, int x, int y, int scale) {

  /** The deepest zoom served: 2 cm cells at the equator, finer than any dataset's. */
  static final int MAX_ZOOM = 30;

  static final int SIZE = 256;

  /** Half the width of the Web Mercator plane in metres: π × 6378137. */
  static final double HALF_WORLD = Math.PI * 6378137.0;

  /**
   * @throws InvalidRequestException naming {@code z}, {@code x}, {@code y} or {@code scale} when it
   *     is out of range
   */
  TileAddress {
    if (z < 0 || z > MAX_ZOOM) {
      throw invalid("z", "z is " + z + "; it must be 0 to " + MAX_ZOOM);
    }
    long side = 1L << z;
    if (x < 0 || x >= side) {
      throw invalid("x", "x is " + x + "; at zoom " + z + " it must be 0 to " + (side - 1));
    }
    if (y < 0 || y >= side) {
      throw invalid("y", "y is " + y + "; at zoom " + z + " it must be 0 to " + (side - 1));
    }
    if (scale != 1 && scale != 2) {
      throw invalid("scale", "scale is " + scale + "; tiles come at 1x and @2x only");
    }
  }

  private static InvalidRequestException invalid(String field, String message) {
    return InvalidRequestException.of(ErrorType.VALIDATION_ERROR, message, "value_error", field);
  }

  /**
   * @return pixels a side
   */
  int pixels() {
    return SIZE * scale;
  }

  /**
   * @return the width of one pixel in Web Mercator metres
   */
  double pixelMetres() {
    return 2 * HALF_WORLD / ((double) pixels() * (1L << z));
  }

  /**
   * @param col a pixel column of the tile
   * @return the Web Mercator x of its centre
   */
  double mercatorX(int col) {
    return -HALF_WORLD + ((double) x * pixels() + col + 0.5) * pixelMetres();
  }

  /**
   * @param row a pixel row of the tile
   * @return the Web Mercator y of its centre
   */
  double mercatorY(int row) {
    return HALF_WORLD - ((double) y * pixels() + row + 0.5) * pixelMetres();
  }

  /**
   * @return the longitude of a Web Mercator x, in degrees
   */
  static double longitude(double mercatorX) {
    return Math.toDegrees(mercatorX / 6378137.0);
  }

  /**
   * @return the latitude of a Web Mercator y, in degrees
   */
  static double latitude(double mercatorY) {
    return Math.toDegrees(Math.atan(Math.sinh(mercatorY / 6378137.0)));
  }

  /**
   * @return the tile's extent in longitude/latitude
   */
  Envelope lonLatBox() {
    double west = -HALF_WORLD + (double) x * SIZE * scale * pixelMetres();
    double north = HALF_WORLD - (double) y * SIZE * scale * pixelMetres();
    double size = pixels() * pixelMetres();
    return new Envelope(
        longitude(west), longitude(west + size), latitude(north - size), latitude(north));
  }
}
