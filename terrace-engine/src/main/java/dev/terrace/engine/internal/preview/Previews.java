package dev.terrace.engine.internal.preview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.terrace.api.BoundingBox;
import dev.terrace.api.DataType;
import dev.terrace.api.Dataset;
import dev.terrace.api.TerraceApi;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.catalog.CatalogProvider;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Envelope;

/**
 * Preview tiles of the catalog's datasets: Web Mercator XYZ PNGs read from the overview matching
 * the zoom, coloured by a named ramp or the dataset's class colours, transparent where there is no
 * data, and kept once rendered. Thread-safe.
 */
public final class Previews {

  /** Rendered tiles kept, by their bytes. */
  private static final long CACHE_BYTES = 64L << 20;

  private final Catalog catalog;
  private final TerraceApi api;
  private final Styles styles;
  private final Cache<TileKey, PreviewTile> tiles =
      Caffeine.newBuilder()
          .maximumWeight(CACHE_BYTES)
          .<TileKey, PreviewTile>weigher((k, v) -> v.png().length + 96)
          .build();

  /** A rendered tile's identity once its request is resolved. */
  private record TileKey(
      String dataset, int step, TileAddress tile, String colormap, double min, double max) {}

  /**
   * @param catalog the datasets
   * @param api what the engine says of them (extent, resolution, class names)
   */
  public Previews(Catalog catalog, TerraceApi api) {
    this.catalog = catalog;
    this.api = api;
    this.styles = new Styles();
  }

  /**
   * Renders a tile, or answers it from the tiles kept.
   *
   * @param request the tile and its query parameters
   * @return the PNG; transparent outside the dataset
   * @throws dev.terrace.api.NotFoundException if there is no such dataset
   * @throws dev.terrace.api.InvalidRequestException naming {@code z}, {@code x}, {@code y}, {@code
   *     colormap}, {@code rescale} or {@code timestamp} when it is wrong
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the rasters cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if they cannot be decoded
   */
  public PreviewTile tile(TileRequest request) {
    TileAddress tile = new TileAddress(request.z(), request.x(), request.y(), request.scale());
    Dataset view = api.dataset(request.datasetId());
    CatalogDataset dataset = catalog.dataset(view.id()).orElseThrow();
    Style style =
        styles.resolve(dataset, view, request.colormap(), request.rescale(), request.timestamp());
    if (!meets(view.bbox(), tile.lonLatBox())) {
      return EmptyTiles.of(tile.pixels());
    }
    TileKey key =
        new TileKey(view.id(), style.step(), tile, style.colormap(), style.min(), style.max());
    return tiles.get(key, k -> render(dataset, style, tile));
  }

  /**
   * What a client needs to show the dataset's tiles: its extent, zooms, attribution and legend.
   *
   * @param datasetId the dataset
   * @param colormap a colour map's name, or null for the default
   * @param rescale {@code min,max}, {@code auto}, or null for the default
   * @param timestamp one of its timestamps, or null for the first
   * @return the facts of its TileJSON document
   * @throws dev.terrace.api.NotFoundException if there is no such dataset
   * @throws dev.terrace.api.InvalidRequestException naming the parameter that is wrong
   */
  public PreviewInfo info(String datasetId, String colormap, String rescale, String timestamp) {
    Dataset view = api.dataset(datasetId);
    CatalogDataset dataset = catalog.dataset(view.id()).orElseThrow();
    Style style = styles.resolve(dataset, view, colormap, rescale, timestamp);
    BoundingBox box = view.bbox();
    List<String> colormaps = new ArrayList<>();
    if (view.dataType() == DataType.CATEGORICAL) {
      colormaps.add(Colormaps.CLASSES);
    }
    Colormaps.names().forEach(colormaps::add);
    return new PreviewInfo(
        view.id(),
        view.name(),
        box == null ? null : new double[] {box.minLon(), box.minLat(), box.maxLon(), box.maxLat()},
        NativeZoom.of(dataset, view),
        attribution(view),
        style.colormap(),
        List.copyOf(colormaps),
        dataset.times().stream().map(Instant::toString).toList(),
        style.time() == null ? null : style.time().toString(),
        style.legend());
  }

  private PreviewTile render(CatalogDataset dataset, Style style, TileAddress tile) {
    int[] argb = MosaicPainter.paint(dataset, style, tile);
    if (argb == null) {
      return EmptyTiles.of(tile.pixels());
    }
    byte[] png = Png.encode(argb, tile.pixels());
    return new PreviewTile(png, etag(png), false);
  }

  private String attribution(Dataset view) {
    return catalog
        .provider(view.provider())
        .map(
            (CatalogProvider p) ->
                Stream.of(p.license(), p.citation())
                    .flatMap(Optional::stream)
                    .collect(Collectors.joining(" — ")))
        .filter(s -> !s.isEmpty())
        .orElse(null);
  }

  private static boolean meets(BoundingBox box, Envelope tile) {
    if (box == null) {
      return true;
    }
    if (box.minLon() > box.maxLon()) {
      // across the antimeridian: two boxes
      return meets(new BoundingBox(box.minLon(), box.minLat(), 180, box.maxLat()), tile)
          || meets(new BoundingBox(-180, box.minLat(), box.maxLon(), box.maxLat()), tile);
    }
    Envelope e = new Envelope(box.minLon(), box.maxLon(), box.minLat(), box.maxLat());
    return e.intersects(tile)
        || box.maxLon() > 180 && e.intersects(shift(tile, 360))
        || box.minLon() < -180 && e.intersects(shift(tile, -360));
  }

  private static Envelope shift(Envelope e, double degrees) {
    return new Envelope(e.getMinX() + degrees, e.getMaxX() + degrees, e.getMinY(), e.getMaxY());
  }

  static String etag(byte[] png) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(png);
      return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
