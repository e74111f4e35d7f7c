package dev.terrace.testkit.tiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * Writes tiled, single-band GeoTIFFs for tests and benchmarks: classic little-endian TIFF, or
 * BigTIFF when the file outgrows 32-bit offsets (or when asked), with no compression or DEFLATE
 * (predictor 1), GDAL's nodata tag, and GeoTIFF georeferencing (ModelPixelScale, ModelTiepoint and
 * a GeoKeyDirectory naming an EPSG code).
 *
 * <p>Rasters far larger than memory are cheap to write when their tiles repeat: a tile whose bytes
 * equal one of the few most recently written distinct tiles is not stored again, its TileOffsets
 * entry points at the earlier copy (TIFF allows blocks to share bytes). A pattern that depends only
 * on {@code (col % tileWidth, row % tileHeight)} thus makes a 20 000 × 20 000 raster of 512-cell
 * tiles a few megabytes, and it is written in seconds. Edge tiles are padded past the raster's edge
 * with the nodata value (0 without one) when values come from a {@link CellValues} function.
 *
 * <p>The file's layout is COG-like: header, then the IFD and its tag data, then the tiles in
 * row-major order, so that the header of a remote copy arrives in one request.
 *
 * <pre>{@code
 * SyntheticGeoTiff.Written w = SyntheticGeoTiff.builder(20_000, 20_000)
 *     .tileSize(512).sampleType(TiffSampleType.FLOAT32).compression(SyntheticGeoTiff.Compression.DEFLATE)
 *     .values((col, row) -> col % 512 + row % 512)
 *     .projected(32725).origin(280_000, 9_130_000).cellSize(0.5)
 *     .write(dir.resolve("big.tif"));
 * }</pre>
 */
public final class SyntheticGeoTiff {

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

    /**
     * @return the TIFF Compression tag value
     */
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
     * @return at least tileWidth × tileHeight values, row-major; cells of edge tiles beyond the
     *     raster's edge are written as given. The writer has read the array before it asks for the
     *     next tile, so one array may be refilled and returned for every tile.
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
   * @return a builder with 256 × 256 FLOAT32 uncompressed tiles, no nodata and no georeferencing
   *     (no model tags unless an origin, a cell size or a CRS is set; origin 0, 0 and cell size 1
   *     by default). The reader refuses a file without model tags, and one without a CRS unless it
   *     is given one: set both for a file {@code GeoTiff} should open
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
    private TiffSampleType type = TiffSampleType.FLOAT32;
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
        throw new IllegalArgumentException(
            "tile sizes must be positive multiples of 16: " + width + " x " + height);
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
    public Builder sampleType(TiffSampleType type) {
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
     * Declares a nodata value (the GDAL_NODATA tag). For FLOAT32 the value is stored as the float
     * it rounds to, written out exactly, so that readers comparing cells with it find them.
     *
     * @param nodata the value; NaN and infinities only for floating-point types, otherwise an
     *     integer in the sample type's range (checked when writing)
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
        throw new IllegalArgumentException(
            "cell sizes must be positive: " + width + " x " + height);
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
     * @throws IllegalArgumentException if a value or the nodata value cannot be stored in the
     *     sample type
     * @throws UncheckedIOException if writing fails
     */
    public Written write(Path path) {
      if (cells == null && tiles == null) {
        throw new IllegalStateException("give the cells' values with values(...) or tiles(...)");
      }
      String nodataText = nodata == null ? null : GeoTags.nodataText(type, nodata);
      try {
        return new TiffWriter(spec(), nodataText).write(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path, e);
      }
    }

    private Spec spec() {
      return new Spec(
          width,
          height,
          tileWidth,
          tileHeight,
          type,
          compression,
          deflateLevel,
          cells,
          tiles,
          nodata,
          modelType,
          epsg,
          x0,
          y0,
          cellWidth,
          cellHeight,
          forceBigTiff,
          georeferenced);
    }

    private static void checkCode(int epsg) {
      if (epsg < 1 || epsg > 32766) {
        throw new IllegalArgumentException("EPSG codes in GeoKeys are 1 to 32766: " + epsg);
      }
    }
  }
}
