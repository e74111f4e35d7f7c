package dev.terrace.engine.internal.stacread;

import dev.terrace.engine.internal.tiles.OpenRasters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Items, in the order that owns overlaps, grouped by time: the distinct times of the items are the
 * timestamps, and the items of each time one mosaic. Items without a time are read only when no
 * item has one, as one mosaic without a timestamp.
 */
public final class ItemIndex {

  private final List<StacItem> items;
  private final List<Instant> times;
  private final List<StacMosaic> mosaics;

  /**
   * @param items in the order that owns overlaps
   * @param rasters where their assets are opened and kept
   */
  ItemIndex(List<StacItem> items, OpenRasters<String> rasters) {
    TreeSet<Instant> distinct = new TreeSet<>();
    items.stream().map(StacItem::time).filter(Objects::nonNull).forEach(distinct::add);
    List<StacMosaic> byTime = new ArrayList<>();
    if (distinct.isEmpty()) {
      byTime.add(new StacMosaic(items, rasters));
    }
    for (Instant t : distinct) {
      byTime.add(new StacMosaic(items.stream().filter(i -> t.equals(i.time())).toList(), rasters));
    }
    this.items = List.copyOf(items);
    this.times = List.copyOf(distinct);
    this.mosaics = List.copyOf(byTime);
  }

  /**
   * @return the items, in the order that owns overlaps
   */
  public List<StacItem> items() {
    return items;
  }

  /**
   * @return the distinct times of the items, ascending; empty when no item has one
   */
  public List<Instant> times() {
    return times;
  }

  /**
   * @param step an index into {@link #times()}, or 0 when there are none
   * @return the items of that time, as one mosaic
   */
  public StacMosaic mosaic(int step) {
    return mosaics.get(step);
  }
}
