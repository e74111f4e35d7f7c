package dev.terrace.engine.internal.netcdf;

import dev.terrace.engine.internal.raster.AffineTransform;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.measure.Unit;
import javax.measure.quantity.Time;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.PixelInCell;
import org.apache.sis.measure.Units;
import org.apache.sis.referencing.CRS;
import org.opengis.metadata.spatial.DimensionNameType;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.crs.SingleCRS;
import org.opengis.referencing.crs.TemporalCRS;
import org.opengis.referencing.cs.AxisDirection;
import org.opengis.referencing.cs.CoordinateSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;

/**
 * How a variable's grid, as SIS describes it, maps to ours: the size, GDAL's geotransform, whether
 * rows or columns run the other way in the file, which grid dimension is time and its stored
 * coordinate values.
 *
 * <p>SIS keeps the file's order (grid dimension 0 is the fastest-varying netCDF dimension, x;
 * dimension 1 is y) and puts the direction in its transform. We want row 0 north and column 0 west,
 * so an ascending y (the usual CF latitude) or a descending x is flipped. The geotransform is
 * GDAL's: the cell size from the first and last coordinate, {@code |last - first| / (n - 1)}, the
 * origin half a cell west of the westernmost and north of the northernmost coordinate. Irregular
 * coordinates get that same linear approximation.
 *
 * @param width columns
 * @param height rows
 * @param transform pixel space (north up) to the CRS
 * @param flipRows whether our row {@code r} is the file's row {@code height - 1 - r}
 * @param flipCols whether our column {@code c} is the file's column {@code width - 1 - c}
 * @param dimensions the number of grid dimensions SIS reads (2, or 3 and more when there is time or
 *     a dimension of size 1)
 * @param timeDimension the grid dimension of time, or -1 when there is none
 * @param timeValues the time coordinates, one per band, in units of {@code timeUnitSeconds} seconds
 *     from the origin SIS read from the {@code units} attribute; empty without a time dimension
 * @param timeUnitSeconds seconds per unit of {@code timeValues}
 * @param timeUnits the units of the time axis as SIS names its temporal CRS (the {@code units}
 *     attribute)
 * @param geographic whether the horizontal CRS is longitude/latitude
 * @param projected whether the horizontal CRS is projected
 * @param timestamped whether the time steps have instants; false when the time coordinate has no
 *     {@code units}, so that the steps are bands known by their index alone (as GDAL reads them)
 */
record GridLayout(
    int width,
    int height,
    AffineTransform transform,
    boolean flipRows,
    boolean flipCols,
    int dimensions,
    int timeDimension,
    double[] timeValues,
    double timeUnitSeconds,
    Optional<String> timeUnits,
    boolean geographic,
    boolean projected,
    boolean timestamped) {

  /**
   * @return the number of bands: time steps, or 1
   */
  int bands() {
    return timeDimension < 0 ? 1 : timeValues.length;
  }

  /**
   * @param geometry the grid geometry of the variable's resource
   * @return the layout
   * @throws IllegalArgumentException with the reason, if the grid is not one we can read as a
   *     raster
   */
  static GridLayout of(GridGeometry geometry) {
    return of(geometry, null);
  }

  /**
   * As {@link #of(GridGeometry)}, falling back on coordinates read from the file when SIS has none
   * because of the time axis.
   *
   * @param geometry the grid geometry of the variable's resource
   * @param fileAxes reads the variable's x and y coordinate variables, or null for no fallback
   * @return the layout
   * @throws IllegalArgumentException with the reason, if the grid is not one we can read as a
   *     raster
   */
  static GridLayout of(GridGeometry geometry, Callable<HorizontalAxes> fileAxes) {
    GridExtent extent = geometry.getExtent();
    int dims = extent.getDimension();
    if (dims < 2) {
      throw new IllegalArgumentException("it has " + dims + " dimension; a raster needs y and x");
    }
    int timeDim = -1;
    for (int d = 2; d < dims; d++) {
      boolean time = extent.getAxisType(d).filter(DimensionNameType.TIME::equals).isPresent();
      if (time && timeDim < 0) {
        timeDim = d;
      } else if (extent.getSize(d) != 1) {
        throw new IllegalArgumentException(
            "its dimension "
                + d
                + " ("
                + extent.getAxisType(d).map(Object::toString).orElse("unnamed")
                + ", "
                + extent.getSize(d)
                + " values) is neither time nor of size 1; only "
                + "(time, y, x) and (y, x) variables are rasters");
      }
    }
    int width = Math.toIntExact(extent.getSize(0));
    int height = Math.toIntExact(extent.getSize(1));
    if (!geometry.isDefined(GridGeometry.GRID_TO_CRS | GridGeometry.CRS)) {
      if (timeDim >= 0 && fileAxes != null) {
        // SIS gives up on the whole grid when it cannot read the time axis, typically one without
        // units.
        return steps(
            width, height, dims, timeDim, Math.toIntExact(extent.getSize(timeDim)), read(fileAxes));
      }
      throw new IllegalArgumentException("SIS found no coordinates for its x and y dimensions");
    }
    CoordinateReferenceSystem crs = geometry.getCoordinateReferenceSystem();
    CoordinateSystem cs = crs.getCoordinateSystem();
    int xAxis = axis(cs, AxisDirection.EAST);
    int yAxis = axis(cs, AxisDirection.NORTH);
    int tAxis = axis(cs, AxisDirection.FUTURE);
    if (xAxis < 0 || yAxis < 0) {
      throw new IllegalArgumentException(
          "its coordinate system " + cs.getName().getCode() + " has no east and north axes");
    }
    try {
      Points centres = new Points(geometry.getGridToCRS(PixelInCell.CELL_CENTER), dims);
      Points corners = new Points(geometry.getGridToCRS(PixelInCell.CELL_CORNER), dims);
      double xFirst = centres.at(0, 0)[xAxis];
      double yFirst = centres.at(0, 0)[yAxis];
      double xLast = centres.at(width - 1, 0)[xAxis];
      double yLast = centres.at(0, height - 1)[yAxis];
      // GDAL's formula: the extreme coordinates as stored, the cell size from their distance.
      double dx =
          width > 1
              ? Math.abs(xLast - xFirst) / (width - 1)
              : Math.abs(corners.at(1, 0)[xAxis] - corners.at(0, 0)[xAxis]);
      double dy =
          height > 1
              ? Math.abs(yLast - yFirst) / (height - 1)
              : Math.abs(corners.at(0, 1)[yAxis] - corners.at(0, 0)[yAxis]);
      // x must not change down a column nor y along a row, else the coordinates are 2-D
      // (curvilinear).
      double skew =
          Math.max(
              Math.abs(centres.at(0, height - 1)[xAxis] - xFirst),
              Math.abs(centres.at(width - 1, 0)[yAxis] - yFirst));
      if (!(dx > 0 && dy > 0 && Double.isFinite(dx) && Double.isFinite(dy))
          || skew > 1e-9 * (dx + dy)) {
        throw new IllegalArgumentException(
            "its x and y coordinates are not 1-D axes of a regular grid "
                + "(curvilinear or degenerate grids are not supported)");
      }
      boolean flipCols = xLast < xFirst;
      boolean flipRows = yLast > yFirst;
      AffineTransform transform =
          new AffineTransform(
              Math.min(xFirst, xLast) - dx / 2, dx, 0, Math.max(yFirst, yLast) + dy / 2, 0, -dy);

      double[] times = new double[0];
      double unitSeconds = 1;
      Optional<String> timeUnits = Optional.empty();
      if (timeDim >= 0 && tAxis >= 0) {
        TemporalCRS temporal = CRS.getTemporalComponent(crs);
        unitSeconds = seconds(cs.getAxis(tAxis).getUnit());
        times = new double[Math.toIntExact(extent.getSize(timeDim))];
        for (int t = 0; t < times.length; t++) {
          times[t] = centres.atTime(timeDim, t)[tAxis];
        }
        timeUnits = Optional.ofNullable(temporal).map(c -> c.getName().getCode());
      } else if (timeDim >= 0) {
        throw new IllegalArgumentException(
            "SIS found a time dimension but no time axis in its coordinates");
      }
      SingleCRS horizontal = CRS.getHorizontalComponent(crs);
      return new GridLayout(
          width,
          height,
          transform,
          flipRows,
          flipCols,
          dims,
          timeDim,
          times,
          unitSeconds,
          timeUnits,
          horizontal instanceof GeographicCRS,
          horizontal instanceof ProjectedCRS,
          true);
    } catch (TransformException e) {
      throw new IllegalArgumentException(
          "its grid coordinates cannot be computed: " + e.getMessage(), e);
    }
  }

  private static HorizontalAxes read(Callable<HorizontalAxes> fileAxes) {
    try {
      return fileAxes.call();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "SIS found no coordinates for its x and y dimensions, nor did the file's"
              + " header: "
              + e.getMessage(),
          e);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "SIS found no coordinates for its x and y dimensions, and the file's"
              + " coordinate variables cannot be read: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * A grid whose time steps have no instants, from the file's own x and y coordinates: GDAL's
   * geotransform from the first and last coordinate, as for every other grid. Only for steps
   * without {@code units}: when they have units SIS failed for some other reason, and its
   * timestamps must not be silently dropped.
   */
  private static GridLayout steps(
      int width, int height, int dims, int timeDim, int steps, HorizontalAxes axes) {
    if (axes.stepsHaveUnits()) {
      throw new IllegalArgumentException("SIS found no coordinates for its x and y dimensions");
    }
    if (axes.x().length != width || axes.y().length != height || width < 2 || height < 2) {
      throw new IllegalArgumentException(
          "its x and y coordinate variables ("
              + axes.x().length
              + " and "
              + axes.y().length
              + " values) do not describe its "
              + width
              + " x "
              + height
              + " grid");
    }
    double xFirst = axes.x()[0];
    double xLast = axes.x()[width - 1];
    double yFirst = axes.y()[0];
    double yLast = axes.y()[height - 1];
    double dx = Math.abs(xLast - xFirst) / (width - 1);
    double dy = Math.abs(yLast - yFirst) / (height - 1);
    if (!(dx > 0 && dy > 0 && Double.isFinite(dx) && Double.isFinite(dy))) {
      throw new IllegalArgumentException(
          "its x and y coordinates are not 1-D axes of a regular grid");
    }
    AffineTransform transform =
        new AffineTransform(
            Math.min(xFirst, xLast) - dx / 2, dx, 0, Math.max(yFirst, yLast) + dy / 2, 0, -dy);
    return new GridLayout(
        width,
        height,
        transform,
        yLast > yFirst,
        xLast < xFirst,
        dims,
        timeDim,
        new double[steps],
        1,
        Optional.empty(),
        axes.geographic(),
        !axes.geographic(),
        false);
  }

  private static int axis(CoordinateSystem cs, AxisDirection direction) {
    for (int i = 0; i < cs.getDimension(); i++) {
      if (cs.getAxis(i).getDirection() == direction) {
        return i;
      }
    }
    return -1;
  }

  /**
   * @return seconds per unit of a time axis
   */
  private static double seconds(Unit<?> unit) {
    return unit.asType(Time.class).getConverterTo(Units.SECOND).convert(1.0);
  }

  /** The grid-to-CRS transform evaluated at whole grid indices, the other dimensions at 0. */
  private record Points(MathTransform transform, int dims) {

    double[] at(double col, double row) throws TransformException {
      double[] p = new double[dims];
      p[0] = col;
      p[1] = row;
      return apply(p);
    }

    double[] atTime(int timeDim, double t) throws TransformException {
      double[] p = new double[dims];
      p[timeDim] = t;
      return apply(p);
    }

    private double[] apply(double[] p) throws TransformException {
      double[] out = new double[transform.getTargetDimensions()];
      transform.transform(p, 0, out, 0, 1);
      return out;
    }
  }
}
