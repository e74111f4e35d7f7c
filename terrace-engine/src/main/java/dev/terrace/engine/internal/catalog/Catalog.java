package dev.terrace.engine.internal.catalog;

import dev.terrace.engine.internal.geotiff.GeoTiff;
import dev.terrace.engine.internal.geotiff.Sidecars;
import dev.terrace.engine.internal.io.FileByteSource;
import dev.terrace.engine.internal.io.HttpByteSource;
import dev.terrace.engine.internal.io.HttpOptions;
import dev.terrace.engine.internal.io.MemoryByteSource;
import dev.terrace.engine.internal.io.ObjectStorage;
import dev.terrace.engine.internal.io.ObjectStore;
import dev.terrace.engine.internal.io.RemoteNames;
import dev.terrace.engine.internal.raster.RasterIoException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The providers and datasets Terrace can read, from a catalog file (JSON, or YAML with the same
 * shape) or the built-in sample catalog. Dataset paths are relative to the catalog file's folder
 * unless absolute, a URL or an object's location ({@code s3://}, {@code gs://}), read as its
 * provider's {@code storage} says.
 *
 * <p>Rasters are opened on first use and stay open until {@link #close()}. Thread-safe.
 */
public final class Catalog implements AutoCloseable {

  private static final String SAMPLES = "/dev/terrace/engine/samples/";

  private final String source;
  private final List<CatalogProvider> providers;
  private final Map<String, CatalogDataset> datasets = new LinkedHashMap<>();

  private Catalog(String source, List<CatalogProvider> providers) {
    this.source = source;
    this.providers = providers;
    for (CatalogProvider p : providers) {
      for (CatalogDataset d : p.datasets()) {
        datasets.put(d.id(), d);
      }
    }
  }

  /**
   * Reads a catalog file; {@code .yaml} and {@code .yml} files are read as YAML, anything else as
   * JSON.
   *
   * @param file the catalog
   * @return the catalog
   * @throws CatalogException if the file cannot be read or breaks a rule; the message names the
   *     field
   */
  public static Catalog load(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CatalogException(file + ": cannot be read: " + e.getMessage(), e);
    }
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
    Path folder = file.toAbsolutePath().getParent();
    return new Catalog(
        file.toString(),
        CatalogLoader.load(
            file.toString(), content, yaml, (where, storage) -> locate(folder, where, storage)));
  }

  /**
   * The sample datasets bundled with Terrace: elevation of Luxembourg ({@code lux:elevation}) and
   * Olinda ({@code olinda:elevation}), Puerto Rico land cover ({@code pr_landcover:land_cover}),
   * six Landsat 7 bands over Olinda ({@code landsat_olinda:band1} … {@code band7}), and the monthly
   * precipitation and temperature of 1999 over the south-eastern United States ({@code bcsd:pr},
   * {@code bcsd:tas}, netCDF); and two global datasets read from their public tiles on the
   * internet, Copernicus DEM GLO-30 ({@code copernicus_dem:elevation}) and ESA WorldCover 2021
   * ({@code esa_worldcover:land_cover}).
   *
   * @return a new catalog over the bundled files and the global tiles
   */
  public static Catalog builtin() {
    return new Catalog(
        "built-in catalog",
        CatalogLoader.load(
            "builtin.json",
            resource("builtin.json"),
            false,
            (where, storage) ->
                isUrl(where)
                    ? remote(where, storage)
                    : new CatalogLoader.Location(
                        "built-in " + where,
                        where,
                        () -> new MemoryByteSource("built-in " + where, resource(where)),
                        null,
                        Sidecars.none(),
                        false)));
  }

  /**
   * @return whether {@code where} is read over the network: an http(s) URL or an object's location
   */
  static boolean isUrl(String where) {
    String lower = where.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://")
        || lower.startsWith("https://")
        || ObjectStore.isObject(where);
  }

  /**
   * A URL or an object; its label, which messages and listings show, leaves out the query, which
   * may carry a signature.
   *
   * @throws IllegalArgumentException if the URL is malformed or has no host
   */
  private static CatalogLoader.Location remote(String url, ObjectStorage storage) {
    if (ObjectStore.isObject(url)) {
      return new CatalogLoader.Location(
          ObjectStore.name(url),
          url,
          () -> ObjectStore.open(url, storage, HttpOptions.defaults()),
          null,
          Sidecars.of(suffix -> ObjectStore.open(url + suffix, storage, HttpOptions.defaults())),
          true);
    }
    String label = RemoteNames.display(url);
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // The exception's own message quotes the whole URL, query and all.
      throw new IllegalArgumentException(
          e.getReason() + (e.getIndex() < 0 ? "" : " at index " + e.getIndex()) + ": " + label);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + label);
    }
    return new CatalogLoader.Location(
        label,
        // The asset a search lists, without a signature its query may carry.
        label,
        () -> HttpByteSource.open(uri),
        null,
        Sidecars.of(suffix -> HttpByteSource.open(URI.create(url + suffix))),
        true);
  }

  private static CatalogLoader.Location locate(Path folder, String where, ObjectStorage storage) {
    if (isUrl(where)) {
      return remote(where, storage);
    }
    String lower = where.toLowerCase(Locale.ROOT);
    Path path = lower.startsWith("file:") ? Path.of(URI.create(where)) : folder.resolve(where);
    return new CatalogLoader.Location(
        path.toString(),
        where,
        () -> FileByteSource.open(path),
        path,
        GeoTiff.besides(path),
        false);
  }

  private static byte[] resource(String name) {
    try (InputStream in = Catalog.class.getResourceAsStream(SAMPLES + name)) {
      if (in == null) {
        throw new RasterIoException(
            "the bundled sample " + name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new RasterIoException(
          "cannot read the bundled sample " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return where the catalog came from, for messages
   */
  public String source() {
    return source;
  }

  /**
   * @return every provider, in file order
   */
  public List<CatalogProvider> providers() {
    return providers;
  }

  /**
   * @param slug a provider's slug
   * @return the provider, if there is one by that slug
   */
  public Optional<CatalogProvider> provider(String slug) {
    return providers.stream().filter(p -> p.slug().equals(slug)).findFirst();
  }

  /**
   * @return every dataset, in file order
   */
  public List<CatalogDataset> datasets() {
    return List.copyOf(datasets.values());
  }

  /**
   * @param id {@code provider:name}
   * @return the dataset, if there is one by that id
   */
  public Optional<CatalogDataset> dataset(String id) {
    return Optional.ofNullable(datasets.get(id));
  }

  /**
   * Gives back what an earlier run learned about the datasets, so that they are listed described at
   * once; a description of another location than the dataset's now (the catalog changed) is
   * ignored.
   *
   * @param known descriptions by dataset id
   */
  public void restore(Map<String, Description> known) {
    known.forEach(
        (id, d) ->
            dataset(id)
                .filter(ds -> ds.location().equals(d.location()))
                .ifPresent(ds -> ds.restore(d.dataset())));
  }

  /**
   * Tells {@code listener} about each description learned from a dataset's rasters from now on, for
   * keeping.
   *
   * @param listener called with the dataset's id and its description, on the thread that opened the
   *     rasters
   */
  public void onDescribed(BiConsumer<String, Description> listener) {
    datasets.values().forEach(d -> d.onDescribed(listener));
  }

  /** Closes every raster this catalog opened. */
  @Override
  public void close() {
    datasets.values().forEach(CatalogDataset::close);
  }
}
