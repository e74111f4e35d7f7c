package dev.terrace.engine.internal.stacread;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.tiles.OpenRasters;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The items of a static STAC catalog: a catalog or collection whose links with {@code rel} {@code
 * child} lead to catalogs and collections and with {@code rel} {@code item} to items, each href
 * relative to the document that holds it. The links are followed once, on first use, and the items
 * kept (an index is a few hundred bytes per item); a failed walk is not remembered, so the next use
 * tries again.
 *
 * <p>Items are kept in the order the walk meets them, depth first in link order, which is the order
 * in which they own the places where their footprints overlap. With a collection named, only the
 * items of that collection are kept: those linked from a collection of that id, and those linked
 * from a catalog whose {@code collection} says it; the items of other collections are not read. The
 * distinct times of the items are the dataset's timestamps; items without a time are read only when
 * no item has one.
 *
 * <p>Thread-safe.
 */
public final class StacIndex implements AutoCloseable {

  /** Documents read at most: a wrong or looping link must not walk a whole STAC API. */
  static final int DOCUMENTS = 100_000;

  private final String root;
  private final String collection;
  private final String asset;
  private final StacDocuments documents;
  private final OpenRasters<String> rasters;
  private volatile Index index;

  /** A document to read, and whether what it holds is in the collection read. */
  private record Link(String where, boolean within) {}

  /** The items and their distinct times, sorted. */
  private record Index(List<StacItem> items, List<Instant> times, List<StacMosaic> mosaics) {}

  /**
   * @param root the absolute path or URL of the catalog or collection to start from
   * @param collection the id of the collection to read, or null for every item
   * @param asset the key of the asset read from each item
   * @param opener opens the bytes at an absolute path or URL, of documents and assets alike; throws
   *     {@link dev.terrace.engine.internal.raster.RasterNotFoundException} for one that does not
   *     exist
   */
  public StacIndex(
      String root, String collection, String asset, Function<String, ByteSource> opener) {
    this.root = root;
    this.collection = collection;
    this.asset = asset;
    this.documents = new StacDocuments(opener);
    this.rasters = new OpenRasters<>(opener);
  }

  /**
   * @return the items, in the order that owns overlaps
   * @throws dev.terrace.engine.internal.raster.RasterIoException if a document cannot be fetched
   * @throws RasterFormatException if one is not a STAC document
   */
  public List<StacItem> items() {
    return index().items();
  }

  /**
   * @return the distinct times of the items, ascending; empty when no item has one
   * @throws dev.terrace.engine.internal.raster.RasterIoException if a document cannot be fetched
   * @throws RasterFormatException if one is not a STAC document
   */
  public List<Instant> times() {
    return index().times();
  }

  /**
   * @param step an index into {@link #times()}, or 0 when there are none
   * @return the items of that time, as one mosaic
   */
  public StacMosaic mosaic(int step) {
    return index().mosaics().get(step);
  }

  private Index index() {
    Index known = index;
    if (known == null) {
      synchronized (this) {
        known = index;
        if (known == null) {
          known = walk();
          index = known;
        }
      }
    }
    return known;
  }

  private Index walk() {
    List<StacItem> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<Link> pending = new ArrayDeque<>();
    pending.push(new Link(root, collection == null));
    while (!pending.isEmpty()) {
      Link next = pending.pop();
      String where = next.where();
      if (!seen.add(where)) {
        continue;
      }
      if (seen.size() > DOCUMENTS) {
        throw new RasterFormatException(
            root + ": more than " + DOCUMENTS + " documents; is it a static catalog?");
      }
      JsonNode doc = documents.read(where);
      String type = doc.path("type").asText("");
      if (type.equals("Feature")) {
        if (next.within() || Objects.equals(collection, doc.path("collection").asText(null))) {
          items.add(ItemParser.parse(doc, where, asset));
        }
        continue;
      }
      if (!type.equals("Catalog") && !type.equals("Collection")) {
        throw new RasterFormatException(
            where + ": not a STAC catalog, collection or item (type \"" + type + "\")");
      }
      boolean within =
          next.within()
              || type.equals("Collection") && collection.equals(doc.path("id").asText(null));
      // The items of another collection are not read; its children may hold the one read.
      boolean itemsToo = within || !type.equals("Collection");
      List<Link> links = new ArrayList<>();
      for (JsonNode link : doc.path("links")) {
        String rel = link.path("rel").asText("");
        if ((rel.equals("child") || itemsToo && rel.equals("item"))
            && link.path("href").isTextual()) {
          links.add(new Link(StacDocuments.resolve(where, link.path("href").asText()), within));
        }
      }
      // Depth first, in link order.
      for (int i = links.size() - 1; i >= 0; i--) {
        pending.push(links.get(i));
      }
    }
    return index(items);
  }

  private Index index(List<StacItem> all) {
    TreeSet<Instant> distinct = new TreeSet<>();
    all.stream().map(StacItem::time).filter(Objects::nonNull).forEach(distinct::add);
    List<Instant> times = List.copyOf(distinct);
    List<StacMosaic> mosaics = new ArrayList<>();
    if (times.isEmpty()) {
      mosaics.add(new StacMosaic(all, rasters));
    }
    for (Instant t : times) {
      mosaics.add(new StacMosaic(all.stream().filter(i -> t.equals(i.time())).toList(), rasters));
    }
    return new Index(List.copyOf(all), times, List.copyOf(mosaics));
  }

  /** Closes the assets kept open; assets asked for later are opened again. */
  @Override
  public void close() {
    rasters.close();
  }

  @Override
  public String toString() {
    return "StacIndex[" + root + (collection == null ? "" : ", " + collection) + ", " + asset + "]";
  }
}
