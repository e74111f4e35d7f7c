package dev.terrace.engine.internal.stacread;

import dev.terrace.engine.internal.tiles.Mosaic;
import java.time.Instant;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * One item of a STAC catalog, as a part of the mosaic of its timestamp. Items are equal only to
 * themselves: two items may share an id in different collections.
 *
 * @param id the item's id
 * @param time its {@code datetime} (or {@code start_datetime}), or null when it states neither
 * @param footprint its {@code geometry} in longitude/latitude, or its {@code bbox} without one
 * @param href where its asset is, resolved against the item's own location; null when the item has
 *     no asset of the key read
 */
public record StacItem(String id, Instant time, Geometry footprint, String href)
    implements Mosaic.Part {

  @Override
  public Envelope box() {
    return footprint.getEnvelopeInternal();
  }

  @Override
  public Geometry footprint(GeometryFactory factory) {
    return footprint;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
