package dev.terrace.engine.internal.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.terrace.engine.internal.crs.CrsIdentifier;
import dev.terrace.engine.internal.crs.ProjCrs;
import dev.terrace.engine.internal.geotiff.Sidecars;
import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.io.ObjectStorage;
import dev.terrace.engine.internal.stacread.ItemSource;
import dev.terrace.engine.internal.stacread.StacIndex;
import dev.terrace.engine.internal.stacread.StacSearch;
import dev.terrace.engine.internal.tiles.TileGrid;
import dev.terrace.engine.internal.tiles.TileSet;
import dev.terrace.engine.internal.tiles.UrlTemplate;
import dev.terrace.engine.internal.time.Timestamps;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Parses and validates a catalog file. Every rule broken is reported with the file and the field
 * path, so a user can fix the file without reading our code.
 */
final class CatalogLoader {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_\\-]*");
  private static final Set<String> PROTOCOLS = Set.of("cog", "cog_tiles", "netcdf", "stac");

  /**
   * Where a dataset's path or URL leads: a label for messages, a way to open its bytes, the local
   * file when it is one (for readers that need a file rather than bytes), and the files beside it.
   *
   * @param remote whether looking beside it costs requests, so that only datasets that ask for it
   *     do
   */
  record Location(
      String label,
      String href,
      Supplier<ByteSource> bytes,
      Path file,
      Sidecars sidecars,
      boolean remote) {

    /**
     * @return the sidecars to read: beside a local file always, beside a remote one when the entry
     *     asks
     */
    Sidecars sidecars(Boolean wanted) {
      return !remote || Boolean.TRUE.equals(wanted) ? sidecars : Sidecars.none();
    }
  }

  private final String file;
  private final BiFunction<String, ObjectStorage, Location> resolver;

  private CatalogLoader(String file, BiFunction<String, ObjectStorage, Location> resolver) {
    this.file = file;
    this.resolver = resolver;
  }

  /**
   * @param file the file's name, for messages
   * @param content the file's bytes
   * @param yaml whether the content is YAML rather than JSON
   * @param resolver turns a dataset's {@code path} or {@code url}, with its provider's storage
   *     options, into a location
   */
  static List<CatalogProvider> load(
      String file,
      byte[] content,
      boolean yaml,
      BiFunction<String, ObjectStorage, Location> resolver) {
    return new CatalogLoader(file, resolver).load(content, yaml);
  }

  private List<CatalogProvider> load(byte[] content, boolean yaml) {
    ObjectMapper mapper =
        (yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    CatalogFile parsed;
    try {
      parsed = mapper.readValue(content, CatalogFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new CatalogException(
          file
              + ": "
              + path(e)
              + ": unknown field \""
              + e.getPropertyName()
              + "\"; known fields: "
              + e.getKnownPropertyIds(),
          e);
    } catch (JacksonException e) {
      throw new CatalogException(
          file
              + ": not valid "
              + (yaml ? "YAML" : "JSON")
              + " for a catalog: "
              + e.getOriginalMessage(),
          e);
    } catch (java.io.IOException e) {
      throw new CatalogException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (parsed == null || parsed.providers() == null || parsed.providers().isEmpty()) {
      throw new CatalogException(file + ": providers: a catalog needs at least one provider");
    }
    List<CatalogProvider> providers = new ArrayList<>();
    Set<String> slugs = new HashSet<>();
    for (int i = 0; i < parsed.providers().size(); i++) {
      CatalogProvider p = provider("providers[" + i + "]", parsed.providers().get(i));
      if (!slugs.add(p.slug())) {
        throw error(
            "providers[" + i + "].slug", "\"" + p.slug() + "\" is used by an earlier provider");
      }
      providers.add(p);
    }
    return List.copyOf(providers);
  }

  private CatalogProvider provider(String at, CatalogFile.ProviderEntry p) {
    if (p == null) {
      throw error(at, "must be an object");
    }
    String slug = require(at + ".slug", p.slug());
    if (!SLUG.matcher(slug).matches()) {
      throw error(at + ".slug", "\"" + slug + "\" must be lower-case letters, digits, '_' or '-'");
    }
    String protocol = require(at + ".protocol", p.protocol()).toLowerCase(Locale.ROOT);
    if (!PROTOCOLS.contains(protocol)) {
      throw error(
          at + ".protocol", "\"" + protocol + "\" is not one of cog, cog_tiles, netcdf, stac");
    }
    if (p.datasets() == null || p.datasets().isEmpty()) {
      throw error(at + ".datasets", "a provider needs at least one dataset");
    }
    ObjectStorage storage = storage(at + ".storage", p.storage());
    List<CatalogDataset> datasets = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int j = 0; j < p.datasets().size(); j++) {
      String dat = at + ".datasets[" + j + "]";
      CatalogDataset d = dataset(dat, slug, protocol, p.datasets().get(j), storage);
      if (!names.add(d.name())) {
        throw error(dat + ".name", "\"" + d.name() + "\" is used by an earlier dataset of " + slug);
      }
      datasets.add(d);
    }
    return new CatalogProvider(
        slug,
        p.name() != null ? p.name() : slug,
        protocol,
        Optional.ofNullable(p.baseUrl()),
        Optional.ofNullable(p.license()),
        Optional.ofNullable(p.citation()),
        Optional.ofNullable(p.description()),
        datasets);
  }

  /** A provider's {@code storage}, checked now: its messages name no key or secret. */
  private ObjectStorage storage(String at, CatalogFile.StorageEntry s) {
    if (s == null) {
      return ObjectStorage.defaults();
    }
    URI endpoint = null;
    if (s.endpoint() != null) {
      try {
        endpoint = new URI(s.endpoint());
      } catch (URISyntaxException e) {
        throw error(at + ".endpoint", "is not a URL: " + e.getReason());
      }
    }
    try {
      return new ObjectStorage(
          endpoint,
          s.region(),
          Boolean.TRUE.equals(s.anonymous()),
          Boolean.TRUE.equals(s.requesterPays()),
          s.pathStyle(),
          s.profile(),
          s.accessKeyId(),
          s.secretAccessKey(),
          s.sessionToken());
    } catch (IllegalArgumentException e) {
      throw error(at, e.getMessage());
    }
  }

  private CatalogDataset dataset(
      String at,
      String provider,
      String protocol,
      CatalogFile.DatasetEntry d,
      ObjectStorage storage) {
    if (d == null) {
      throw error(at, "must be an object");
    }
    String name = require(at + ".name", d.name());
    if (name.contains(":")) {
      throw error(
          at + ".name", "\"" + name + "\" must not contain ':' (dataset ids are provider:name)");
    }
    if (d.band() != null && d.band() < 1) {
      throw error(at + ".band", "must be at least 1, got " + d.band());
    }
    if (d.dataType() != null && !Set.of("continuous", "categorical").contains(d.dataType())) {
      throw error(at + ".data_type", "\"" + d.dataType() + "\" is not continuous or categorical");
    }
    if (d.validRange() != null
        && (d.validRange().size() != 2
            || d.validRange().contains(null)
            || d.validRange().get(0) > d.validRange().get(1))) {
      throw error(at + ".valid_range", "must be [min, max] with min <= max, got " + d.validRange());
    }
    checkClasses(at, d);
    if (d.crs() != null && !protocol.equals("cog")) {
      throw error(
          at + ".crs",
          "is for protocol cog, whose files may lack a CRS; a "
              + protocol
              + " dataset "
              + switch (protocol) {
                case "netcdf" -> "takes its CRS from the file's grid_mapping";
                case "stac" -> "reads each item's CRS from its file";
                default -> "is a grid of WGS 84 tiles";
              });
    }
    if (protocol.equals("stac")) {
      return stac(at, provider, d, storage);
    }
    if (d.stac() != null) {
      throw error(
          at + ".stac", "is for protocol stac; a " + protocol + " dataset names its own files");
    }
    CoordinateReferenceSystem crs = d.crs() == null ? null : crs(at + ".crs", d.crs());
    if (protocol.equals("cog_tiles")) {
      TileIndex index = d.tileIndex() == null ? null : tileIndex(at, d.tileIndex(), storage);
      return new CatalogDataset(
          provider, d, tiles(at, d, storage), where -> present(where, storage, index));
    }
    if (d.urlTemplate() != null || d.tileDegrees() != null || d.tileIndex() != null) {
      throw error(
          at
              + (d.urlTemplate() != null
                  ? ".url_template"
                  : d.tileDegrees() != null ? ".tile_degrees" : ".tile_index"),
          "is for protocol cog_tiles; a " + protocol + " dataset reads one file, its path or url");
    }
    if (protocol.equals("netcdf")) {
      return netcdf(at, provider, d, storage);
    }
    if (d.timeSteps() != null) {
      return timeSeries(at, provider, d, crs, storage);
    }
    Location location = locate(at, d.path(), d.url(), storage);
    return new CatalogDataset(
        provider,
        d,
        location.label(),
        List.of(location.href()),
        new SingleRaster(location.bytes(), location.sidecars(d.sidecars()), crs));
  }

  /**
   * A dataset's {@code crs}: an EPSG code (in any form {@link CrsIdentifier} reads) or a PROJ
   * definition, used instead of the CRS its files state (or lack).
   */
  private CoordinateReferenceSystem crs(String at, String text) {
    String t = text.trim();
    try {
      if (t.startsWith("+")) {
        return ProjCrs.define(null, t);
      }
      int code = CrsIdentifier.epsgCode(t);
      if (code >= 0) {
        return ProjCrs.epsg(code);
      }
    } catch (RuntimeException e) {
      // proj4j reports an unknown code or a bad parameter with assorted unchecked exceptions.
      throw error(at, "\"" + text + "\" is not a CRS proj4j knows: " + e.getMessage());
    }
    throw error(
        at,
        "\""
            + text
            + "\" must be an EPSG code (\"EPSG:32633\") or a PROJ definition (\"+proj=...\")");
  }

  /**
   * One variable of a netCDF file; its time axis, if it has one, gives the timestamps. A time axis
   * without {@code units} gives steps without timestamps: the dataset is static and {@code band}
   * picks the step.
   */
  private CatalogDataset netcdf(
      String at, String provider, CatalogFile.DatasetEntry d, ObjectStorage storage) {
    if (d.timeSteps() != null) {
      throw error(
          at + ".time_steps", "a netcdf dataset takes its timestamps from the file's time axis");
    }
    // band is checked when the file is opened: only steps without timestamps are chosen by band.
    Location location = locate(at, d.path(), d.url(), storage);
    String variable = d.variable() != null ? d.variable() : d.name();
    return new CatalogDataset(
        provider,
        d,
        location.label(),
        List.of(location.href()),
        new NetcdfVariable(location.file(), location.bytes(), variable, d.band() != null));
  }

  /** A stack of COGs, one per timestamp, sorted by time whatever the file's order. */
  private CatalogDataset timeSeries(
      String at,
      String provider,
      CatalogFile.DatasetEntry d,
      CoordinateReferenceSystem crs,
      ObjectStorage storage) {
    if (d.path() != null || d.url() != null) {
      throw error(at + ".time_steps", "a dataset has either a path/url or time_steps, not both");
    }
    if (d.timeSteps().isEmpty()) {
      throw error(at + ".time_steps", "must list at least one {time, path}");
    }
    List<RasterSeries.Step> steps = new ArrayList<>();
    Set<Instant> seen = new HashSet<>();
    String first = null;
    for (int k = 0; k < d.timeSteps().size(); k++) {
      String step = at + ".time_steps[" + k + "]";
      CatalogFile.TimeStepEntry e = d.timeSteps().get(k);
      if (e == null) {
        throw error(step, "must be an object {time, path}");
      }
      Instant time;
      try {
        time = Timestamps.start(require(step + ".time", e.time()));
      } catch (IllegalArgumentException bad) {
        throw error(step + ".time", bad.getMessage());
      }
      if (!seen.add(time)) {
        throw error(step + ".time", "\"" + e.time() + "\" is listed twice");
      }
      Location location = locate(step, e.path(), e.url(), storage);
      first = first == null ? location.label() : first;
      steps.add(
          new RasterSeries.Step(
              time, location.href(), location.bytes(), location.sidecars(d.sidecars())));
    }
    steps.sort(Comparator.comparing(RasterSeries.Step::time));
    return new CatalogDataset(
        provider,
        d,
        first,
        steps.stream().map(RasterSeries.Step::href).toList(),
        new RasterSeries(steps, crs));
  }

  /**
   * Where a dataset's bytes are, refused now rather than at its first read if the URL cannot be
   * opened.
   */
  private Location locate(String at, String path, String url, ObjectStorage storage) {
    String where = path != null ? path : url;
    if (where == null || where.isBlank()) {
      throw error(at + ".path", "a dataset needs a path or a url");
    }
    try {
      return resolver.apply(where, storage);
    } catch (IllegalArgumentException bad) {
      throw error(at + (path != null ? ".path" : ".url"), bad.getMessage());
    }
  }

  /**
   * A global grid of tiles: each tile's name from the template is a path or URL like a cog
   * dataset's.
   */
  private TileSet tiles(String at, CatalogFile.DatasetEntry d, ObjectStorage storage) {
    if (d.path() != null || d.url() != null) {
      throw error(
          at + (d.path() != null ? ".path" : ".url"),
          "is for protocol cog; a cog_tiles dataset names its tiles with url_template");
    }
    String template = require(at + ".url_template", d.urlTemplate());
    if (d.tileDegrees() == null) {
      throw error(at + ".tile_degrees", "is required: the tiles' edge length in degrees");
    }
    UrlTemplate names;
    TileGrid grid;
    try {
      names = UrlTemplate.parse(template);
    } catch (IllegalArgumentException e) {
      throw error(at + ".url_template", "\"" + template + "\" " + e.getMessage());
    }
    try {
      grid = TileGrid.of(d.tileDegrees());
    } catch (IllegalArgumentException e) {
      throw error(at + ".tile_degrees", e.getMessage());
    }
    return new TileSet(names, grid, where -> resolver.apply(where, storage).bytes().get());
  }

  /**
   * The items of a static STAC catalog: its root document is a path or URL like a cog dataset's,
   * and every href in it is resolved against the document that holds it, then read as the
   * provider's {@code storage} says. Nothing is fetched until the dataset is first read.
   */
  private CatalogDataset stac(
      String at, String provider, CatalogFile.DatasetEntry d, ObjectStorage storage) {
    for (String[] other :
        new String[][] {
          {"path", d.path()},
          {"url", d.url()},
          {"url_template", d.urlTemplate()},
          {"time_steps", d.timeSteps() == null ? null : "given"},
          {"tile_degrees", d.tileDegrees() == null ? null : "given"}
        }) {
      if (other[1] != null) {
        throw error(
            at + "." + other[0],
            "is not for protocol stac, whose files and times are the catalog's items'");
      }
    }
    if (d.stac() == null) {
      throw error(at + ".stac", "is required: {catalog, asset} or {api, collection, asset}");
    }
    CatalogFile.StacEntry s = d.stac();
    if ((s.catalog() == null) == (s.api() == null)) {
      throw error(
          at + ".stac",
          "needs either catalog (a static catalog's JSON) or api (a STAC API's root), not both");
    }
    String asset = require(at + ".stac.asset", s.asset());
    boolean api = s.api() != null;
    String field = at + (api ? ".stac.api" : ".stac.catalog");
    String where = require(field, api ? s.api() : s.catalog());
    String collection = api ? require(at + ".stac.collection", s.collection()) : s.collection();
    if (collection != null && collection.isBlank()) {
      throw error(at + ".stac.collection", "must not be blank; leave it out to read every item");
    }
    if (api && !where.toLowerCase(Locale.ROOT).matches("https?://.*")) {
      throw error(field, "must be an http:// or https:// URL, the root of a STAC API");
    }
    Location root;
    try {
      root = resolver.apply(where, storage);
    } catch (IllegalArgumentException bad) {
      throw error(field, bad.getMessage());
    }
    Function<String, ByteSource> opener = href -> resolver.apply(href, storage).bytes().get();
    ItemSource items =
        api
            ? new StacSearch(where, collection, asset, opener)
            : new StacIndex(
                root.file() != null ? root.file().toString() : where, collection, asset, opener);
    return new CatalogDataset(provider, d, root.label(), items);
  }

  /**
   * Whether a tile's file is there: a local one is looked for; a remote one is there when the
   * dataset's tile index lists it, since finding out otherwise costs a request per tile.
   */
  private boolean present(String where, ObjectStorage storage, TileIndex index) {
    Path local = resolver.apply(where, storage).file();
    if (local != null) {
      return java.nio.file.Files.isRegularFile(local);
    }
    return index != null && index.lists(where);
  }

  private TileIndex tileIndex(String at, String where, ObjectStorage storage) {
    try {
      Location location = resolver.apply(where, storage);
      return new TileIndex(location.label(), location.bytes());
    } catch (IllegalArgumentException bad) {
      throw error(at + ".tile_index", bad.getMessage());
    }
  }

  private void checkClasses(String at, CatalogFile.DatasetEntry d) {
    if (d.classes() == null) {
      return;
    }
    if (!"categorical".equals(d.dataType())) {
      throw error(
          at + ".classes",
          "names the classes of a categorical dataset; set data_type to categorical");
    }
    for (Map.Entry<String, String> c : d.classes().entrySet()) {
      if (!c.getKey().matches("-?\\d+(\\.\\d+)?")) {
        throw error(
            at + ".classes",
            "\"" + c.getKey() + "\" is not a class code (a number, such as \"10\")");
      }
      if (c.getValue() == null || c.getValue().isBlank()) {
        throw error(at + ".classes." + c.getKey(), "needs a name");
      }
    }
  }

  private String require(String at, String value) {
    if (value == null || value.isBlank()) {
      throw error(at, "is required");
    }
    return value;
  }

  private CatalogException error(String at, String problem) {
    return new CatalogException(file + ": " + at + ": " + problem);
  }

  private static String path(UnrecognizedPropertyException e) {
    StringBuilder out = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }
}
