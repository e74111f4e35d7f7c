package dev.terrace.engine.internal.tiles;

import dev.terrace.engine.internal.geotiff.GeoTiff;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Rasters read together as one: a global grid of tiles ({@link TileSet}) or the items of a STAC
 * catalog that share a timestamp. Each part stands for a footprint in longitude/latitude, and the
 * parts are in a stable order, the order in which they own the places where their footprints
 * overlap.
 *
 * @param <P> a part of the mosaic
 */
public interface Mosaic<P extends Mosaic.Part> {

  /** One raster of a mosaic and the place it stands for. */
  interface Part {

    /**
     * @return the envelope of its footprint in longitude/latitude
     */
    Envelope box();

    /**
     * @param factory makes the geometry
     * @return its footprint in longitude/latitude; its box unless it states a finer one
     */
    default Geometry footprint(GeometryFactory factory) {
      return factory.toGeometry(box());
    }
  }

  /**
   * @param lonLat an envelope in longitude/latitude
   * @return the parts whose footprints' boxes meet it, in the mosaic's order
   */
  List<P> touching(Envelope lonLat);

  /**
   * @return the first part whose footprint holds the point, or empty where none does
   */
  Optional<P> containing(double lon, double lat);

  /**
   * The part to read a point from when {@code part} held it but does not own the cell under it.
   *
   * @param east {@code 1} when the cell lies east of the cells {@code part} owns, {@code -1} west,
   *     else 0
   * @param north likewise north and south
   * @return that part, or empty when there is none
   */
  Optional<P> beside(P part, double lon, double lat, int east, int north);

  /**
   * @return the parts before {@code part} in the mosaic's order whose footprints overlap its own;
   *     they own the overlap
   */
  List<P> overlapping(P part);

  /**
   * @param warnings where to say why a part that should be there reads as no data
   * @return the part's raster, or empty where it holds no data
   * @throws dev.terrace.engine.internal.raster.RasterIoException if a part that should stop the
   *     read cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it cannot be decoded
   */
  Optional<GeoTiff> open(P part, Consumer<String> warnings);

  /**
   * @return whether the footprints cover the whole globe, so that no place lies outside them all
   */
  boolean gapless();
}
