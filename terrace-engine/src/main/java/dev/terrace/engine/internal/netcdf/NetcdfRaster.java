package dev.terrace.engine.internal.netcdf;

import dev.terrace.engine.internal.raster.Band;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.RasterFormatException;
import dev.terrace.engine.internal.raster.RasterIoException;
import dev.terrace.engine.internal.raster.RasterSource;
import dev.terrace.engine.internal.raster.Samples;
import dev.terrace.engine.internal.raster.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sis.storage.DataStoreException;

/**
 * One variable of a netCDF-3 (classic or 64-bit offset) file as a raster, read through Apache SIS.
 *
 * <p><b>Bands</b> are time steps: band {@code i} is time index {@code i - 1}, its instant {@code
 * times().get(i - 1)}. A variable without a time axis has one band and no times. A time coordinate
 * without {@code units} gives steps without instants, as GDAL reads them: one band per step and no
 * times; the grid then comes from the x and y coordinate variables, which SIS does not georeference
 * in such a file. Variables are {@code (time, y, x)} or {@code (y, x)}, where y/x are
 * latitude/longitude or projected coordinates.
 *
 * <p><b>Grid</b>: row 0 is the northern row and column 0 the western one; an ascending latitude (or
 * projected y) axis is flipped, as GDAL does. The geotransform is GDAL's: cell size from the first
 * and last coordinate values, origin half a cell outside them. The CRS is EPSG:4326 for
 * longitude/latitude coordinates (CF files rarely say more). For projected coordinates it comes
 * from the variable's CF {@code grid_mapping} (an {@code epsg_code}, or transverse Mercator,
 * Lambert conformal conic, Albers, (polar) stereographic, Mercator or Lambert azimuthal
 * parameters); when there is none or it is of another kind the grid's CRS is null and the caller
 * must supply one.
 *
 * <p><b>Values</b> are physical: CF packing ({@code scale_factor}, {@code add_offset}) is applied
 * and missing samples ({@code _FillValue}, {@code missing_value}, outside {@code valid_min}/{@code
 * valid_max}/ {@code valid_range}) are NaN. So every band is FLOAT32 or FLOAT64 with scale 1,
 * offset 0 and <em>no declared nodata value</em>: NaN is the only nodata, and {@link Band#isNodata}
 * always counts NaN as nodata.
 *
 * <p><b>Times</b> follow the CF {@code units} ({@code days|hours|minutes|seconds since <date>}) and
 * {@code calendar} (standard, gregorian, proleptic_gregorian, julian, noleap, 365_day, all_leap,
 * 366_day, 360_day); a date of a model calendar maps to the instant of the same date label, and
 * labels that the Gregorian calendar lacks (360_day February 30) are clamped to the month's last
 * day, keeping the time of day. Other units or calendars fail the opening with a {@link
 * RasterFormatException}.
 *
 * <p><b>Reading</b> goes by blocks holding every time step of a rectangle of cells (whole rows when
 * they fit in about 2 MiB), kept in a cache shared by all open variables and bounded in bytes, so
 * repeated small windows cost a copy. Every SIS read starts at the first time step: SIS 1.6 reads
 * record variables (along the unlimited dimension) from wrong offsets otherwise. Instances are
 * thread-safe.
 */
public final class NetcdfRaster implements RasterSource {

  private static final AtomicLong IDS = new AtomicLong();

  private final String name;
  private final String variable;
  private final SisStore store;
  private final Grid grid;
  private final Band band;
  private final List<Instant> times;
  private final int bands;
  private final BlockReader reader;
  private final long id = IDS.incrementAndGet();
  private volatile boolean closed;

  private NetcdfRaster(
      String name,
      String variable,
      SisStore store,
      Grid grid,
      Band band,
      List<Instant> times,
      int bands,
      BlockReader reader) {
    this.name = name;
    this.variable = variable;
    this.store = store;
    this.grid = grid;
    this.band = band;
    this.times = times;
    this.bands = bands;
    this.reader = reader;
  }

  /**
   * Opens one variable of a local netCDF-3 file.
   *
   * @param file the file
   * @param variable the name of the variable to read
   * @return the raster; close it when done
   * @throws RasterIoException if the file cannot be read
   * @throws RasterFormatException if it is not a netCDF-3 file, has no such variable, or the
   *     variable is not a grid we can read (the message lists the file's variables)
   */
  public static NetcdfRaster open(Path file, String variable) {
    return open(file, variable, BlockReader.BLOCK_BYTES);
  }

  /**
   * As {@link #open(Path, String)}, with blocks of about {@code blockBytes}, so tests can make
   * many.
   */
  static NetcdfRaster open(Path file, String variable, long blockBytes) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(variable, "variable");
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new RasterIoException(
          file
              + ": cannot read the netCDF file for variable \""
              + variable
              + "\": it does not exist or is not a readable file");
    }
    return build(file.toString(), variable, SisStore.open(file.toString(), file), blockBytes);
  }

  /**
   * Opens one variable of a netCDF-3 file held in memory, such as a classpath resource. SIS reads
   * only files, so the bytes go to a temporary file that {@link #close()} deletes.
   *
   * @param name what to call the file in messages
   * @param content the file's bytes
   * @param variable the name of the variable to read
   * @return the raster; close it when done
   * @throws RasterIoException if the temporary file cannot be written
   * @throws RasterFormatException as {@link #open(Path, String)}
   */
  public static NetcdfRaster open(String name, byte[] content, String variable) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(variable, "variable");
    return build(name, variable, SisStore.openCopy(name, content), BlockReader.BLOCK_BYTES);
  }

  private static NetcdfRaster build(String name, String variable, SisStore store, long blockBytes) {
    try {
      SisStore.Variable v = store.variable(variable);
      String where = name + ": variable \"" + variable + "\"";
      GridLayout layout;
      try {
        layout = GridLayout.of(v.geometry(), () -> HorizontalAxes.of(store.path(), variable));
      } catch (IllegalArgumentException e) {
        throw new RasterFormatException(where + " is not a raster: " + e.getMessage(), e);
      }
      CfAttributes attributes = store.attributes();
      Unpacker unpacker;
      try {
        unpacker = Unpacker.of(attributes.of(variable), v.rawDataType(layout.dimensions()));
      } catch (IllegalArgumentException e) {
        throw new RasterFormatException(where + ": " + e.getMessage(), e);
      } catch (DataStoreException e) {
        String message = where + ": cannot read the first cell: " + e.getMessage();
        throw SisStore.isIoFailure(e)
            ? new RasterIoException(message, e)
            : new RasterFormatException(message, e);
      }
      Grid grid =
          new Grid(
              layout.width(),
              layout.height(),
              layout.transform(),
              CfGridMapping.crs(layout, attributes, variable));
      List<Instant> times;
      try {
        times = CfTime.instants(layout, attributes);
      } catch (IllegalArgumentException e) {
        throw new RasterFormatException(where + ": " + e.getMessage(), e);
      }
      BlockReader reader =
          new BlockReader(
              v.resource(),
              v.sampleDimension(),
              v.geometry(),
              layout,
              unpacker,
              store.lock(),
              blockBytes);
      return new NetcdfRaster(
          name,
          variable,
          store,
          grid,
          new Band(unpacker.type(), OptionalDouble.empty(), 1, 0),
          times,
          layout.bands(),
          reader);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * @return the name of the variable read
   */
  public String variable() {
    return variable;
  }

  /**
   * @return the instant of each band, band {@code i} at index {@code i - 1}; empty when the
   *     variable has no time axis
   */
  public List<Instant> times() {
    return times;
  }

  @Override
  public Grid grid() {
    return grid;
  }

  @Override
  public int bandCount() {
    return bands;
  }

  /**
   * {@inheritDoc}
   *
   * @return FLOAT32 or FLOAT64, no declared nodata (missing cells are NaN), scale 1, offset 0
   */
  @Override
  public Band band(int band) {
    checkBand(band);
    return this.band;
  }

  @Override
  public void readInto(Window window, int band, Object destination) {
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
              + name);
    }
    Class<?> storage = Samples.storageClass(this.band.type());
    if (!storage.isInstance(destination)
        || java.lang.reflect.Array.getLength(destination) < window.cells()) {
      throw new IllegalArgumentException(
          "band "
              + band
              + " of "
              + name
              + " is "
              + this.band.type()
              + " and needs a "
              + storage.getSimpleName()
              + " of at least "
              + window.cells()
              + " elements");
    }
    if (closed) {
      throw new IllegalStateException(name + " (variable \"" + variable + "\") is closed");
    }
    int bw = reader.blockWidth();
    int bh = reader.blockHeight();
    for (int br = window.row() / bh; br <= (window.endRow() - 1) / bh; br++) {
      for (int bc = window.col() / bw; bc <= (window.endCol() - 1) / bw; bc++) {
        int index = br * reader.blocksAcross() + bc;
        copy(load(index), reader.window(index), band - 1, window, destination);
      }
    }
  }

  private Object load(int block) {
    try {
      return BlockCache.get(id, block, reader::read);
    } catch (BlockReader.DataStoreFailure e) {
      String message =
          name
              + ": cannot read variable \""
              + variable
              + "\" (block "
              + block
              + "): "
              + e.getMessage();
      if (SisStore.isIoFailure(e)) {
        throw new RasterIoException(message, e.getCause());
      }
      throw new RasterFormatException(message, e.getCause());
    }
  }

  /** Copies the part of one time step of a block that lies in the window. */
  private static void copy(Object block, Window from, int time, Window window, Object out) {
    int colStart = Math.max(window.col(), from.col());
    int colEnd = Math.min(window.endCol(), from.endCol());
    int rowStart = Math.max(window.row(), from.row());
    int rowEnd = Math.min(window.endRow(), from.endRow());
    int base = time * from.width() * from.height();
    for (int r = rowStart; r < rowEnd; r++) {
      int src = base + (r - from.row()) * from.width() + (colStart - from.col());
      int dst = (r - window.row()) * window.width() + (colStart - window.col());
      System.arraycopy(block, src, out, dst, colEnd - colStart);
    }
  }

  private void checkBand(int band) {
    if (band < 1 || band > bands) {
      throw new IllegalArgumentException(
          "band "
              + band
              + " does not exist in "
              + name
              + " (variable \""
              + variable
              + "\"); it has "
              + bands
              + (bands == 1 ? " band" : " bands"));
    }
  }

  /**
   * @return empty: netCDF files hold no reduced-resolution copies
   */
  @Override
  public List<RasterSource> overviews() {
    return List.of();
  }

  /**
   * Closes the SIS store, drops this variable's cached blocks and deletes the temporary copy, if
   * any.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    BlockCache.invalidate(id);
    store.close();
  }

  @Override
  public String toString() {
    return "NetcdfRaster["
        + name
        + ":"
        + variable
        + ", "
        + grid.width()
        + "x"
        + grid.height()
        + ", "
        + bands
        + " x "
        + band.type()
        + "]";
  }
}
