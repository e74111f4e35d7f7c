package dev.terrace.engine.internal.stacread;

import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.io.RemoteNames;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.tiles.Mosaic;
import dev.terrace.engine.internal.tiles.OpenRasters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The items of one timestamp of a STAC catalog, as one mosaic: in the catalog's order, each
 * standing for its footprint, the earlier owning where footprints overlap. An item whose asset is
 * missing or cannot be read holds no data, and a warning says why: one item must not sink the
 * others.
 */
public final class StacMosaic implements Mosaic<StacItem> {

  private final List<StacItem> items;
  private final OpenRasters<String> rasters;

  StacMosaic(List<StacItem> items, OpenRasters<String> rasters) {
    this.items = List.copyOf(items);
    this.rasters = rasters;
  }

  /**
   * @return the items, in the order that owns overlaps
   */
  public List<StacItem> items() {
    return items;
  }

  @Override
  public List<StacItem> touching(Envelope lonLat) {
    return items.stream().filter(i -> i.box().intersects(lonLat)).toList();
  }

  @Override
  public Optional<StacItem> containing(double lon, double lat) {
    return holding(lon, lat, null);
  }

  @Override
  public Optional<StacItem> beside(StacItem item, double lon, double lat, int east, int north) {
    return holding(lon, lat, item);
  }

  /** The first item but {@code not} whose footprint holds the point, its edges included. */
  private Optional<StacItem> holding(double lon, double lat, StacItem not) {
    for (StacItem i : items) {
      if (i != not && i.box().covers(lon, lat)) {
        Point p = i.footprint().getFactory().createPoint(new Coordinate(lon, lat));
        if (i.footprint().covers(p)) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public List<StacItem> overlapping(StacItem item) {
    List<StacItem> out = new ArrayList<>();
    for (StacItem i : items) {
      if (i == item) {
        break;
      }
      if (i.box().intersects(item.box())) {
        Geometry shared = i.footprint().intersection(item.footprint());
        if (shared.getArea() > 0) {
          out.add(i);
        }
      }
    }
    return out;
  }

  @Override
  public Optional<GeoTiff> open(StacItem item, Consumer<String> warnings) {
    if (item.href() == null) {
      warnings.accept("item " + item.id() + " has no such asset; its part is missing");
      return Optional.empty();
    }
    try {
      Optional<GeoTiff> opened = rasters.open(item.href());
      if (opened.isEmpty()) {
        warnings.accept(
            "item "
                + item.id()
                + ": "
                + RemoteNames.display(item.href())
                + " does not exist; its part is missing");
      }
      return opened;
    } catch (RasterIoException | RasterFormatException e) {
      warnings.accept(
          "item " + item.id() + " cannot be read, its part is missing: " + e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public boolean gapless() {
    return false;
  }
}
