package dev.terrace.engine.conformance.peers;

import dev.terrace.engine.internal.raster.SampleType;
import dev.terrace.testkit.tiff.SyntheticGeoTiff;
import dev.terrace.testkit.tiff.TiffSampleType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The small rasters the peers' tests build in memory — exactextract's numpy arrays ({@code
 * NumPyRasterSource}, {@code create_gdal_raster}) and C++ grids ({@code Grid<bounded_extent>}),
 * rasterstats' ndarray + affine cases — written as GeoTIFFs at test time (dataset {@code np:<name>}
 * in the case tables). Terrace reads files, so an in-memory array becomes a file with the same
 * cells and georeferencing.
 *
 * <p>exactextract's default extent for an n × m array is x in [0, m], y in [0, n], cells of 1, row
 * 0 at the top. The peers' rasters have no CRS; these say EPSG:3857 and the cases send their
 * geometries in EPSG:3857, so that no coordinate is transformed (geographic rasters, for cases
 * whose answer depends on a lon/lat grid, say EPSG:4326 and their cases send lon/lat). Masked cells
 * (numpy masked arrays) are written as nodata.
 */
final class PeerRasters {

  /** The CRS of the projected rasters, and of the geometries of their cases. */
  static final int PROJECTED = 3857;

  /**
   * A raster.
   *
   * @param rows the values, top row first
   * @param type the sample type
   * @param nodata the nodata value, or null for none
   * @param x0 the west edge
   * @param y0 the north edge
   * @param cellWidth the cell width
   * @param cellHeight the cell height
   * @param geographic whether the CRS is EPSG:4326 rather than {@link #PROJECTED}
   */
  record Spec(
      double[][] rows,
      SampleType type,
      Double nodata,
      double x0,
      double y0,
      double cellWidth,
      double cellHeight,
      boolean geographic) {

    int width() {
      return rows[0].length;
    }

    int height() {
      return rows.length;
    }

    /**
     * @return the CRS its cases send their geometries in
     */
    String crs() {
      return geographic ? "EPSG:4326" : "EPSG:" + PROJECTED;
    }
  }

  private static final double NA = -999;

  /** By dataset name. */
  static final Map<String, Spec> ALL = all();

  private PeerRasters() {}

  /** An n × m array on exactextract's default extent: x in [0, m], y in [0, n]. */
  private static Spec numpy(double[][] rows, SampleType type, Double nodata) {
    return new Spec(rows, type, nodata, 0, rows.length, 1, 1, false);
  }

  /** Ones on the C++ tests' {@code Grid<bounded_extent>{{xmin, ymin, xmax, ymax}, dx, dy}}. */
  private static Spec grid(
      double xmin, double ymin, double xmax, double ymax, double dx, double dy) {
    int cols = (int) Math.round((xmax - xmin) / dx);
    int rows = (int) Math.round((ymax - ymin) / dy);
    double[][] v = new double[rows][cols];
    for (double[] r : v) {
      Arrays.fill(r, 1);
    }
    return new Spec(v, SampleType.INT32, null, xmin, ymax, dx, dy, false);
  }

  private static Map<String, Spec> all() {
    Map<String, Spec> m = new LinkedHashMap<>();
    // exactextract python/tests/test_exact_extract.py
    m.put("arange3", numpy(arange(3, 3, 1), SampleType.INT32, null));
    m.put("arange3_f32", numpy(arange(3, 3, 1), SampleType.FLOAT32, null));
    m.put("arange3x2", numpy(arange(3, 3, 2), SampleType.INT32, null));
    m.put("arange3_lonlat", new Spec(arange(3, 3, 1), SampleType.INT32, null, 0, 3, 1, 1, true));
    m.put(
        "rows123", numpy(new double[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}}, SampleType.INT32, null));
    m.put(
        "rows1234",
        numpy(new double[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 4}}, SampleType.INT32, null));
    m.put("ones3", numpy(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}, SampleType.INT32, null));
    m.put(
        "w_bottom",
        numpy(new double[][] {{0, 0, 0}, {0, 0, 0}, {1, 1, 1}}, SampleType.INT32, null));
    m.put(
        "w_rows321",
        numpy(new double[][] {{3, 3, 3}, {2, 2, 2}, {1, 1, 1}}, SampleType.INT32, null));
    m.put(
        "w1", numpy(new double[][] {{0, 0, 0}, {0, 0, 0}, {0.5, 0, 0}}, SampleType.FLOAT64, null));
    m.put("w2", numpy(new double[][] {{0, 0, 0}, {1, 1, 1}, {0, 0, 0}}, SampleType.FLOAT64, null));
    m.put(
        "ones3_masked_lr",
        numpy(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, NA}}, SampleType.INT32, NA));
    m.put(
        "masked_middle_row",
        numpy(new double[][] {{1, 2, 3}, {NA, NA, NA}, {7, 8, 9}}, SampleType.INT32, NA));
    double[][] nodata10 = arange(10, 10, 1);
    for (int r = 6; r < 10; r++) {
      for (int c = 0; c < 4; c++) {
        nodata10[r][c] = NA;
      }
    }
    m.put("nodata10", numpy(nodata10, SampleType.INT32, NA));
    m.put(
        "default99",
        numpy(new double[][] {{1, 2, 3}, {4, -99, -99}, {-99, 8, 9}}, SampleType.INT32, -99.0));
    m.put(
        "all_nodata3",
        numpy(new double[][] {{NA, NA, NA}, {NA, NA, NA}, {NA, NA, NA}}, SampleType.INT32, NA));
    m.put(
        "top_row_data3",
        numpy(new double[][] {{1, 1, 1}, {NA, NA, NA}, {NA, NA, NA}}, SampleType.INT32, NA));
    double[][] mode = {{1, 1, 1}, {2, 2, 2}, {3, 2, 3}};
    for (SampleType t : SampleType.values()) {
      m.put("mode_nodata2_" + t.name().toLowerCase(Locale.ROOT), numpy(mode, t, 2.0));
    }
    m.put("unsigned_uint8", unsigned(255, SampleType.UINT8));
    m.put("unsigned_uint16", unsigned(65535, SampleType.UINT16));
    m.put("unsigned_uint32", unsigned(4294967295.0, SampleType.UINT32));
    m.put("arange5", numpy(arange(5, 5, 1), SampleType.INT32, null));
    // test_gh_178: 72 × 34 cells filled with 1, on a lon/lat grid of non-square cells.
    double[][] gh178 = new double[34][72];
    for (double[] r : gh178) {
      Arrays.fill(r, 1);
    }
    m.put(
        "gh178",
        new Spec(
            gh178,
            SampleType.FLOAT64,
            null,
            117.09683458943421,
            4.273195975028152,
            8.983152841204135e-05,
            8.983152841195037e-05,
            true));
    // exactextract test/test_stats.cpp "Unweighted stats": a 5 × 5 grid on {-1, -1, 4, 4}.
    m.put(
        "stats_unweighted",
        new Spec(
            new double[][] {
              {1, 1, 1, 1, 1}, {1, 1, 2, 3, 1}, {1, 4, 5, 6, 1}, {1, 0, NA, 7, 1}, {1, 1, 1, 1, 1}
            },
            SampleType.INT32,
            NA,
            -1,
            4,
            1,
            1,
            false));
    // test_stats.cpp "Missing data handling": 2 × 2 grids on {0, 0, 2, 2}.
    m.put("md_all_missing", numpy(new double[][] {{NA, NA}, {NA, NA}}, SampleType.FLOAT32, NA));
    m.put("md_all_defined", numpy(new double[][] {{1, 2}, {3, 4}}, SampleType.FLOAT32, NA));
    m.put("md_some_defined", numpy(new double[][] {{1, 2}, {NA, NA}}, SampleType.FLOAT32, NA));
    // test_stats.cpp "Weighted multiresolution stats": values on {0, 0, 8, 6} by 1, weights on it
    // by 2,
    // fill_by_row(values, 1, 1) and fill_by_row(weights, 5, 5).
    m.put("mr_values", new Spec(byRow(6, 8, 1, 1), SampleType.FLOAT64, null, 0, 6, 1, 1, false));
    m.put("mr_weights", new Spec(byRow(3, 4, 5, 5), SampleType.FLOAT64, null, 0, 6, 2, 2, false));
    // test_stats.cpp "Unweighted stats consider all values when part of polygon is inside value
    // raster but
    // outside weighting raster": values on {0, 0, 5, 5}, weights on {0, 2, 5, 5}.
    m.put(
        "partial_w_values",
        new Spec(byRow(5, 5, 1, 1), SampleType.FLOAT64, null, 0, 5, 1, 1, false));
    m.put(
        "partial_w_weights",
        new Spec(byRow(3, 5, 0.1, 0.05), SampleType.FLOAT64, null, 0, 5, 1, 1, false));
    // test_stats.cpp variance and quantile cases: the observations in a row of cells, each covered
    // whole, so
    // that every observation weighs the same (the coverage); the unequal weights come as a
    // weighting raster.
    m.put(
        "obs8",
        numpy(
            new double[][] {{3.4, 2.9, 1.7, 8.8, -12.7, 100.4, 8.4, 11.3}},
            SampleType.FLOAT64,
            null));
    m.put(
        "obs9",
        numpy(
            new double[][] {{3.4, 2.9, 1.7, 8.8, -12.7, 100.4, 8.4, 11.3, 50}},
            SampleType.FLOAT64,
            null));
    m.put(
        "obs9_weights",
        numpy(
            new double[][] {{1.0, 0.1, 1.0, 0.2, 0.44, 0.3, 0.3, 0.83, 0}},
            SampleType.FLOAT64,
            null));
    m.put("int9", numpy(new double[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9}}, SampleType.FLOAT64, null));
    m.put(
        "int9_weights_zeros",
        numpy(new double[][] {{0, 0, 0, 0, 0, 0, 0.25, 0.5, 0.25}}, SampleType.FLOAT64, null));
    // exactextract test/test_raster_cell_intersection.cpp: the grids, holding ones.
    m.put("grid_0_0_2_2", grid(0, 0, 2, 2, 1, 1));
    m.put("grid_0_m1_2_2", grid(0, -1, 2, 2, 1, 1));
    m.put("grid_0_0_4_3", grid(0, 0, 4, 3, 1, 1));
    m.put("grid_0_0_3_4", grid(0, 0, 3, 4, 1, 1));
    m.put("grid_0_0_3_5", grid(0, 0, 3, 5, 1, 1));
    m.put("grid_0_3_3_6", grid(0, 3, 3, 6, 1, 1));
    m.put("grid_3_3_6_6", grid(3, 3, 6, 6, 1, 1));
    m.put("grid_3_0_6_3", grid(3, 0, 6, 3, 1, 1));
    m.put("grid_m3_m3_0_0", grid(-3, -3, 0, 0, 1, 1));
    m.put("grid_0_0_10_10_d10", grid(0, 0, 10, 10, 10, 10));
    m.put("grid_m20_m15_40_30", grid(-20, -15, 40, 30, 0.5, 1));
    // rasterstats tests/test_zonal.py test_nan_nodata: [[nan, 12.25], [-999, 12.75]], Affine(1, 0,
    // 0, 0, -1, 2).
    m.put(
        "rs_nan_nodata",
        new Spec(
            new double[][] {{Double.NaN, 12.25}, {NA, 12.75}},
            SampleType.FLOAT64,
            NA,
            0,
            2,
            1,
            1,
            false));
    // test_nan_counts: [[nan] * 3, [0] * 3, [1, 4, 5]], Affine(1, 0, 1, 0, -1, 3), nodata=0.
    m.put(
        "rs_nan_counts",
        new Spec(
            new double[][] {{Double.NaN, Double.NaN, Double.NaN}, {0, 0, 0}, {1, 4, 5}},
            SampleType.FLOAT64,
            0.0,
            1,
            3,
            1,
            1,
            false));
    // test_geojson_out_with_no_properties: [[100, 1], [100, 1]], Affine(1, 0, 0, 0, -1, 2).
    m.put(
        "rs_no_properties",
        new Spec(new double[][] {{100, 1}, {100, 1}}, SampleType.INT64, null, 0, 2, 1, 1, false));
    return m;
  }

  /**
   * test_stats.cpp's {@code fill_by_row}: {@code start}, then each cell {@code step} more, row by
   * row.
   */
  private static double[][] byRow(int rows, int cols, double start, double step) {
    double[][] out = new double[rows][cols];
    double v = start;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r][c] = v;
        v += step;
      }
    }
    return out;
  }

  private static Spec unsigned(double max, SampleType type) {
    return numpy(new double[][] {{max, max}, {max - 1, max - 1}}, type, max - 1);
  }

  private static double[][] arange(int rows, int cols, double factor) {
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r][c] = factor * (r * cols + c + 1);
      }
    }
    return out;
  }

  /**
   * Writes one raster.
   *
   * @param spec the raster
   * @param file where
   */
  static void write(Spec spec, Path file) {
    double[][] rows = spec.rows();
    SyntheticGeoTiff.Builder b =
        SyntheticGeoTiff.builder(spec.width(), spec.height())
            .tileSize(16 * ((Math.max(spec.width(), spec.height()) + 15) / 16))
            .sampleType(TiffSampleType.valueOf(spec.type().name()))
            .values((col, row) -> rows[row][col])
            .origin(spec.x0(), spec.y0())
            .cellSize(spec.cellWidth(), spec.cellHeight());
    if (spec.geographic()) {
      b.geographic();
    } else {
      b.projected(PROJECTED);
    }
    if (spec.nodata() != null) {
      b.nodata(spec.nodata());
    }
    b.write(file);
  }
}
