package dev.terrace.engine.internal.stacread;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.tiles.OpenRasters;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;

/**
 * The items of a static STAC catalog: a catalog or collection whose links with {@code rel} {@code
 * child} lead to catalogs and collections and with {@code rel} {@code item} to items, each href
 * relative to the document that holds it. The links are followed once, on first use, and the items
 * kept (about a kilobyte each); a failed walk is not remembered, so the next use tries again.
 *
 * <p>Items are kept in the order the walk meets them, which is the order in which they own the
 * places where their footprints overlap: a document's items in link order, then its children depth
 * first, in link order. With a collection named, only the items of that collection are kept: those
 * linked from a collection of that id, and those linked from a catalog whose own {@code collection}
 * names it; the items of other collections are not read.
 *
 * <p>Thread-safe.
 */
public final class StacIndex implements ItemSource {

  /** Documents read at most: a wrong or looping link must not walk a whole STAC API. */
  static final int DOCUMENTS = 100_000;

  /** Items fetched at once. */
  private static final int FETCHING = 16;

  private final String root;
  private final String collection;
  private final String asset;
  private final StacDocuments documents;
  private final OpenRasters<String> rasters;
  private volatile ItemIndex index;
  private volatile StacMetadata metadata;

  /** A document to read, and whether what it holds is in the collection read. */
  private record Link(String where, boolean within) {}

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

  /** All the catalog's items, whatever the box and time range: the time range selects later. */
  @Override
  public ItemIndex near(Envelope lonLat, Instant from, Instant to) {
    return index();
  }

  @Override
  public boolean searches() {
    return false;
  }

  @Override
  public Optional<ItemIndex> whole() {
    return Optional.of(index());
  }

  /** Known once the catalog has been read for the items: a listing does not read it for this. */
  @Override
  public Optional<StacMetadata> metadata() {
    return Optional.ofNullable(metadata);
  }

  private ItemIndex index() {
    ItemIndex known = index;
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

  private ItemIndex walk() {
    List<StacItem> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<Link> pending = new ArrayDeque<>();
    pending.push(new Link(root, collection == null));
    while (!pending.isEmpty()) {
      Link next = pending.pop();
      if (!seen(seen, next)) {
        continue;
      }
      JsonNode doc = documents.read(next.where());
      String type = doc.path("type").asText("");
      if (type.equals("Feature")) {
        item(doc, next).ifPresent(items::add);
        continue;
      }
      if (!type.equals("Catalog") && !type.equals("Collection")) {
        throw new RasterFormatException(
            next.where() + ": not a STAC catalog, collection or item (type \"" + type + "\")");
      }
      boolean within =
          next.within()
              || type.equals("Collection") && collection.equals(doc.path("id").asText(null));
      // The items of another collection are not read; its children may hold the one read.
      boolean itemsToo = within || !type.equals("Collection");
      if (within && type.equals("Collection") && metadata == null) {
        metadata = StacMetadata.of(doc, asset);
      }
      List<Link> children = new ArrayList<>();
      List<Link> itemLinks = new ArrayList<>();
      for (JsonNode link : doc.path("links")) {
        String rel = link.path("rel").asText("");
        if (link.path("href").isTextual()
            && (rel.equals("child") || itemsToo && rel.equals("item"))) {
          Link to =
              new Link(StacDocuments.resolve(next.where(), link.path("href").asText()), within);
          (rel.equals("child") ? children : itemLinks).add(to);
        }
      }
      items.addAll(items(itemLinks.stream().filter(l -> seen(seen, l)).toList()));
      // Depth first, in link order.
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
    }
    return new ItemIndex(items, rasters);
  }

  /**
   * @return whether the document has not been met yet
   * @throws RasterFormatException when too many have been
   */
  private boolean seen(Set<String> seen, Link link) {
    if (!seen.add(link.where())) {
      return false;
    }
    if (seen.size() > DOCUMENTS) {
      throw new RasterFormatException(
          root + ": more than " + DOCUMENTS + " documents; is it a static catalog?");
    }
    return true;
  }

  /**
   * The items a document links to, fetched {@value #FETCHING} at a time, since a collection may
   * list thousands and each is a request over HTTP; kept in link order.
   */
  private List<StacItem> items(List<Link> links) {
    List<StacItem> out = new ArrayList<>(links.size());
    try (ExecutorService fetcher = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < links.size(); i += FETCHING) {
        List<Link> batch = links.subList(i, Math.min(links.size(), i + FETCHING));
        List<Future<JsonNode>> docs = new ArrayList<>(batch.size());
        for (Link l : batch) {
          docs.add(fetcher.submit(() -> documents.read(l.where())));
        }
        for (int k = 0; k < batch.size(); k++) {
          JsonNode doc = fetched(docs.get(k));
          if (!doc.path("type").asText("").equals("Feature")) {
            throw new RasterFormatException(batch.get(k).where() + ": not a STAC item");
          }
          item(doc, batch.get(k)).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static JsonNode fetched(Future<JsonNode> doc) {
    try {
      return doc.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RasterIoException("interrupted while reading a STAC catalog", e);
    }
  }

  /**
   * @return the item, unless it belongs to another collection than the one read
   */
  private Optional<StacItem> item(JsonNode doc, Link link) {
    return link.within() || Objects.equals(collection, doc.path("collection").asText(null))
        ? Optional.of(ItemParser.parse(doc, link.where(), asset))
        : Optional.empty();
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
