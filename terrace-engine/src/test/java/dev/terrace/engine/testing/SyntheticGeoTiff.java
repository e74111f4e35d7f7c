package dev.terrace.engine.testing;

import dev.terrace.engine.raster.SampleType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * Writes tiled, single-band GeoTIFFs for tests and benchmarks: classic little-endian TIFF, or BigTIFF when
 * the file outgrows 32-bit offsets (or when asked), with no compression or DEFLATE (predictor 1), GDAL's
 * nodata tag, and GeoTIFF georeferencing (ModelPixelScale, ModelTiepoint and a GeoKeyDirectory naming an
 * EPSG code).
 *
 * <p>Rasters far larger than memory are cheap to write when their tiles repeat: a tile whose bytes equal
 * one of the few most recently written distinct tiles is not stored again, its TileOffsets entry points at
 * the earlier copy (TIFF allows blocks to share bytes). A pattern that depends only on {@code (col %
 * tileWidth, row % tileHeight)} thus makes a 20 000 × 20 000 raster of 512-cell tiles a few megabytes, and
 * it is written in seconds. Edge tiles are padded past the raster's edge with the nodata value (0 without
 * one) when values come from a {@link CellValues} function.
 *
 * <p>The file's layout is COG-like: header, then the IFD and its tag data, then the tiles in row-major
 * order, so that the header of a remote copy arrives in one request.
 *
 * <pre>{@code
 * SyntheticGeoTiff.Written w = SyntheticGeoTiff.builder(20_000, 20_000)
 *     .tileSize(512).sampleType(SampleType.FLOAT32).compression(SyntheticGeoTiff.Compression.DEFLATE)
 *     .values((col, row) -> col % 512 + row % 512)
 *     .projected(32725).origin(280_000, 9_130_000).cellSize(0.5)
 *     .write(dir.resolve("big.tif"));
 * }</pre>
 */
public final class SyntheticGeoTiff {

  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  /** Distinct tiles remembered for reuse; bounds the writer's memory to this many raw tiles. */
  private static final int RECENT_TILES = 8;
  /** The IFD starts here in both formats: right after the 16-byte BigTIFF header (classic uses 8 of them). */
  private static final long IFD_OFFSET = 16;
  private static final long MAX_CLASSIC_OFFSET = 0xFFFF_FFFFL;

  private SyntheticGeoTiff() {}

  /** How tiles are stored. */
  public enum Compression {
    /** TIFF compression 1. */
    NONE(1),
    /** TIFF compression 8 (Adobe DEFLATE, zlib-wrapped), predictor 1. */
    DEFLATE(8);

    private final int code;

    Compression(int code) {
      this.code = code;
    }

    /** @return the TIFF Compression tag value */
    public int code() {
      return code;
    }
  }

  /** The value of each cell. */
  @FunctionalInterface
  public interface CellValues {
    /**
     * @param col column, 0 to width - 1
     * @param row row, 0 to height - 1
     * @return the cell's value, representable in the sample type (integer types round to nearest)
     */
    double at(int col, int row);
  }

  /** The values of a whole tile at once, for patterns cheaper to build per tile than per cell. */
  @FunctionalInterface
  public interface TileValues {
    /**
     * @param tileCol tile column, 0 to tilesAcross - 1
     * @param tileRow tile row, 0 to tilesDown - 1
     * @return at least tileWidth × tileHeight values, row-major; cells of edge tiles beyond the raster's edge
     *     are written as given. The writer has read the array before it asks for the next tile, so one
     *     array may be refilled and returned for every tile.
     */
    double[] tile(int tileCol, int tileRow);
  }

  /**
   * What was written.
   *
   * @param path the file
   * @param bytes its size
   * @param tiles the number of tiles in the image
   * @param distinctTiles how many tiles' bytes are actually stored; the others point at one of them
   * @param bigTiff whether the file is BigTIFF
   */
  public record Written(Path path, long bytes, int tiles, int distinctTiles, boolean bigTiff) {}

  /**
   * @param width columns, at least 1
   * @param height rows, at least 1
   * @return a builder with 256 × 256 FLOAT32 uncompressed tiles, no nodata and no georeferencing (no model
   *     tags unless an origin, a cell size or a CRS is set; origin 0, 0 and cell size 1 by default). The
   *     reader refuses a file without model tags, and one without a CRS unless it is given one: set both
   *     for a file {@code GeoTiff} should open
   * @throws IllegalArgumentException if a size is not positive
   */
  public static Builder builder(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("raster size must be positive: " + width + " x " + height);
    }
    return new Builder(width, height);
  }

  /** Chooses the raster's contents and georeferencing; {@link #write} writes it. */
  public static final class Builder {
    private final int width;
    private final int height;
    private int tileWidth = 256;
    private int tileHeight = 256;
    private SampleType type = SampleType.FLOAT32;
    private Compression compression = Compression.NONE;
    private int deflateLevel = Deflater.DEFAULT_COMPRESSION;
    private CellValues cells;
    private TileValues tiles;
    private Double nodata;
    private int modelType;
    private int epsg;
    private double x0;
    private double y0;
    private double cellWidth = 1;
    private double cellHeight = 1;
    private boolean forceBigTiff;
    private boolean georeferenced;

    private Builder(int width, int height) {
      this.width = width;
      this.height = height;
    }

    /**
     * @param size tile width and height, a positive multiple of 16 (TIFF requires it)
     * @return this builder
     */
    public Builder tileSize(int size) {
      return tileSize(size, size);
    }

    /**
     * @param width tile width, a positive multiple of 16
     * @param height tile height, a positive multiple of 16
     * @return this builder
     */
    public Builder tileSize(int width, int height) {
      if (width < 16 || height < 16 || width % 16 != 0 || height % 16 != 0) {
        throw new IllegalArgumentException("tile sizes must be positive multiples of 16: " + width + " x " + height);
      }
      if ((long) width * height * 8 > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("tiles of " + width + " x " + height + " are too large");
      }
      this.tileWidth = width;
      this.tileHeight = height;
      return this;
    }

    /**
     * @param type any sample type (UINT8, INT8, UINT16, INT16, UINT32, INT32, FLOAT32, FLOAT64)
     * @return this builder
     */
    public Builder sampleType(SampleType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * @param compression NONE or DEFLATE
     * @return this builder
     */
    public Builder compression(Compression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    /**
     * @param level the {@link Deflater} level, 0 to 9 or -1 for the default (6)
     * @return this builder
     */
    public Builder deflateLevel(int level) {
      if (level < -1 || level > 9) {
        throw new IllegalArgumentException("deflate level must be -1 to 9: " + level);
      }
      this.deflateLevel = level;
      return this;
    }

    /**
     * The cells' values as a function of their position; replaces {@link #tiles}.
     *
     * @param values called once per cell inside the raster
     * @return this builder
     */
    public Builder values(CellValues values) {
      this.cells = Objects.requireNonNull(values, "values");
      this.tiles = null;
      return this;
    }

    /**
     * The cells' values tile by tile; replaces {@link #values}.
     *
     * @param tiles called once per tile, in row-major tile order
     * @return this builder
     */
    public Builder tiles(TileValues tiles) {
      this.tiles = Objects.requireNonNull(tiles, "tiles");
      this.cells = null;
      return this;
    }

    /**
     * Declares a nodata value (the GDAL_NODATA tag). For FLOAT32 the value is stored as the float it rounds
     * to, written out exactly, so that readers comparing cells with it find them.
     *
     * @param nodata the value; NaN and infinities only for floating-point types, otherwise an integer in the
     *     sample type's range (checked when writing)
     * @return this builder
     */
    public Builder nodata(double nodata) {
      this.nodata = nodata;
      return this;
    }

    /**
     * A projected CRS: GTModelType 1 (projected) and ProjectedCSTypeGeoKey {@code epsg}.
     *
     * @param epsg the EPSG code, for example 32725 (WGS 84 / UTM 25S)
     * @return this builder
     */
    public Builder projected(int epsg) {
      checkCode(epsg);
      this.modelType = 1;
      this.epsg = epsg;
      this.georeferenced = true;
      return this;
    }

    /**
     * WGS 84 longitude/latitude: GTModelType 2 (geographic) and GeographicTypeGeoKey 4326.
     *
     * @return this builder
     */
    public Builder geographic() {
      return geographic(4326);
    }

    /**
     * A geographic CRS: GTModelType 2 and GeographicTypeGeoKey {@code epsg}.
     *
     * @param epsg the EPSG code of a geographic CRS
     * @return this builder
     */
    public Builder geographic(int epsg) {
      checkCode(epsg);
      this.modelType = 2;
      this.epsg = epsg;
      this.georeferenced = true;
      return this;
    }

    /**
     * @param x0 x of the top-left corner of cell (0, 0), in CRS units
     * @param y0 y of that corner
     * @return this builder
     */
    public Builder origin(double x0, double y0) {
      if (!Double.isFinite(x0) || !Double.isFinite(y0)) {
        throw new IllegalArgumentException("origin must be finite: " + x0 + ", " + y0);
      }
      this.x0 = x0;
      this.y0 = y0;
      this.georeferenced = true;
      return this;
    }

    /**
     * @param size the width and height of a cell, in CRS units; rows go south (north-up)
     * @return this builder
     */
    public Builder cellSize(double size) {
      return cellSize(size, size);
    }

    /**
     * @param width the width of a cell, positive
     * @param height the height of a cell, positive; rows go south (north-up)
     * @return this builder
     */
    public Builder cellSize(double width, double height) {
      if (!(width > 0 && height > 0) || Double.isInfinite(width) || Double.isInfinite(height)) {
        throw new IllegalArgumentException("cell sizes must be positive: " + width + " x " + height);
      }
      this.cellWidth = width;
      this.cellHeight = height;
      this.georeferenced = true;
      return this;
    }

    /**
     * @param bigTiff true to write BigTIFF even when classic TIFF would do
     * @return this builder
     */
    public Builder bigTiff(boolean bigTiff) {
      this.forceBigTiff = bigTiff;
      return this;
    }

    /**
     * Writes the file, replacing any file at {@code path}.
     *
     * @param path where to write
     * @return what was written
     * @throws IllegalStateException if no values were given
     * @throws IllegalArgumentException if a value or the nodata value cannot be stored in the sample type
     * @throws UncheckedIOException if writing fails
     */
    public Written write(Path path) {
      if (cells == null && tiles == null) {
        throw new IllegalStateException("give the cells' values with values(...) or tiles(...)");
      }
      String nodataText = nodata == null ? null : nodataText(type, nodata);
      try {
        return new Writer(this, nodataText).write(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path, e);
      }
    }

    private static void checkCode(int epsg) {
      if (epsg < 1 || epsg > 32766) {
        throw new IllegalArgumentException("EPSG codes in GeoKeys are 1 to 32766: " + epsg);
      }
    }
  }

  /** One write: tiles first (after space reserved for the IFD), then the header and IFD. */
  private static final class Writer {
    private final Builder b;
    private final String nodataText;
    private final int across;
    private final int down;
    private final int tileCells;
    private final byte[] raw;
    private final double[] values;
    private final Deflater deflater;
    private byte[] compressed = new byte[0];
    private final Deque<Stored> recent = new ArrayDeque<>();

    private record Stored(byte[] raw, long offset, long count) {}

    Writer(Builder b, String nodataText) {
      this.b = b;
      this.nodataText = nodataText;
      this.across = Math.ceilDiv(b.width, b.tileWidth);
      this.down = Math.ceilDiv(b.height, b.tileHeight);
      if ((long) across * down > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("too many tiles: " + across + " x " + down);
      }
      this.tileCells = b.tileWidth * b.tileHeight;
      this.raw = new byte[tileCells * b.type.bytes()];
      this.values = b.cells != null ? new double[tileCells] : null;
      this.deflater = b.compression == Compression.DEFLATE ? new Deflater(b.deflateLevel) : null;
    }

    Written write(Path path) throws IOException {
      int n = across * down;
      long[] offsets = new long[n];
      long[] counts = new long[n];
      long reserved = Math.max(ifd(false, offsets, counts).length, ifd(true, offsets, counts).length);
      long pos = IFD_OFFSET + (reserved + 15) / 16 * 16;
      int distinct = 0;
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        double fill = b.nodata != null ? b.nodata : 0;
        for (int tr = 0; tr < down; tr++) {
          for (int tc = 0; tc < across; tc++) {
            int t = tr * across + tc;
            encode(tileValues(tc, tr, fill));
            Stored same = find();
            if (same != null) {
              offsets[t] = same.offset;
              counts[t] = same.count;
              continue;
            }
            byte[] bytes = raw;
            int length = raw.length;
            if (deflater != null) {
              length = deflate();
              bytes = compressed;
            }
            writeFully(ch, ByteBuffer.wrap(bytes, 0, length), pos);
            offsets[t] = pos;
            counts[t] = length;
            remember(new Stored(raw.clone(), pos, length));
            pos += length;
            distinct++;
          }
        }
        boolean big = b.forceBigTiff || pos > MAX_CLASSIC_OFFSET;
        writeFully(ch, ByteBuffer.wrap(header(big)), 0);
        writeFully(ch, ByteBuffer.wrap(ifd(big, offsets, counts)), IFD_OFFSET);
        return new Written(path, ch.size(), n, distinct, big);
      } finally {
        if (deflater != null) {
          deflater.end();
        }
      }
    }

    private double[] tileValues(int tc, int tr, double fill) {
      if (b.tiles != null) {
        double[] v = b.tiles.tile(tc, tr);
        if (v == null || v.length < tileCells) {
          throw new IllegalArgumentException("tile (" + tc + ", " + tr + ") has " + (v == null ? "no" : v.length)
              + " values; expected " + tileCells);
        }
        return v;
      }
      int c0 = tc * b.tileWidth;
      int r0 = tr * b.tileHeight;
      int cols = Math.min(b.tileWidth, b.width - c0);
      int rows = Math.min(b.tileHeight, b.height - r0);
      if (cols < b.tileWidth || rows < b.tileHeight) {
        Arrays.fill(values, fill);
      }
      CellValues f = b.cells;
      for (int r = 0; r < rows; r++) {
        int i = r * b.tileWidth;
        for (int c = 0; c < cols; c++) {
          values[i + c] = f.at(c0 + c, r0 + r);
        }
      }
      return values;
    }

    /** Converts a tile's values to little-endian samples in {@link #raw}. */
    private void encode(double[] v) {
      int n = tileCells;
      switch (b.type) {
        case FLOAT32 -> {
          for (int i = 0; i < n; i++) {
            FLOAT.set(raw, i << 2, (float) v[i]);
          }
        }
        case FLOAT64 -> {
          for (int i = 0; i < n; i++) {
            DOUBLE.set(raw, i << 3, v[i]);
          }
        }
        case UINT8, INT8 -> {
          for (int i = 0; i < n; i++) {
            raw[i] = (byte) integer(v[i], i);
          }
        }
        case UINT16, INT16 -> {
          for (int i = 0; i < n; i++) {
            SHORT.set(raw, i << 1, (short) integer(v[i], i));
          }
        }
        case UINT32, INT32 -> {
          for (int i = 0; i < n; i++) {
            INT.set(raw, i << 2, (int) integer(v[i], i));
          }
        }
        case INT64, UINT64 -> {
          for (int i = 0; i < n; i++) {
            LONG.set(raw, i << 3, integer(v[i], i));
          }
        }
      }
    }

    private long integer(double v, int index) {
      if (!(v >= min(b.type) - 0.5 && v < max(b.type) + 0.5)) {
        throw new IllegalArgumentException("value " + v + " (tile cell " + index + ") does not fit " + b.type);
      }
      // A UINT64 at or above 2^63 is stored as the signed long with the same bits.
      return v >= 0x1p63 ? (long) (v - 0x1p64) : (long) Math.rint(v);
    }

    /** @return a stored tile with the same bytes as {@link #raw}, or null */
    private Stored find() {
      for (Stored s : recent) {
        if (Arrays.equals(s.raw, raw)) {
          return s;
        }
      }
      return null;
    }

    private void remember(Stored s) {
      if (recent.size() == RECENT_TILES) {
        recent.removeLast();
      }
      recent.addFirst(s);
    }

    /** @return the number of bytes of {@link #raw} deflated into {@link #compressed} */
    private int deflate() {
      deflater.reset();
      deflater.setInput(raw);
      deflater.finish();
      if (compressed.length < raw.length / 4 + 64) {
        compressed = new byte[raw.length / 4 + 64];
      }
      int length = 0;
      while (!deflater.finished()) {
        if (length == compressed.length) {
          compressed = Arrays.copyOf(compressed, compressed.length * 2);
        }
        length += deflater.deflate(compressed, length, compressed.length - length);
      }
      return length;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
      while (buf.hasRemaining()) {
        pos += ch.write(buf, pos);
      }
    }

    private static byte[] header(boolean big) {
      ByteBuffer h = ByteBuffer.allocate(big ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
      h.put((byte) 'I').put((byte) 'I');
      if (big) {
        h.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(IFD_OFFSET);
      } else {
        h.putShort((short) 42).putInt((int) IFD_OFFSET);
      }
      return h.array();
    }

    /** @return the IFD and its out-of-line values, to be written at {@link #IFD_OFFSET} */
    private byte[] ifd(boolean big, long[] offsets, long[] counts) {
      List<Entry> e = new ArrayList<>();
      e.add(Entry.longs(256, b.width));
      e.add(Entry.longs(257, b.height));
      e.add(Entry.shorts(258, b.type.bytes() * 8));
      e.add(Entry.shorts(259, b.compression.code()));
      e.add(Entry.shorts(262, 1)); // BlackIsZero
      e.add(Entry.shorts(277, 1));
      e.add(Entry.shorts(284, 1));
      if (b.compression == Compression.DEFLATE) {
        e.add(Entry.shorts(317, 1));
      }
      e.add(Entry.longs(322, b.tileWidth));
      e.add(Entry.longs(323, b.tileHeight));
      e.add(big ? Entry.long8s(324, offsets) : Entry.longs(324, offsets));
      e.add(big ? Entry.long8s(325, counts) : Entry.longs(325, counts));
      e.add(Entry.shorts(339, b.type.floatingPoint() ? 3 : b.type.signed() ? 2 : 1));
      if (b.georeferenced) {
        e.add(Entry.doubles(33550, b.cellWidth, b.cellHeight, 0));
        e.add(Entry.doubles(33922, 0, 0, 0, b.x0, b.y0, 0));
      }
      if (b.modelType != 0) {
        // Version 1.1.0, 3 keys: GTModelType, GTRasterType = PixelIsArea, and the CRS code.
        int crsKey = b.modelType == 1 ? 3072 : 2048;
        e.add(Entry.shorts(34735, 1, 1, 0, 3, 1024, 0, 1, b.modelType, 1025, 0, 1, 1, crsKey, 0, 1, b.epsg));
      }
      if (nodataText != null) {
        e.add(Entry.ascii(42113, nodataText));
      }

      int entrySize = big ? 20 : 12;
      int inline = big ? 8 : 4;
      // Out-of-line values follow the directory, each on an 8-byte boundary (IFD_OFFSET is one).
      long dirSize = ((big ? 8 : 2) + (long) e.size() * entrySize + (big ? 8 : 4) + 7) / 8 * 8;
      long extra = 0;
      for (Entry x : e) {
        if (x.data.length > inline) {
          extra += (x.data.length + 7) / 8 * 8;
        }
      }
      long total = dirSize + extra;
      if (total > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("the IFD would be " + total + " bytes");
      }
      ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer data = out.duplicate().order(ByteOrder.LITTLE_ENDIAN).position((int) dirSize);
      if (big) {
        out.putLong(e.size());
      } else {
        out.putShort((short) e.size());
      }
      for (Entry x : e) {
        out.putShort((short) x.tag).putShort((short) x.type);
        if (big) {
          out.putLong(x.count);
        } else {
          out.putInt((int) x.count);
        }
        byte[] value = new byte[inline];
        if (x.data.length <= inline) {
          System.arraycopy(x.data, 0, value, 0, x.data.length);
        } else {
          long at = IFD_OFFSET + data.position();
          if (big) {
            ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).putLong(at);
          } else {
            ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).putInt((int) at);
          }
          data.put(x.data);
          data.position((data.position() + 7) / 8 * 8);
        }
        out.put(value);
      }
      // The next-IFD pointer stays 0: one image.
      return out.array();
    }
  }

  /** A TIFF directory entry: its values already little-endian. */
  private record Entry(int tag, int type, long count, byte[] data) {

    static Entry shorts(int tag, int... v) {
      ByteBuffer buf = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
      for (int x : v) {
        buf.putShort((short) x);
      }
      return new Entry(tag, 3, v.length, buf.array());
    }

    static Entry longs(int tag, long... v) {
      ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (long x : v) {
        if (x < 0 || x > MAX_CLASSIC_OFFSET) {
          throw new IllegalStateException("tag " + tag + ": " + x + " does not fit a TIFF LONG");
        }
        buf.putInt((int) x);
      }
      return new Entry(tag, 4, v.length, buf.array());
    }

    static Entry long8s(int tag, long... v) {
      ByteBuffer buf = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (long x : v) {
        buf.putLong(x);
      }
      return new Entry(tag, 16, v.length, buf.array());
    }

    static Entry doubles(int tag, double... v) {
      ByteBuffer buf = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (double x : v) {
        buf.putDouble(x);
      }
      return new Entry(tag, 12, v.length, buf.array());
    }

    static Entry ascii(int tag, String s) {
      byte[] text = (s + '\0').getBytes(StandardCharsets.US_ASCII);
      return new Entry(tag, 2, text.length, text);
    }
  }

  /** GDAL_NODATA as text that parses back to exactly the value a cell of {@code type} holds. */
  private static String nodataText(SampleType type, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      if (!type.floatingPoint()) {
        throw new IllegalArgumentException("nodata " + v + " cannot be stored in " + type);
      }
      return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
    if (type == SampleType.FLOAT32) {
      return Double.toString((float) v);
    }
    if (type == SampleType.FLOAT64) {
      return Double.toString(v);
    }
    if (v != Math.rint(v) || v < min(type) || v > max(type)) {
      throw new IllegalArgumentException("nodata " + v + " is not a " + type + " value");
    }
    return Long.toString((long) v);
  }

  private static double min(SampleType type) {
    return switch (type) {
      case INT8 -> Byte.MIN_VALUE;
      case INT16 -> Short.MIN_VALUE;
      case INT32 -> Integer.MIN_VALUE;
      case INT64 -> -0x1p63;
      case UINT8, UINT16, UINT32, UINT64 -> 0;
      case FLOAT32, FLOAT64 -> Double.NEGATIVE_INFINITY;
    };
  }

  private static double max(SampleType type) {
    return switch (type) {
      case INT8 -> Byte.MAX_VALUE;
      case UINT8 -> 255;
      case INT16 -> Short.MAX_VALUE;
      case UINT16 -> 65535;
      case INT32 -> Integer.MAX_VALUE;
      case UINT32 -> 4294967295.0;
      // Doubles near 2^63 and 2^64 are coarse: these bounds only reject what no cell holds.
      case INT64 -> 0x1p63;
      case UINT64 -> 0x1p64;
      case FLOAT32, FLOAT64 -> Double.POSITIVE_INFINITY;
    };
  }
}
