package dev.terrace.engine.internal.extract;

import dev.terrace.api.Aggregation;
import dev.terrace.api.CoverageWeight;
import dev.terrace.api.FieldError;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.catalog.CatalogDataset;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.crs.SameCrs;
import dev.terrace.engine.internal.raster.AffineTransform;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.NearestView;
import java.util.List;
import java.util.Optional;

/**
 * What each covered cell weighs beyond its coverage: the request's {@code coverage_weight}, and for
 * the {@code weighted_*} statistics the cells of a second dataset, the weights (exactextract's
 * weighting raster).
 *
 * <p>Weights on another grid are matched as exactextract matches them where it can: when both grids
 * share a CRS and are aligned — each cell size a whole multiple of the other's, the origins on a
 * common line — cells are matched on the finer of the two grids, each of its cells taking the value
 * and the weight of the cells it lies in. Otherwise each value cell takes the weight of the weight
 * cell under its centre.
 *
 * @param weights the weighting dataset, or null when the statistic is not weighted
 * @param defaultWeight the weight of a covered cell whose weight is nodata or that lies outside the
 *     weights, or NaN to leave it undefined (the weighted statistic then has no value)
 * @param coverage what a covered cell's coverage counts as
 */
record Weighting(CatalogDataset weights, double defaultWeight, CoverageWeight coverage) {

  /** What a request without weights or coverage_weight asks for. */
  static final Weighting NONE = new Weighting(null, Double.NaN, CoverageWeight.FRACTION);

  /** The 1e-9 slack in "a whole multiple": cell sizes come from decimal geotransforms. */
  private static final double ALIGNED = 1e-9;

  /**
   * Checks the weighting options against the statistic and the catalog, adding what is wrong to
   * {@code errors}.
   *
   * @return the weighting, or {@link #NONE} for a request that sets none of the options
   */
  static Weighting of(
      Aggregation aggregation,
      String weights,
      Double defaultWeight,
      CoverageWeight coverage,
      Catalog catalog,
      List<FieldError> errors) {
    boolean weighted = aggregation.kind().isWeighted();
    CatalogDataset dataset = null;
    if (weighted && weights == null) {
      errors.add(
          new FieldError(
              List.of("weights"),
              aggregation
                  + " needs weights: name the dataset that weighs"
                  + " each cell (provider:name, as catalog.datasets.list shows them)",
              "missing"));
    } else if (weights != null) {
      Optional<CatalogDataset> found = catalog.dataset(weights);
      if (found.isEmpty()) {
        errors.add(
            new FieldError(
                List.of("weights"),
                "unknown dataset \""
                    + weights
                    + "\"; ids are provider:name,"
                    + " as catalog.datasets.list shows them",
                "unknown_dataset"));
      } else if (found.get().isMosaic()) {
        errors.add(
            new FieldError(
                List.of("weights"),
                weights + " is a mosaic of rasters; weights must be a single raster",
                "unsupported"));
      } else {
        dataset = found.get();
      }
    }
    if (defaultWeight != null && !Double.isFinite(defaultWeight)) {
      errors.add(
          new FieldError(
              List.of("default_weight"),
              "default_weight must be a finite number, got " + defaultWeight,
              "not_finite"));
    } else if (defaultWeight != null && weights == null) {
      errors.add(
          new FieldError(
              List.of("default_weight"),
              "default_weight is the weight of cells without one in"
                  + " the weights dataset: set weights too, or leave default_weight out",
              "invalid_combination"));
    }
    // An unweighted statistic reads no weights, as in exactextract, where they serve the other
    // statistics.
    if (!weighted) {
      dataset = null;
    }
    if (dataset == null && (coverage == null || coverage == CoverageWeight.FRACTION)) {
      return NONE;
    }
    return new Weighting(
        dataset,
        defaultWeight == null ? Double.NaN : defaultWeight,
        coverage == null ? CoverageWeight.FRACTION : coverage);
  }

  /**
   * @return the same weights, with coverage counted as the pixel rule weighs it: for points and
   *     lines
   */
  Weighting weightsOnly() {
    return new Weighting(weights, defaultWeight, CoverageWeight.FRACTION);
  }

  /**
   * @return whether cells weigh their coverage under the pixel rule and nothing else
   */
  boolean isNone() {
    return weights == null && coverage == CoverageWeight.FRACTION;
  }

  /**
   * The grid cells are matched on: the value raster's, or a refinement of it when the weights are
   * on a finer grid aligned with it.
   *
   * @param values the value raster's grid
   * @param weightGrid the weights' grid
   */
  static Grid common(Grid values, Grid weightGrid) {
    AffineTransform v = values.transform();
    AffineTransform w = weightGrid.transform();
    if (!v.northUp() || !w.northUp() || !SameCrs.same(values.crs(), weightGrid.crs())) {
      return values;
    }
    double kx = v.dxCol() / w.dxCol();
    double ky = v.dyRow() / w.dyRow();
    if (!whole(kx) || !whole(ky) || (Math.rint(kx) == 1 && Math.rint(ky) == 1)) {
      return values;
    }
    if (!integral((w.x0() - v.x0()) / w.dxCol()) || !integral((w.y0() - v.y0()) / w.dyRow())) {
      return values;
    }
    int fx = (int) Math.rint(kx);
    int fy = (int) Math.rint(ky);
    long width = (long) values.width() * fx;
    long height = (long) values.height() * fy;
    if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      return values;
    }
    return new Grid((int) width, (int) height, v.scaled(1.0 / fx, 1.0 / fy), values.crs());
  }

  /**
   * @return whether {@code k} is a whole multiple, at least 1
   */
  private static boolean whole(double k) {
    return k >= 1 - ALIGNED && integral(k);
  }

  private static boolean integral(double x) {
    return Math.abs(x - Math.rint(x)) <= ALIGNED * Math.max(1, Math.abs(x));
  }

  /**
   * @param layer a layer of the values or the weights
   * @param grid the grid cells are matched on
   * @return the layer as seen on that grid: itself when it is on it already
   */
  static Layer on(Layer layer, Grid grid) {
    return layer.raster().grid().sameCells(grid)
        ? layer
        : new Layer(
            layer.time(), new NearestView(layer.raster(), grid), layer.bandNumber(), layer.band());
  }
}
