package dev.terrace.engine.internal.stacread;

import java.time.Instant;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * Where a {@code stac} dataset finds its items: a static catalog read whole ({@link StacIndex}), or
 * a STAC API searched for each geometry ({@link StacSearch}).
 */
public interface ItemSource extends AutoCloseable {

  /**
   * @param lonLat the box of a geometry in longitude/latitude
   * @param from the first instant of the request's time range
   * @param to its last instant
   * @return items that include every item meeting the box in the time range
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the items cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if they cannot be read
   */
  ItemIndex near(Envelope lonLat, Instant from, Instant to);

  /**
   * @return whether items are found by a search for each area, so that they cannot be listed, nor
   *     the timestamps, without one; known without reading anything
   */
  boolean searches();

  /**
   * @return every item, when they can be listed without a search (read now if need be)
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the items cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if they cannot be read
   */
  Optional<ItemIndex> whole();

  /**
   * @return what the collection read says of the asset, when it can be read without a search (read
   *     now if need be)
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the catalog cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it cannot be read
   */
  default Optional<StacMetadata> metadata() {
    return Optional.empty();
  }

  /** Closes the assets kept open. */
  @Override
  void close();
}
