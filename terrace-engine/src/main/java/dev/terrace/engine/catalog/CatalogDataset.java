package dev.terrace.engine.catalog;

import dev.terrace.engine.raster.Band;
import dev.terrace.engine.raster.RasterSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One dataset of a catalog: what the file says about it, and its rasters — one, or one slice per timestamp —
 * opened on first use and kept open (a COG's header is then read once, however many requests use it).
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

  CatalogDataset(String provider, CatalogFile.DatasetEntry entry, String location, RasterAccess access) {
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
    this.access = access;
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

  /** @return the 1-based band the catalog names (1 when it names none); a time series' slices may differ */
  public int bandNumber() {
    return band;
  }

  /** @return the plausible range of values, if the catalog gives one; values outside it are suspect */
  public Optional<List<Double>> validRange() {
    return Optional.ofNullable(validRange);
  }

  /** @return the resolution in metres as the catalog states it, if it does */
  public Optional<Double> statedResolutionM() {
    return Optional.ofNullable(resolutionM);
  }

  /** @return the file path or URL the dataset reads (the first, for a stack of files) */
  public String location() {
    return location;
  }

  /**
   * The raster of a static dataset, or of a time series' first timestamp, opened on first call and shared
   * afterwards.
   *
   * @return the full-resolution raster
   * @throws dev.terrace.engine.raster.RasterIoException if it cannot be fetched
   * @throws dev.terrace.engine.raster.RasterFormatException if it cannot be decoded
   */
  public RasterSource raster() {
    return access.raster(0);
  }

  /**
   * What the band of {@link #raster()} holds, with the catalog's nodata taking precedence over the file's.
   *
   * @return the band description
   */
  public Band band() {
    return layer(0, null).band();
  }

  /**
   * @return the timestamps of a time-varying dataset in ascending order; empty for a static dataset
   * @throws dev.terrace.engine.raster.RasterIoException if a file that lists them cannot be fetched
   * @throws dev.terrace.engine.raster.RasterFormatException if it cannot be decoded
   */
  public List<Instant> times() {
    return access.times();
  }

  /**
   * The slices a request reads: the only one of a static dataset, or those of a time series whose timestamp
   * lies within {@code [from, to]}. Nothing is opened yet.
   *
   * @param from the first instant included
   * @param to the last instant included
   * @return indices for {@link #layer(int)}, in time order; empty when no timestamp is in range
   * @throws dev.terrace.engine.raster.RasterIoException if a file that lists the timestamps cannot be fetched
   * @throws dev.terrace.engine.raster.RasterFormatException if it cannot be decoded
   */
  public List<Integer> steps(Instant from, Instant to) {
    List<Instant> times = access.times();
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
   * @throws dev.terrace.engine.raster.RasterIoException if its raster cannot be fetched
   * @throws dev.terrace.engine.raster.RasterFormatException if it cannot be decoded
   * @throws IllegalArgumentException if the catalog names a band the file does not have
   */
  public Layer layer(int step) {
    List<Instant> times = access.times();
    return layer(step, times.isEmpty() ? null : times.get(step));
  }

  private Layer layer(int step, Instant time) {
    RasterSource r = access.raster(step);
    int number = access.band(step, band);
    Band fromFile = r.band(number);
    Band meaning = nodata.isPresent()
        ? new Band(fromFile.type(), nodata, fromFile.scale(), fromFile.offset()) : fromFile;
    return new Layer(time, r, number, meaning);
  }

  void close() {
    access.close();
  }

  @Override
  public String toString() {
    return "CatalogDataset[" + id + " <- " + location + " band " + band + "]";
  }
}
