package dev.terrace.engine.internal.catalog;

import dev.terrace.api.Dataset;
import dev.terrace.engine.internal.io.RemoteNames;
import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.UnreadableException;
import dev.terrace.engine.internal.stacread.ItemIndex;
import dev.terrace.engine.internal.stacread.ItemSource;
import dev.terrace.engine.internal.stacread.StacItem;
import dev.terrace.engine.internal.stacread.StacMetadata;
import dev.terrace.engine.internal.tiles.Mosaic;
import dev.terrace.engine.internal.tiles.TileSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * One dataset of a catalog: what the file says about it, and its rasters — one, or one slice per
 * timestamp — opened on first use and kept open (a COG's header is then read once, however many
 * requests use it). A dataset stored as a global grid of tiles ({@code cog_tiles}) or as the items
 * of a STAC catalog ({@code stac}) has no single raster: it is read as a mosaic, one per timestamp
 * ({@link #mosaics}); a STAC API's items are found by a search for each geometry.
 */
public final class CatalogDataset {

  private final String id;
  private final String provider;
  private final String name;
  private final String variable;
  private final String units;
  private final String description;
  private final boolean categorical;
  private final int band;
  private final OptionalDouble nodata;
  private final List<Double> validRange;
  private final Double resolutionM;
  private final String location;
  private final RasterAccess access;
  private final Map<String, String> classes;
  private final TileSet tiles;
  private final ItemSource stac;
  private final List<String> hrefs;
  private final Predicate<String> tilePresent;

  /** What the rasters said when last opened, so that a listing never waits on a source twice. */
  private volatile Dataset described;

  /** Why the rasters could not be opened, when the last try failed. */
  private volatile String unavailable;

  private final AtomicBoolean describing = new AtomicBoolean();
  private volatile BiConsumer<String, Description> onDescribed;
  private volatile boolean restored;

  /** A tiled dataset: its location is the template that names its tiles. */
  CatalogDataset(
      String provider,
      CatalogFile.DatasetEntry entry,
      TileSet tiles,
      Predicate<String> tilePresent) {
    this(provider, entry, tiles.template().toString(), List.of(), null, tiles, null, tilePresent);
  }

  /** The items of a STAC catalog: its location is the catalog's. */
  CatalogDataset(
      String provider, CatalogFile.DatasetEntry entry, String location, ItemSource stac) {
    this(provider, entry, location, List.of(), null, null, stac, where -> true);
  }

  CatalogDataset(
      String provider,
      CatalogFile.DatasetEntry entry,
      String location,
      List<String> hrefs,
      RasterAccess access) {
    this(provider, entry, location, hrefs, access, null, null, where -> true);
  }

  private CatalogDataset(
      String provider,
      CatalogFile.DatasetEntry entry,
      String location,
      List<String> hrefs,
      RasterAccess access,
      TileSet tiles,
      ItemSource stac,
      Predicate<String> tilePresent) {
    this.id = provider + ":" + entry.name();
    this.provider = provider;
    this.name = entry.name();
    this.variable = entry.variable() != null ? entry.variable() : entry.name();
    this.units = entry.units();
    this.description = entry.description();
    this.categorical = "categorical".equals(entry.dataType());
    this.band = entry.band() != null ? entry.band() : 1;
    this.nodata =
        entry.nodata() != null ? OptionalDouble.of(entry.nodata()) : OptionalDouble.empty();
    this.validRange = entry.validRange();
    this.resolutionM = entry.resolutionM();
    this.location = location;
    this.access = access;
    this.classes =
        entry.classes() == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(entry.classes()));
    this.tiles = tiles;
    this.stac = stac;
    this.hrefs = List.copyOf(hrefs);
    this.tilePresent = tilePresent;
  }

  /**
   * @return {@code provider:name}
   */
  public String id() {
    return id;
  }

  /**
   * @return the provider's slug
   */
  public String provider() {
    return provider;
  }

  /**
   * @return the dataset's name within its provider
   */
  public String name() {
    return name;
  }

  /**
   * @return the variable reported with each result (the name unless the file says otherwise)
   */
  public String variable() {
    return variable;
  }

  /**
   * @return the units of the values, if the catalog gives them
   */
  public Optional<String> units() {
    return Optional.ofNullable(units);
  }

  /**
   * @return the description, if the catalog gives one
   */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * @return whether values are class codes (majority, distribution) rather than quantities
   */
  public boolean categorical() {
    return categorical;
  }

  /**
   * @return the 1-based band the catalog names (1 when it names none); a time series' slices may
   *     differ
   */
  public int bandNumber() {
    return band;
  }

  /**
   * @return the plausible range of values, if the catalog gives one; values outside it are suspect
   */
  public Optional<List<Double>> validRange() {
    return Optional.ofNullable(validRange);
  }

  /**
   * @return the nodata value the catalog states, which overrides the file's, if it does
   */
  public OptionalDouble statedNodata() {
    return nodata;
  }

  /**
   * @return the names of a categorical dataset's class codes, code to name, in file order; empty if
   *     none given
   */
  public Map<String, String> classes() {
    return classes;
  }

  /**
   * @return the resolution in metres as the catalog states it, if it does
   */
  public Optional<Double> statedResolutionM() {
    return Optional.ofNullable(resolutionM);
  }

  /**
   * @return the tiles, for a dataset stored as a global grid of them; empty otherwise
   */
  public Optional<TileSet> tiles() {
    return Optional.ofNullable(tiles);
  }

  /**
   * @return whether the dataset is read as a mosaic of rasters (a grid of tiles, the items of a
   *     STAC catalog) rather than as one raster per timestamp
   */
  public boolean isMosaic() {
    return tiles != null || stac != null;
  }

  /**
   * The rasters of one timestamp, read as one.
   *
   * @param time the timestamp, or null for a dataset without time
   * @param mosaic its rasters
   */
  public record TimedMosaic(Instant time, Mosaic<?> mosaic) {}

  /**
   * The mosaics a geometry reads: a grid of tiles, or the items of each timestamp within {@code
   * [from, to]} (all of them for items without time); none when a STAC API finds no item.
   *
   * @param lonLat the geometry's box in longitude/latitude, which a STAC API is searched for
   * @return the mosaics in time order; empty when no timestamp is in range
   * @throws IllegalStateException for a dataset that is not a mosaic
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the STAC catalog or API that
   *     lists the items cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it cannot be read
   */
  public List<TimedMosaic> mosaics(Envelope lonLat, Instant from, Instant to) {
    if (tiles != null) {
      return List.of(new TimedMosaic(null, tiles));
    }
    if (stac == null) {
      throw new IllegalStateException(id + " is one raster per timestamp, not a mosaic");
    }
    ItemIndex index = stac.near(lonLat, from, to);
    List<Instant> times = index.times();
    if (index.items().isEmpty() && searched()) {
      // A search that finds nothing finds no timestamp.
      return List.of();
    }
    if (times.isEmpty()) {
      return List.of(new TimedMosaic(null, index.mosaic(0)));
    }
    List<TimedMosaic> out = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      if (!times.get(i).isBefore(from) && !times.get(i).isAfter(to)) {
        out.add(new TimedMosaic(times.get(i), index.mosaic(i)));
      }
    }
    return out;
  }

  /**
   * @return whether the dataset's items are found by a search for each geometry (a STAC API), so
   *     that they cannot be listed, nor its timestamps, without one
   */
  public boolean searched() {
    return stac != null && stac.searches();
  }

  /**
   * @return whether the dataset's rasters are fetched over the network, where opening one may take
   *     long
   */
  public boolean remote() {
    return tiles == null && Catalog.isUrl(location);
  }

  /**
   * The grid of the dataset's raster when it can be had without waiting on a source: a local file's
   * (opened now if need be) or a remote one's already opened; empty for tiles, and for a remote
   * raster not opened yet or a file that cannot be opened.
   *
   * @return the grid, or empty
   */
  public Optional<Grid> gridWithoutWaiting() {
    if (isMosaic() || remote() && described == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(raster().grid());
    } catch (RasterIoException | RasterFormatException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * @return the description read from the rasters, or null when they have not been opened yet
   */
  Dataset described() {
    return described;
  }

  /**
   * @return why the rasters could not be opened the last time, or null
   */
  String unavailable() {
    return unavailable;
  }

  void describedAs(Dataset d) {
    boolean learned = !d.equals(described);
    described = d;
    restored = false;
    unavailable = null;
    BiConsumer<String, Description> listener = onDescribed;
    if (learned && listener != null) {
      listener.accept(id, new Description(location, d));
    }
  }

  /** Takes a description kept from an earlier run, without telling the listener, which kept it. */
  void restore(Dataset d) {
    described = d;
    restored = true;
  }

  /**
   * @return whether the description was kept from an earlier run and not yet read again in this one
   */
  boolean restored() {
    return restored;
  }

  void onDescribed(BiConsumer<String, Description> listener) {
    onDescribed = listener;
  }

  void unavailable(String why) {
    unavailable = why;
  }

  /** Runs {@code describe} on a thread of its own, unless it is running already. */
  void describeInBackground(Runnable describe) {
    if (describing.compareAndSet(false, true)) {
      Thread.ofVirtual()
          .name("terrace-describe-" + id)
          .start(
              () -> {
                try {
                  describe.run();
                } finally {
                  describing.set(false);
                }
              });
    }
  }

  /**
   * The rasters behind the dataset, as a catalog search lists them: its file, each time step, each
   * tile of its grid that is there (a remote tile when the tile index lists it), or each item of
   * its STAC catalog.
   *
   * @param lonLat only the tiles of a grid of tiles, or the STAC items, that meet this box; every
   *     item of other kinds
   * @return the items in time or grid order, or a STAC catalog's order; none from a STAC catalog
   *     that cannot be read, since a listing must not fail because one source is down, nor from
   *     STAC items without the asset read, nor from a STAC API, which a listing does not search
   */
  /**
   * @return what the STAC collection this dataset reads says of it, once its catalog has been read
   *     (a listing never waits for that)
   */
  public Optional<StacMetadata> stacMetadata() {
    return stac == null ? Optional.empty() : stac.metadata();
  }

  public List<RasterItem> items(Envelope lonLat) {
    if (stac != null) {
      List<StacItem> all;
      try {
        all = stac.whole().map(ItemIndex::items).orElse(List.of());
      } catch (RasterIoException | RasterFormatException e) {
        return List.of();
      }
      List<RasterItem> out = new ArrayList<>();
      for (StacItem item : all) {
        if (item.href() != null && item.box().intersects(lonLat)) {
          String href = Catalog.isUrl(item.href()) ? RemoteNames.display(item.href()) : item.href();
          out.add(new RasterItem(item.id(), item.time(), href, item.box()));
        }
      }
      return out;
    }
    if (tiles != null) {
      List<RasterItem> out = new ArrayList<>();
      try {
        for (var tile : tiles.grid().touching(lonLat)) {
          String href = tiles.template().format(tile);
          if (tilePresent.test(href)) {
            out.add(new RasterItem(RasterItem.stem(href), null, href, tile.box()));
          }
        }
      } catch (RasterIoException | RasterFormatException e) {
        // A tile index that cannot be read lists nothing; a listing does not fail for it.
        return List.of();
      }
      return out;
    }
    List<Instant> times = times();
    if (times.isEmpty()) {
      return List.of(new RasterItem(RasterItem.stem(hrefs.get(0)), null, hrefs.get(0), null));
    }
    List<RasterItem> out = new ArrayList<>(times.size());
    for (int i = 0; i < times.size(); i++) {
      String href = hrefs.size() == times.size() ? hrefs.get(i) : hrefs.get(0);
      out.add(new RasterItem(RasterItem.stepId(name, times.get(i)), times.get(i), href, null));
    }
    return out;
  }

  /**
   * @return the file path or URL the dataset reads (the first, for a stack of files), its tiles'
   *     template, or its STAC catalog's
   */
  public String location() {
    return location;
  }

  /**
   * The raster of a static dataset, or of a time series' first timestamp, opened on first call and
   * shared afterwards.
   *
   * @return the full-resolution raster
   * @throws dev.terrace.engine.internal.raster.RasterIoException if it cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it cannot be decoded
   * @throws IllegalStateException for a tiled dataset, which has no single raster
   */
  public RasterSource raster() {
    return single().raster(0);
  }

  private RasterAccess single() {
    if (access == null) {
      throw new IllegalStateException(id + " is read as a mosaic, not as one raster");
    }
    return access;
  }

  /**
   * What the band of {@link #raster()} holds, with the catalog's nodata taking precedence over the
   * file's.
   *
   * @return the band description
   */
  public Band band() {
    return layer(0, null).band();
  }

  /**
   * @return the timestamps of a time-varying dataset in ascending order; empty for a static
   *     dataset, and for a STAC API's, whose timestamps are those of the items a search finds
   * @throws dev.terrace.engine.internal.raster.RasterIoException if a file that lists them cannot
   *     be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it cannot be decoded
   */
  public List<Instant> times() {
    return stac != null
        ? stac.whole().map(ItemIndex::times).orElse(List.of())
        : access == null ? List.of() : access.times();
  }

  /**
   * The slices a request reads: the only one of a static dataset, or those of a time series whose
   * timestamp lies within {@code [from, to]}. Nothing is opened yet.
   *
   * @param from the first instant included
   * @param to the last instant included
   * @return indices for {@link #layer(int)}, in time order; empty when no timestamp is in range
   * @throws dev.terrace.engine.internal.raster.RasterIoException if a file that lists the
   *     timestamps cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it cannot be decoded
   */
  public List<Integer> steps(Instant from, Instant to) {
    List<Instant> times = times();
    if (times.isEmpty()) {
      return List.of(0);
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      Instant t = times.get(i);
      if (!t.isBefore(from) && !t.isAfter(to)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Opens one slice.
   *
   * @param step an index from {@link #steps}
   * @return the slice, its raster open
   * @throws dev.terrace.engine.internal.raster.RasterIoException if its raster cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it cannot be decoded
   * @throws UnreadableException if the catalog names a band the file does not have
   */
  public Layer layer(int step) {
    List<Instant> times = single().times();
    return layer(step, times.isEmpty() ? null : times.get(step));
  }

  private Layer layer(int step, Instant time) {
    RasterSource r = single().raster(step);
    int number = single().band(step, band);
    return new Layer(time, r, number, band(r, number));
  }

  /**
   * @param r one of the dataset's rasters: its raster, or one of its tiles
   * @return what the dataset's band means in {@code r}, with the catalog's nodata taking precedence
   */
  public Band band(RasterSource r) {
    return band(r, band);
  }

  private Band band(RasterSource r, int number) {
    Band fromFile;
    try {
      fromFile = r.band(number);
    } catch (IllegalArgumentException e) {
      // The band the catalog names is not in the file; the file's own message says which bands it
      // has.
      throw new UnreadableException(e.getMessage(), e);
    }
    return nodata.isPresent()
        ? new Band(fromFile.type(), nodata, fromFile.scale(), fromFile.offset())
        : fromFile;
  }

  void close() {
    if (tiles != null) {
      tiles.close();
    }
    if (stac != null) {
      stac.close();
    }
    if (access != null) {
      access.close();
    }
  }

  @Override
  public String toString() {
    return "CatalogDataset[" + id + " <- " + location + " band " + band + "]";
  }
}
