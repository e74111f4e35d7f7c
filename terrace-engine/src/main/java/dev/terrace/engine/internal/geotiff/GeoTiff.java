package dev.terrace.engine.internal.geotiff;

import dev.terrace.engine.internal.io.ByteSource;
import dev.terrace.engine.internal.io.FileByteSource;
import dev.terrace.engine.internal.io.HttpByteSource;
import dev.terrace.engine.internal.io.HttpOptions;
import dev.terrace.engine.internal.io.ObjectStorage;
import dev.terrace.engine.internal.io.ObjectStore;
import dev.terrace.engine.internal.io.RemoteNames;
import dev.terrace.engine.internal.raster.AffineTransform;
import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.SampleType;
import dev.terrace.engine.internal.raster.Samples;
import dev.terrace.engine.internal.raster.Window;
import java.net.URI;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * A GeoTIFF or Cloud-Optimized GeoTIFF, read with our own decoder from a local file or over HTTP.
 *
 * <p>Handles TIFF and BigTIFF in both byte orders; tiles and strips; chunky and planar bands; no
 * compression, LZW, DEFLATE, PackBits, ZSTD and LZMA, with predictors 2 and 3; JPEG (8-bit grey or
 * RGB, also stored as YCbCr, with JPEGTables); lossless WebP (lossy WebP is refused); LERC versions
 * 2 to 4, also wrapped in DEFLATE or ZSTD, with its mask (NaN in floating-point images); 8 to
 * 64-bit integer and floating samples (Int64 and UInt64 with their nodata read exactly, as 64-bit
 * integers), 16-bit floats read as Float32, and unsigned integers bit-packed in fewer bits (GDAL's
 * NBITS); GeoTIFF georeferencing (tiepoint + scale, ModelTransformation, PixelIsPoint) and CRSs
 * from EPSG codes, user-defined parameters or the WKT GDAL stores in a citation, in degrees, grads
 * or radians; GDAL's nodata, scale and offset, from the file or its PAM sidecar. Reduced-resolution
 * images are {@linkplain #overviews() overviews}; other pages are left alone, as GDAL offers them
 * as subdatasets.
 *
 * <p>Cells without data are told apart as GDAL tells them: nodata as the band's type holds it
 * ({@link Band}), then the per-dataset mask (internal, or a {@code .msk} sidecar), then an alpha
 * band; see {@link #hasMask}. Blocks a sparse file does not store read as nodata. A file cut short
 * opens, and the blocks past its end read as masked ({@link #damage()}).
 *
 * <p>Nothing is assumed: a file without a geotransform (plain, or with only GCPs or RPCs), without
 * a CRS we can build, or in a colour space GDAL converts on reading (CMYK, CIELab, raw YCbCr) is
 * refused when opened, with a message saying what to do.
 *
 * <p>Opening reads only the header (one request over HTTP for a COG). Reads fetch just the blocks a
 * window touches, merge neighbouring blocks into one request, decode blocks in parallel and keep
 * them in a {@link TileCache}. Instances are thread-safe.
 */
public final class GeoTiff implements RasterSource {

  /**
   * Windows this large copy their blocks on all cores: memory bandwidth, not the call, is then the
   * limit.
   */
  private static final long PARALLEL_COPY_CELLS = 1 << 20;

  private final ByteSource source;
  private final TileCache cache;
  private final ByteOrder order;
  private final ImageLayout layout;
  private final Grid grid;
  private final List<Band> bands;
  private final Supplier<List<GeoTiff>> overviewBuilder;
  private volatile List<GeoTiff> overviews;
  private final boolean ownsSource;
  private final BlockLoader loader;

  /** The per-dataset mask (internal or {@code .msk}), or null. */
  private final GeoTiff mask;

  /** The 1-based alpha band that masks the others, or 0. */
  private final int alpha;

  /** The blocks past the end of a file cut short, whose cells read as masked. */
  private final List<Integer> lost;

  /** The palette's colours, or null. */
  private final int[] colorTable;

  private GeoTiff(
      ByteSource source,
      TileCache cache,
      ByteOrder order,
      ImageLayout layout,
      Grid grid,
      List<Band> bands,
      Supplier<List<GeoTiff>> overviews,
      boolean ownsSource,
      GeoTiff mask,
      int[] colorTable) {
    this.source = source;
    this.colorTable = colorTable;
    this.cache = cache;
    this.order = order;
    this.layout = layout;
    this.grid = grid;
    this.bands = bands;
    this.overviewBuilder = overviews;
    this.ownsSource = ownsSource;
    this.mask = mask;
    this.alpha = Masks.alphaBand(layout);
    this.lost = layout.lostBlocks();
    this.loader = new BlockLoader(source, layout, order, SparseFill.of(bands.get(0)));
  }

  /**
   * Opens a local GeoTIFF with the shared tile cache.
   *
   * @param path the file
   * @return the full-resolution image; close it when done
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the file cannot be read
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it is not a GeoTIFF we can
   *     decode
   */
  public static GeoTiff open(Path path) {
    return open(FileByteSource.open(path), TileCache.shared(), besides(path));
  }

  /**
   * @param path a local GeoTIFF
   * @return the sidecars GDAL would read beside it: {@code path.aux.xml} and {@code path.msk}
   */
  public static Sidecars besides(Path path) {
    return Sidecars.of(
        suffix -> FileByteSource.open(path.resolveSibling(path.getFileName() + suffix)));
  }

  /**
   * Opens a GeoTIFF by URI: {@code file:} paths locally, {@code http:} and {@code https:} with
   * range requests, {@code s3:} and {@code gs:} objects the same way, signed with the credentials
   * the environment gives (see {@link ObjectStorage}), all with default {@link HttpOptions}.
   *
   * @param uri where the file is
   * @return the full-resolution image; close it when done
   * @throws IllegalArgumentException for other URI schemes
   * @throws dev.terrace.engine.internal.raster.RasterIoException if the file cannot be fetched
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it is not a GeoTIFF we can
   *     decode
   */
  public static GeoTiff open(URI uri) {
    return open(uri, HttpOptions.defaults());
  }

  /**
   * @param uri where the file is
   * @param options how to talk HTTP, for remote files
   * @return the full-resolution image; close it when done
   * @throws IllegalArgumentException for schemes other than file, http, https, s3 and gs
   * @see #open(URI)
   */
  public static GeoTiff open(URI uri, HttpOptions options) {
    return open(uri, options, ObjectStorage.defaults());
  }

  /**
   * @param uri where the file is; an {@code s3:} or {@code gs:} URI's path is percent-decoded into
   *     the object's key
   * @param options how to talk HTTP, for remote files
   * @param storage the endpoint, region and credentials, for {@code s3:} and {@code gs:} objects
   * @return the full-resolution image; close it when done
   * @throws IllegalArgumentException for schemes other than file, http, https, s3 and gs
   * @see #open(URI)
   */
  public static GeoTiff open(URI uri, HttpOptions options, ObjectStorage storage) {
    String scheme =
        uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    return switch (scheme) {
      case "file" -> open(uri.getScheme() == null ? Path.of(uri.getPath()) : Path.of(uri));
      case "http", "https" -> open(HttpByteSource.open(uri, options), TileCache.shared());
      case "s3", "gs" -> open(ObjectStore.open(uri, storage, options), TileCache.shared());
      default ->
          throw new IllegalArgumentException(
              "cannot open "
                  + RemoteNames.display(uri.toString())
                  + ": scheme "
                  + scheme
                  + " is not supported (use file, http, https, s3 or gs)");
    };
  }

  /**
   * Opens a GeoTIFF from any byte source. The returned image owns {@code source} and closes it,
   * also when opening fails.
   *
   * @param source the bytes
   * @param cache where decoded blocks are kept
   * @return the full-resolution image
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it is not a GeoTIFF we can
   *     decode
   */
  public static GeoTiff open(ByteSource source, TileCache cache) {
    return open(source, cache, Sidecars.none(), null);
  }

  /**
   * Opens a GeoTIFF from any byte source, with the sidecars GDAL reads beside it: a PAM {@code
   * .aux.xml} (its nodata replaces the file's; its scale and offset apply where the file declares
   * none, as in GDAL) and an external {@code .msk} mask, used when the file holds no internal mask.
   *
   * @param source the bytes; the returned image owns and closes them, also when opening fails
   * @param cache where decoded blocks are kept
   * @param sidecars where to find the files beside it
   * @return the full-resolution image
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it is not a GeoTIFF we can
   *     decode
   */
  public static GeoTiff open(ByteSource source, TileCache cache, Sidecars sidecars) {
    return open(source, cache, sidecars, null);
  }

  /**
   * Opens a GeoTIFF from any byte source with its sidecars, in a CRS given from outside rather than
   * the file's own: for files that have none, or one stated wrongly.
   *
   * @param source the bytes; the returned image owns and closes them, also when opening fails
   * @param cache where decoded blocks are kept
   * @param sidecars where to find the files beside it
   * @param crs the CRS the geotransform maps into, overriding the file's GeoKeys; null to read the
   *     file's. An EPSG geographic CRS in grads (such as EPSG:4807) takes the geotransform in
   *     grads, as GDAL's {@code -a_srs} does
   * @return the full-resolution image
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if it is not a GeoTIFF we can
   *     decode, has no geotransform, or (without {@code crs}) no CRS we can build
   */
  public static GeoTiff open(
      ByteSource source, TileCache cache, Sidecars sidecars, CoordinateReferenceSystem crs) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(sidecars, "sidecars");
    try {
      return build(source, cache, sidecars, crs);
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  private static GeoTiff build(
      ByteSource source, TileCache cache, Sidecars sidecars, CoordinateReferenceSystem givenCrs) {
    TiffParser.Result tiff = TiffParser.parse(source);
    Subfiles files = Subfiles.of(tiff.ifds());
    Ifd main = files.main();
    Photometric.check(main);
    ImageLayout mainLayout = ImageLayout.of(main, source.length());
    Georeferencing.Placement placement = Georeferencing.place(main, GeoKeys.of(main), givenCrs);
    List<Band> bands = bands(main, mainLayout, PamSidecar.read(sidecars));

    Grid grid =
        new Grid(mainLayout.width(), mainLayout.height(), placement.transform(), placement.crs());
    Masks masks = Masks.of(source, cache, tiff.order(), files, sidecars);
    GeoTiff fullMask = masks.forSize(mainLayout.width(), mainLayout.height(), grid);
    if (fullMask == null) {
      masks.closeUnused();
    }
    Supplier<List<GeoTiff>> overviews =
        () ->
            overviews(
                source, cache, tiff.order(), mainLayout, files.overviews(), grid, bands, masks);
    return new GeoTiff(
        source,
        cache,
        tiff.order(),
        mainLayout,
        grid,
        bands,
        overviews,
        true,
        fullMask,
        Palette.colours(main));
  }

  /**
   * Opens one image of a file: an overview, or a mask.
   *
   * @param grid where the image's cells are
   * @param bands what its bands mean
   * @param mask its mask, or null
   * @param ownsSource whether closing it closes {@code source}
   */
  static GeoTiff image(
      ByteSource source,
      TileCache cache,
      ByteOrder order,
      ImageLayout layout,
      Grid grid,
      List<Band> bands,
      GeoTiff mask,
      boolean ownsSource) {
    return new GeoTiff(source, cache, order, layout, grid, bands, List::of, ownsSource, mask, null);
  }

  /**
   * Builds the overview images; deferred so that opening costs no request for their block arrays.
   */
  private static List<GeoTiff> overviews(
      ByteSource source,
      TileCache cache,
      ByteOrder order,
      ImageLayout main,
      List<Ifd> reduced,
      Grid grid,
      List<Band> bands,
      Masks masks) {
    List<GeoTiff> out = new ArrayList<>();
    for (Ifd ifd : reduced) {
      ImageLayout l = ImageLayout.of(ifd, source.length());
      if (l.samplesPerPixel() != main.samplesPerPixel() || l.width() >= main.width()) {
        continue;
      }
      // GDAL places an overview's cells by the size ratio, whatever the overview's own tags say.
      AffineTransform t =
          grid.transform()
              .scaled((double) main.width() / l.width(), (double) main.height() / l.height());
      Grid g = new Grid(l.width(), l.height(), t, grid.crs());
      out.add(
          image(source, cache, order, l, g, bands, masks.forSize(l.width(), l.height(), g), false));
    }
    out.sort(Comparator.comparingInt((GeoTiff g) -> g.grid.width()).reversed());
    return List.copyOf(out);
  }

  private static List<Band> bands(Ifd ifd, ImageLayout layout, PamSidecar pam) {
    OptionalDouble nodata = GdalMetadata.nodata(ifd);
    SampleType type = layout.sampleType();
    List<Band> out = new ArrayList<>();
    for (int b = 0; b < layout.samplesPerPixel(); b++) {
      PamSidecar.BandValues aux = pam.band(b + 1);
      double scale = GdalMetadata.bandItem(ifd, "scale", b, Double.NaN);
      double offset = GdalMetadata.bandItem(ifd, "offset", b, Double.NaN);
      // GDAL takes nodata from the sidecar first, but scale and offset from the file's own tags
      // first.
      Band band =
          new Band(
              type,
              aux.nodata().isPresent() ? aux.nodata() : nodata,
              !Double.isNaN(scale) ? scale : aux.scale() != null ? aux.scale() : 1,
              !Double.isNaN(offset) ? offset : aux.offset() != null ? aux.offset() : 0);
      if (type.wideInteger()) {
        // GDAL keeps a 64-bit band's nodata as a 64-bit integer read from the text, never through a
        // double.
        String text = aux.nodata().isPresent() ? aux.nodataText() : ifd.ascii(TiffTag.GDAL_NODATA);
        if (text != null && !text.isBlank()) {
          band = band.withNodataBits(Int64Text.parse(text, type == SampleType.INT64));
        }
      }
      out.add(band);
    }
    return List.copyOf(out);
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public Grid grid() {
    return grid;
  }

  @Override
  public int bandCount() {
    return bands.size();
  }

  @Override
  public Band band(int band) {
    checkBand(band);
    return bands.get(band - 1);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The first call reads the overviews' block tables, which in a COG may cost one request.
   *
   * @throws dev.terrace.engine.internal.raster.RasterFormatException if an overview's tags are
   *     broken
   */
  @Override
  public List<GeoTiff> overviews() {
    List<GeoTiff> o = overviews;
    if (o == null) {
      synchronized (this) {
        o = overviews;
        if (o == null) {
          o = overviewBuilder.get();
          overviews = o;
        }
      }
    }
    return o;
  }

  /**
   * Picks the image to read for a wanted cell size, as GDAL does when asked for a downsampled read:
   * the coarsest overview whose cells are no larger than {@code cellSize}, else the full-resolution
   * image.
   *
   * @param cellSize the wanted cell size in CRS units (the larger of the column and row spacings)
   * @return this image or one of its {@linkplain #overviews() overviews}
   * @throws IllegalArgumentException if {@code cellSize} is not a positive number
   */
  public GeoTiff forCellSize(double cellSize) {
    if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
      throw new IllegalArgumentException("cell size must be a positive number: " + cellSize);
    }
    GeoTiff best = this;
    for (GeoTiff overview : overviews()) {
      double[] res = overview.grid().resolution();
      if (Math.max(res[0], res[1]) <= cellSize) {
        best = overview;
      }
    }
    return best;
  }

  /**
   * @return the width of the blocks (tiles, or the image width for strips) cells are stored in
   */
  @Override
  public int blockWidth() {
    return layout.blockWidth();
  }

  /**
   * @return the height of the blocks (tiles or strips) cells are stored in
   */
  @Override
  public int blockHeight() {
    return layout.blockHeight();
  }

  /**
   * @return the block's byte count from the IFD's {@code TileByteCounts} (or {@code
   *     StripByteCounts})
   */
  @Override
  public OptionalLong storedBlockBytes(int blockRow, int blockCol, int band) {
    checkBand(band);
    int plane = layout.planar() ? band - 1 : 0;
    return OptionalLong.of(layout.byteCounts()[layout.blockIndex(plane, blockRow, blockCol)]);
  }

  @Override
  public void readInto(Window window, int band, Object out) {
    checkBand(band);
    if (!grid.contains(window)) {
      throw new IllegalArgumentException(
          "window "
              + window
              + " is not inside the "
              + grid.width()
              + " x "
              + grid.height()
              + " grid of "
              + name());
    }
    Class<?> storage = Samples.storageClass(layout.sampleType());
    if (!storage.isInstance(out) || java.lang.reflect.Array.getLength(out) < window.cells()) {
      throw new IllegalArgumentException(
          "band "
              + band
              + " of "
              + name()
              + " is "
              + layout.sampleType()
              + " and needs a "
              + storage.getSimpleName()
              + " of at least "
              + window.cells()
              + " elements");
    }
    int plane = layout.planar() ? band - 1 : 0;
    int sample = layout.planar() ? 0 : band - 1;
    int spp = layout.samplesPerBlockPixel();
    int bw = layout.blockWidth();
    int bh = layout.blockHeight();
    int c0 = window.col() / bw;
    int c1 = (window.endCol() - 1) / bw;
    int r0 = window.row() / bh;
    int r1 = (window.endRow() - 1) / bh;
    List<BlockKey> keys = new ArrayList<>((c1 - c0 + 1) * (r1 - r0 + 1));
    for (int br = r0; br <= r1; br++) {
      for (int bc = c0; bc <= c1; bc++) {
        keys.add(
            new BlockKey(
                source.identity(), layout.ifd().index(), layout.blockIndex(plane, br, bc)));
      }
    }
    Map<BlockKey, Object> blocks = cache.getAll(keys, missing -> loader.load(missing));
    int across = c1 - c0 + 1;
    IntConsumer copy =
        k ->
            copyBlock(
                blocks.get(keys.get(k)),
                r0 + k / across,
                c0 + k % across,
                window,
                out,
                spp,
                sample);
    if (window.cells() >= PARALLEL_COPY_CELLS) {
      BlockLoader.inParallel(keys.size(), copy);
    } else {
      for (int k = 0; k < keys.size(); k++) {
        copy.accept(k);
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A band is masked by the file's per-dataset mask (internal, or a {@code .msk} sidecar) and,
   * in a 2-band or 4-band image whose last band is alpha, by that alpha band, as GDAL masks it.
   */
  @Override
  public boolean hasMask(int band) {
    checkBand(band);
    return mask != null || (alpha != 0 && band != alpha) || !lost.isEmpty();
  }

  @Override
  public void readMask(Window window, int band, byte[] valid) {
    if (!hasMask(band)) {
      throw new IllegalArgumentException("band " + band + " of " + name() + " has no mask");
    }
    if (mask != null) {
      mask.readInto(window, 1, valid);
    } else {
      Arrays.fill(valid, 0, Math.toIntExact(window.cells()), (byte) 1);
    }
    if (alpha != 0 && band != alpha) {
      Masks.applyAlpha(read(window, alpha), valid);
    }
    for (int block : lost) {
      maskBlock(block, band, window, valid);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A file cut short (a truncated download) opens; the blocks past its end read as masked.
   */
  @Override
  public Optional<int[]> colorTable() {
    return Optional.ofNullable(colorTable).map(int[]::clone);
  }

  @Override
  public Optional<String> damage() {
    if (lost.isEmpty()) {
      return Optional.empty();
    }
    List<Integer> named = lost.subList(0, Math.min(10, lost.size()));
    return Optional.of(
        name()
            + " is cut short at "
            + source.length()
            + " bytes: "
            + lost.size()
            + (layout.tiled() ? " tile" : " strip")
            + (lost.size() == 1 ? "" : "s")
            + " of IFD "
            + layout.ifd().index()
            + " ("
            + named.stream().map(String::valueOf).collect(Collectors.joining(", "))
            + (lost.size() > named.size() ? ", …" : "")
            + ") lie past its end and read as missing");
  }

  /** Zeroes the cells of a lost block of this band that lie in the window. */
  private void maskBlock(int block, int band, Window window, byte[] valid) {
    int perPlane = layout.blocksAcross() * layout.blocksDown();
    if (layout.planar() && block / perPlane != band - 1) {
      return;
    }
    int br = (block % perPlane) / layout.blocksAcross();
    int bc = block % layout.blocksAcross();
    int c0 = Math.max(window.col(), bc * layout.blockWidth());
    int c1 = Math.min(window.endCol(), (bc + 1) * layout.blockWidth());
    for (int r = Math.max(window.row(), br * layout.blockHeight());
        r < Math.min(window.endRow(), (br + 1) * layout.blockHeight());
        r++) {
      int at = (r - window.row()) * window.width() - window.col();
      for (int c = c0; c < c1; c++) {
        valid[at + c] = 0;
      }
    }
  }

  /**
   * Copies the part of one block that lies in the window, picking the band out of chunky pixels.
   */
  private void copyBlock(
      Object block, int br, int bc, Window window, Object out, int spp, int sample) {
    int bw = layout.blockWidth();
    int bh = layout.blockHeight();
    int colStart = Math.max(window.col(), bc * bw);
    int colEnd = Math.min(window.endCol(), (bc + 1) * bw);
    int rowStart = Math.max(window.row(), br * bh);
    int rowEnd = Math.min(window.endRow(), (br + 1) * bh);
    for (int r = rowStart; r < rowEnd; r++) {
      int src = ((r - br * bh) * bw + (colStart - bc * bw)) * spp + sample;
      int dst = (r - window.row()) * window.width() + (colStart - window.col());
      BlockCopy.copy(block, src, spp, out, dst, colEnd - colStart);
    }
  }

  private void checkBand(int band) {
    if (band < 1 || band > bands.size()) {
      throw new IllegalArgumentException(
          "band "
              + band
              + " does not exist in "
              + name()
              + "; it has "
              + bands.size()
              + (bands.size() == 1 ? " band" : " bands"));
    }
  }

  /**
   * Closes the file and its mask sidecar; overviews share them, so closing an overview does
   * nothing.
   */
  @Override
  public void close() {
    if (ownsSource) {
      source.close();
      if (mask != null) {
        mask.close();
      }
    }
  }

  @Override
  public String toString() {
    return "GeoTiff["
        + name()
        + ", "
        + grid.width()
        + "x"
        + grid.height()
        + ", "
        + bands.size()
        + " x "
        + layout.sampleType()
        + ", "
        + layout.compression()
        + "]";
  }
}
