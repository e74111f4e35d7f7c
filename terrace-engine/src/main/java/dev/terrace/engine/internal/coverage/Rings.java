package dev.terrace.engine.internal.coverage;

import java.util.Arrays;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The rings of a polygonal geometry as flat coordinate arrays, clipped to the raster rectangle,
 * each with the sign its area takes in the coverage sum.
 *
 * <p>Clipping happens here, once, so that a polygon far larger than the raster costs O(raster)
 * afterwards and not O(its bounding box). It is Sutherland–Hodgman per ring against [0, width] x
 * [0, height]: it may leave zero-width spikes along the rectangle's sides when a concave ring
 * leaves and re-enters, but those lie on cell boundaries, so they neither add area (Green's theorem
 * integrates them to zero) nor pass through any cell's interior, and the winding number of every
 * point inside the rectangle is unchanged — which is all that the three rules look at. The clip is
 * exact up to the rounding of one interpolation per crossing, unlike a general overlay, and cannot
 * fail on nearly degenerate input.
 */
final class Rings {

  /** Vertex coordinates of all rings, ring after ring; a ring is not repeated-closed. */
  double[] xs;

  double[] ys;

  /** Ring i occupies indices {@code [start[i], start[i + 1])}. */
  int[] start;

  /**
   * +1 or -1: the factor that turns the ring's {@code ∮ y dx} into +area for an exterior ring and
   * -area for a hole, whatever the ring's orientation.
   */
  double[] weight;

  int count;

  /** How many of the rings are exterior rings: with one, no two parts can overlap. */
  int exteriors;

  int vertices;
  double minX = Double.POSITIVE_INFINITY;
  double minY = Double.POSITIVE_INFINITY;
  double maxX = Double.NEGATIVE_INFINITY;
  double maxY = Double.NEGATIVE_INFINITY;

  private final double width;
  private final double height;
  // Scratch buffers for reading and clipping one ring; grown on demand.
  private double[] ax = new double[16];
  private double[] ay = new double[16];
  private double[] bx = new double[16];
  private double[] by = new double[16];

  private Rings(int capacity, double width, double height) {
    this.width = width;
    this.height = height;
    xs = new double[capacity];
    ys = new double[capacity];
    start = new int[9];
    weight = new double[8];
  }

  /**
   * @param geometry a Polygon, MultiPolygon or a collection of those, in pixel space
   * @param width raster width in cells
   * @param height raster height in cells
   * @return the clipped rings, possibly none
   * @throws IllegalArgumentException for non-polygonal components or non-finite coordinates
   */
  static Rings of(Geometry geometry, int width, int height) {
    Rings rings = new Rings(Math.max(4, geometry.getNumPoints()), width, height);
    rings.addGeometry(geometry);
    return rings;
  }

  boolean isEmpty() {
    return count == 0;
  }

  private void addGeometry(Geometry g) {
    if (g instanceof Polygon p) {
      if (p.isEmpty()) {
        return;
      }
      addRing(p.getExteriorRing(), false);
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        addRing(p.getInteriorRingN(i), true);
      }
    } else if (g instanceof GeometryCollection gc) {
      // MultiPolygon is a GeometryCollection; so is a collection of polygons.
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        addGeometry(gc.getGeometryN(i));
      }
    } else {
      throw new IllegalArgumentException(
          "coverage needs a polygonal geometry, got " + g.getGeometryType());
    }
  }

  private void addRing(LinearRing ring, boolean hole) {
    CoordinateSequence seq = ring.getCoordinateSequence();
    int n = seq.size();
    // A closed ring repeats its first vertex last; drop the repeat so edge i runs from i to (i + 1)
    // % n.
    if (n > 1 && seq.getX(0) == seq.getX(n - 1) && seq.getY(0) == seq.getY(n - 1)) {
      n--;
    }
    if (n < 3) {
      return;
    }
    ensureScratch(n);
    double lox = Double.POSITIVE_INFINITY;
    double loy = Double.POSITIVE_INFINITY;
    double hix = Double.NEGATIVE_INFINITY;
    double hiy = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = seq.getX(i);
      double y = seq.getY(i);
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new IllegalArgumentException(
            "non-finite coordinate in polygon: (" + x + ", " + y + ")");
      }
      ax[i] = x;
      ay[i] = y;
      lox = Math.min(lox, x);
      loy = Math.min(loy, y);
      hix = Math.max(hix, x);
      hiy = Math.max(hiy, y);
    }
    // The sign comes from the ring as given, before clipping: a clipped ring may have lost all its
    // area
    // and with it its orientation, while its spikes along the rectangle must still cancel
    // correctly.
    double area = signedArea(ax, ay, n);
    if (area == 0) {
      return;
    }
    if (hix <= 0 || lox >= width || hiy <= 0 || loy >= height) {
      return; // wholly outside (or only touching) the raster: covers no cell
    }
    double[] rx = ax;
    double[] ry = ay;
    if (lox < 0 || loy < 0 || hix > width || hiy > height) {
      n = clip(n);
      if (n < 3) {
        return;
      }
      rx = ax;
      ry = ay;
    }
    append(rx, ry, n, (hole ? 1.0 : -1.0) * Math.signum(area));
    if (!hole) {
      exteriors++;
    }
  }

  private void append(double[] rx, double[] ry, int n, double w) {
    if (vertices + n > xs.length) {
      int cap = Math.max(xs.length * 2, vertices + n);
      xs = Arrays.copyOf(xs, cap);
      ys = Arrays.copyOf(ys, cap);
    }
    // start holds one entry more than weight (the end of the last ring): each grows on its own
    // bound, or
    // the two would drift apart as they double.
    if (count + 2 > start.length) {
      start = Arrays.copyOf(start, Math.max(count + 2, start.length * 2));
    }
    if (count + 1 > weight.length) {
      weight = Arrays.copyOf(weight, Math.max(count + 1, weight.length * 2));
    }
    System.arraycopy(rx, 0, xs, vertices, n);
    System.arraycopy(ry, 0, ys, vertices, n);
    for (int i = 0; i < n; i++) {
      minX = Math.min(minX, rx[i]);
      minY = Math.min(minY, ry[i]);
      maxX = Math.max(maxX, rx[i]);
      maxY = Math.max(maxY, ry[i]);
    }
    start[count] = vertices;
    weight[count] = w;
    count++;
    vertices += n;
    start[count] = vertices;
  }

  /** Shoelace sum relative to the first vertex (keeps precision for rings far from the origin). */
  static double signedArea(double[] x, double[] y, int n) {
    double x0 = x[0];
    double y0 = y[0];
    double sum = 0;
    for (int i = 1; i + 1 < n; i++) {
      sum += (x[i] - x0) * (y[i + 1] - y0) - (x[i + 1] - x0) * (y[i] - y0);
    }
    return sum / 2;
  }

  /** Clips the ring in (ax, ay) to the raster rectangle; the result is left in (ax, ay). */
  private int clip(int n) {
    n = clipOnce(n, true, 0, true);
    n = clipOnce(n, true, width, false);
    n = clipOnce(n, false, 0, true);
    n = clipOnce(n, false, height, false);
    return n;
  }

  /**
   * One Sutherland–Hodgman pass from (ax, ay) into (bx, by), then swapped back.
   *
   * @param onX clip on x (else on y)
   * @param bound the clip line
   * @param keepAbove keep the side with coordinate {@code >= bound} (else {@code <= bound})
   */
  private int clipOnce(int n, boolean onX, double bound, boolean keepAbove) {
    if (n == 0) {
      return 0;
    }
    ensureOut(2 * n);
    double[] u = onX ? ax : ay; // the coordinate being clipped
    double[] v = onX ? ay : ax; // the other one
    double[] ou = onX ? bx : by;
    double[] ov = onX ? by : bx;
    int m = 0;
    double pu = u[n - 1];
    double pv = v[n - 1];
    boolean pIn = keepAbove ? pu >= bound : pu <= bound;
    for (int i = 0; i < n; i++) {
      double cu = u[i];
      double cv = v[i];
      boolean cIn = keepAbove ? cu >= bound : cu <= bound;
      if (cIn != pIn) {
        ou[m] = bound;
        ov[m] = cross(pu, pv, cu, cv, bound);
        m++;
      }
      if (cIn) {
        ou[m] = cu;
        ov[m] = cv;
        m++;
      }
      pu = cu;
      pv = cv;
      pIn = cIn;
    }
    double[] t = ax;
    ax = bx;
    bx = t;
    t = ay;
    ay = by;
    by = t;
    return m;
  }

  /**
   * The other coordinate where segment p–c meets the line u = bound, interpolated from the lower
   * end.
   */
  private static double cross(double pu, double pv, double cu, double cv, double bound) {
    // Interpolating from the same end whichever way the segment is walked makes the shared crossing
    // of
    // two rings walking an edge in opposite directions identical.
    if (pu > cu) {
      double t = pu;
      pu = cu;
      cu = t;
      t = pv;
      pv = cv;
      cv = t;
    }
    double v = pv + (bound - pu) * (cv - pv) / (cu - pu);
    double lo = Math.min(pv, cv);
    double hi = Math.max(pv, cv);
    return v < lo ? lo : (v > hi ? hi : v);
  }

  private void ensureScratch(int n) {
    if (ax.length < n) {
      int cap = Math.max(n, ax.length * 2);
      ax = new double[cap];
      ay = new double[cap];
    }
  }

  private void ensureOut(int n) {
    if (bx.length < n) {
      int cap = Math.max(n, bx.length * 2);
      bx = new double[cap];
      by = new double[cap];
    }
    if (ax.length < n) {
      // After the swap the output becomes the next pass's input, which may then need room to grow.
      ax = Arrays.copyOf(ax, Math.max(n, ax.length * 2));
      ay = Arrays.copyOf(ay, Math.max(n, ay.length * 2));
    }
  }
}
