package dev.terrace.engine.internal.extract;

import dev.terrace.api.CoverageWeight;
import dev.terrace.engine.internal.catalog.Layer;
import dev.terrace.engine.internal.raster.AffineTransform;
import dev.terrace.engine.internal.raster.Grid;
import dev.terrace.engine.internal.raster.UnreadableException;
import dev.terrace.engine.internal.raster.Window;

/**
 * The weight each covered cell of one read carries, window by window: its coverage as the request's
 * {@code coverage_weight} counts it, times its cell of the weights when the statistic is weighted.
 */
final class CellWeights {

  /** exactextract's sphere: the WGS 84 semi-major axis, in metres. */
  private static final double EARTH_RADIUS = 6_378_137;

  private final CoverageWeight mode;
  private final AffineTransform transform;
  private final double cellArea;
  private final CellWindow weights;
  private final double defaultWeight;

  /**
   * @param weighting the request's weighting
   * @param grid the grid cells are read on
   * @param weights the weights seen on {@code grid}, or null when the statistic is not weighted
   * @param capacity the cells of the largest window expected
   * @throws UnreadableException when {@code area_spherical_m2} is asked of a grid that is not a
   *     north-up longitude/latitude grid
   */
  CellWeights(Weighting weighting, Grid grid, Layer weights, int capacity) {
    this.mode = weighting.coverage();
    AffineTransform t = grid.transform();
    this.transform = t;
    this.cellArea = Math.abs(t.dxCol() * t.dyRow() - t.dxRow() * t.dyCol());
    if (mode == CoverageWeight.AREA_SPHERICAL_M2
        && (grid.crs() != null && !grid.crs().isGeographic() || !t.northUp())) {
      throw new UnreadableException(
          "coverage_weight area_spherical_m2 needs a north-up longitude/latitude"
              + " grid, and this one is in "
              + grid.crsName()
              + "; use area_cartesian for the area in its own units");
    }
    this.weights = weights == null ? null : new CellWindow(weights, capacity);
    this.defaultWeight = weighting.defaultWeight();
  }

  /** Reads the weights of a window; its cells are then indexed row-major from 0. */
  void read(Window window) {
    if (weights != null) {
      weights.read(window);
    }
  }

  /**
   * @param row a row of the grid
   * @return what a wholly covered cell of that row weighs: 1, or its area
   */
  double area(int row) {
    return switch (mode) {
      case FRACTION, NONE -> 1;
      case AREA_CARTESIAN -> cellArea;
      case AREA_SPHERICAL_M2 -> {
        double top = Math.toRadians(transform.y(0, row));
        double bottom = Math.toRadians(transform.y(0, row + 1));
        yield EARTH_RADIUS
            * EARTH_RADIUS
            * Math.abs(Math.sin(top) - Math.sin(bottom))
            * Math.toRadians(Math.abs(transform.dxCol()));
      }
    };
  }

  /**
   * @param fraction the cell's weight under the pixel rule
   * @return that weight as {@code coverage_weight} counts it, before {@link #area}
   */
  double coverage(double fraction) {
    return mode == CoverageWeight.NONE ? 1 : fraction;
  }

  /**
   * @param index a cell of the last window read
   * @return its weight: 1 when the statistic is not weighted; the default weight (NaN if none) when
   *     the weights hold no data there
   */
  double weight(int index) {
    if (weights == null) {
      return 1;
    }
    double w = weights.value(index);
    return Double.isNaN(w) ? defaultWeight : w;
  }
}
