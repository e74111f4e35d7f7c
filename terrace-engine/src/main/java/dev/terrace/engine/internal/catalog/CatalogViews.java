package dev.terrace.engine.internal.catalog;

import dev.terrace.api.BoundingBox;
import dev.terrace.api.DataType;
import dev.terrace.api.Dataset;
import dev.terrace.api.Protocol;
import dev.terrace.api.Provider;
import dev.terrace.api.Temporal;
import dev.terrace.api.ValueRange;
import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.stacread.StacMetadata;
import dev.terrace.engine.internal.time.Timestamps;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Describes catalog entries as the API's records, reading from each raster what the catalog file
 * does not say: its CRS, its extent in longitude/latitude and its resolution; from a STAC catalog,
 * its items' times and the box of their footprints. A raster or catalog that cannot be opened is
 * described from the file alone.
 */
public final class CatalogViews {

  private static final BoundingBox GLOBE = new BoundingBox(-180, -90, 180, 90);

  private CatalogViews() {}

  /**
   * @param provider a catalog provider
   * @param withDatasets whether to describe its datasets too (a provider "get"), or only count them
   *     (a "list")
   * @return the API record
   */
  public static Provider provider(CatalogProvider provider, boolean withDatasets) {
    return new Provider(
        provider.slug(),
        provider.name(),
        Protocol.of(provider.protocol()),
        provider.baseUrl().orElse(null),
        provider
            .license()
            .or(
                () ->
                    provider.datasets().stream()
                        .flatMap(d -> d.stacMetadata().stream())
                        .map(StacMetadata::license)
                        .filter(java.util.Objects::nonNull)
                        .findFirst())
            .orElse(null),
        provider.citation().orElse(null),
        provider.description().orElse(null),
        provider.datasets().size(),
        withDatasets ? provider.datasets().stream().map(CatalogViews::dataset).toList() : null);
  }

  /**
   * Describes a dataset without waiting on its source: from what its rasters said when last opened;
   * a local dataset not opened yet is opened now; a remote one is opened in the background, and
   * meanwhile listed from the catalog alone, as unavailable, with why.
   *
   * @param d a catalog dataset
   * @return the API record
   */
  public static Dataset dataset(CatalogDataset d) {
    if (d.tiles().isPresent() || d.searched()) {
      // A grid of tiles, or a STAC API's items, are described from the catalog alone: they are
      // opened, or searched, only to be read.
      return describe(d, null, null, null);
    }
    Dataset known = d.described();
    if (known != null) {
      if (d.restored()) {
        // Kept from an earlier run: answer with it, and read the file again behind the answer.
        d.describeInBackground(() -> open(d));
      }
      return known;
    }
    if (!d.remote()) {
      return open(d);
    }
    d.describeInBackground(() -> open(d));
    String why = d.unavailable();
    return describe(d, null, null, null)
        .unavailable(
            why != null
                ? why
                : "being opened: listings do not wait for "
                    + d.location()
                    + "; ask again in a moment");
  }

  /**
   * Opens the dataset's rasters and describes them, remembering the description or why there is
   * none.
   */
  private static Dataset open(CatalogDataset d) {
    try {
      Temporal temporal =
          Temporal.of(d.times().stream().map(Timestamps::format).toArray(String[]::new));
      Dataset described =
          d.isMosaic() ? items(d, temporal) : describe(d, d.raster().grid(), d.band(), temporal);
      d.describedAs(described);
      return described;
    } catch (RasterIoException | RasterFormatException | IllegalArgumentException e) {
      // Listing the catalog must not fail because one file is down; its details stay empty until it
      // is back.
      d.unavailable(e.getMessage());
      return describe(d, null, null, null).unavailable(e.getMessage());
    }
  }

  /**
   * A STAC catalog's items, without opening their rasters: they may lie in several CRSs, so none is
   * reported.
   */
  private static Dataset items(CatalogDataset d, Temporal temporal) {
    Envelope box = new Envelope();
    d.items(new Envelope(-180, 180, -90, 90)).forEach(i -> box.expandToInclude(i.box()));
    return describe(
        d,
        null,
        temporal,
        d.statedResolutionM().orElse(null),
        null,
        box.isNull()
            ? null
            : new BoundingBox(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()));
  }

  private static Dataset describe(CatalogDataset d, Grid grid, Band band, Temporal temporal) {
    boolean tiled = d.tiles().isPresent();
    return describe(
        d,
        band,
        temporal,
        d.statedResolutionM()
            .orElse(
                grid == null
                    ? null
                    : grid.resolutionMetres(grid.width() / 2.0, grid.height() / 2.0)),
        tiled ? "EPSG:4326" : grid == null ? null : grid.crsName(),
        tiled ? GLOBE : grid == null ? null : bbox(grid));
  }

  private static Dataset describe(
      CatalogDataset d,
      Band band,
      Temporal temporal,
      Double resolutionM,
      String crs,
      BoundingBox bbox) {
    OptionalDouble nodata = band != null ? band.nodata() : d.statedNodata();
    List<Double> range = d.validRange().orElse(null);
    // What the catalog entry leaves unsaid, a STAC collection may say.
    Optional<StacMetadata> stac = d.stacMetadata();
    Map<String, String> classes =
        d.classes().isEmpty() && d.categorical()
            ? stac.map(StacMetadata::classes).orElse(Map.of())
            : d.classes();
    Double statedNodata =
        nodata.isPresent()
            ? Double.valueOf(nodata.getAsDouble())
            : stac.map(StacMetadata::nodata).orElse(null);
    return new Dataset(
        d.id(),
        d.provider(),
        d.name(),
        d.variable(),
        d.description().or(() -> stac.map(StacMetadata::description)).orElse(null),
        d.units().or(() -> stac.map(StacMetadata::unit)).orElse(null),
        d.categorical() ? DataType.CATEGORICAL : DataType.CONTINUOUS,
        statedNodata,
        range == null ? null : new ValueRange(range.get(0), range.get(1)),
        resolutionM,
        crs,
        bbox,
        temporal,
        d.bandNumber(),
        classes.isEmpty() ? null : classes);
  }

  /**
   * The raster's footprint in lon/lat: its edges sampled every tenth of their length, as GDAL's
   * gdalinfo -wgs84.
   */
  static BoundingBox bbox(Grid grid) {
    CoordinateReferenceSystem crs = grid.crs();
    CoordinateTransform toLonLat =
        crs == null || crs.isGeographic()
            ? null
            : new CoordinateTransformFactory().createTransform(crs, crs.createGeographic());
    double minLon = Double.POSITIVE_INFINITY;
    double minLat = Double.POSITIVE_INFINITY;
    double maxLon = Double.NEGATIVE_INFINITY;
    double maxLat = Double.NEGATIVE_INFINITY;
    ProjCoordinate out = new ProjCoordinate();
    for (int i = 0; i <= 40; i++) {
      double t = (i % 10) / 10.0;
      int side = i / 10;
      double col =
          switch (side) {
                case 0 -> t;
                case 1 -> 1;
                case 2 -> 1 - t;
                default -> 0;
              }
              * grid.width();
      double row =
          switch (side) {
                case 0 -> 0;
                case 1 -> t;
                case 2 -> 1;
                default -> 1 - t;
              }
              * grid.height();
      double x = grid.transform().x(col, row);
      double y = grid.transform().y(col, row);
      if (toLonLat != null) {
        toLonLat.transform(new ProjCoordinate(x, y), out);
        x = out.x;
        y = out.y;
      }
      minLon = Math.min(minLon, x);
      maxLon = Math.max(maxLon, x);
      minLat = Math.min(minLat, y);
      maxLat = Math.max(maxLat, y);
    }
    return new BoundingBox(minLon, minLat, maxLon, maxLat);
  }
}
