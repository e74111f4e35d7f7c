package dev.terrace.engine.catalog;

import dev.terrace.engine.geotiff.GeoTiff;
import dev.terrace.engine.geotiff.TileCache;
import dev.terrace.engine.io.ByteSource;
import dev.terrace.engine.raster.Band;
import dev.terrace.engine.raster.RasterSource;
import dev.terrace.engine.tiles.TileSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * One dataset of a catalog: what the file says about it, and its raster, opened on first use and kept open
 * (a COG's header is then read once, however many requests use it). A dataset stored as a global grid of
 * tiles ({@code cog_tiles}) has no single raster: it is read through {@link #tiles()}.
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
  private final Supplier<ByteSource> bytes;
  private final Map<String, String> classes;
  private final TileSet tiles;
  private volatile GeoTiff raster;

  /** A tiled dataset: its location is the template that names its tiles. */
  CatalogDataset(String provider, CatalogFile.DatasetEntry entry, TileSet tiles) {
    this(provider, entry, tiles.template().toString(), () -> {
      throw new IllegalStateException(provider + ":" + entry.name() + " is a grid of tiles, not one raster");
    }, tiles);
  }

  /** @param tiles the tiles of a tiled dataset, null for one raster */
  CatalogDataset(String provider, CatalogFile.DatasetEntry entry, String location, Supplier<ByteSource> bytes,
      TileSet tiles) {
    this.id = provider + ":" + entry.name();
    this.provider = provider;
    this.name = entry.name();
    this.variable = entry.variable() != null ? entry.variable() : entry.name();
    this.units = entry.units();
    this.description = entry.description();
    this.categorical = "categorical".equals(entry.dataType());
    this.band = entry.band() != null ? entry.band() : 1;
    this.nodata = entry.nodata() != null ? OptionalDouble.of(entry.nodata()) : OptionalDouble.empty();
    this.validRange = entry.validRange();
    this.resolutionM = entry.resolutionM();
    this.location = location;
    this.bytes = bytes;
    this.classes = entry.classes() == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(entry.classes()));
    this.tiles = tiles;
  }

  /** @return {@code provider:name} */
  public String id() {
    return id;
  }

  /** @return the provider's slug */
  public String provider() {
    return provider;
  }

  /** @return the dataset's name within its provider */
  public String name() {
    return name;
  }

  /** @return the variable reported with each result (the name unless the file says otherwise) */
  public String variable() {
    return variable;
  }

  /** @return the units of the values, if the catalog gives them */
  public Optional<String> units() {
    return Optional.ofNullable(units);
  }

  /** @return the description, if the catalog gives one */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** @return whether values are class codes (majority, distribution) rather than quantities */
  public boolean categorical() {
    return categorical;
  }

  /** @return the 1-based band read */
  public int bandNumber() {
    return band;
  }

  /** @return the plausible range of values, if the catalog gives one; values outside it are suspect */
  public Optional<List<Double>> validRange() {
    return Optional.ofNullable(validRange);
  }

  /** @return the nodata value the catalog states, which overrides the file's, if it does */
  public OptionalDouble statedNodata() {
    return nodata;
  }

  /** @return the names of a categorical dataset's class codes, code to name, in file order; empty if none given */
  public Map<String, String> classes() {
    return classes;
  }

  /** @return the resolution in metres as the catalog states it, if it does */
  public Optional<Double> statedResolutionM() {
    return Optional.ofNullable(resolutionM);
  }

  /** @return the tiles, for a dataset stored as a global grid of them; empty for a dataset of one raster */
  public Optional<TileSet> tiles() {
    return Optional.ofNullable(tiles);
  }

  /** @return the file path or URL the dataset reads, or the template naming its tiles */
  public String location() {
    return location;
  }

  /**
   * Opens the raster on first call and returns the same instance afterwards.
   *
   * @return the full-resolution raster
   * @throws dev.terrace.engine.raster.RasterIoException if it cannot be fetched
   * @throws dev.terrace.engine.raster.RasterFormatException if it cannot be decoded
   * @throws IllegalStateException for a tiled dataset, which has no single raster
   */
  public GeoTiff raster() {
    GeoTiff r = raster;
    if (r == null) {
      synchronized (this) {
        r = raster;
        if (r == null) {
          r = GeoTiff.open(bytes.get(), TileCache.shared());
          raster = r;
        }
      }
    }
    return r;
  }

  /**
   * What the band's values mean, with the catalog's nodata taking precedence over the file's.
   *
   * @return the band description
   */
  public Band band() {
    return band(raster());
  }

  /**
   * @param r one of the dataset's rasters: its raster, or one of its tiles
   * @return what the dataset's band means in {@code r}, with the catalog's nodata taking precedence
   */
  public Band band(RasterSource r) {
    Band fromFile = r.band(band);
    return nodata.isPresent() ? new Band(fromFile.type(), nodata, fromFile.scale(), fromFile.offset()) : fromFile;
  }

  synchronized void close() {
    if (tiles != null) {
      tiles.close();
    }
    if (raster != null) {
      raster.close();
      raster = null;
    }
  }

  @Override
  public String toString() {
    return "CatalogDataset[" + id + " <- " + location + " band " + band + "]";
  }
}
