package dev.terrace.engine.internal.coverage;

import dev.terrace.api.PixelRule;
import java.util.Arrays;

/**
 * The row-by-row sweep that fills coverage values for one polygon, top row first, with an
 * active-edge list so that each row only looks at the edges that reach it.
 *
 * <p><b>EXACT and ALL_TOUCHED.</b> By Green's theorem, for a ring R traversed so that {@code -∮ y
 * dx} is its area, {@code area(R ∩ cell(r, c)) = -∮ 1[c <= x <= c+1] clamp(y - r, 0, 1) dx}. Split
 * every edge at the integer rows into pieces inside one band {@code k <= y <= k+1}. A piece in band
 * k contributes to row k the integral of {@code (y - k) dx} over each column it spans (a
 * trapezoid), to every row above it ({@code r < k}) the plain {@code dx} it spans in each column,
 * and nothing to rows below. Vertical pieces contribute nothing. Because a closed ring's {@code dx}
 * sums to zero in every column, "the {@code dx} of all bands below r" equals minus "the {@code dx}
 * of bands r and above", so the rows can be swept from the top with one running sum per column
 * ({@link #carry}): {@code value(r, c) = T(r, c) - carry(c)} where carry holds the {@code dx} of
 * bands {@code <= r}. Work is O(cells the boundary crosses + bounding-box cells); memory is one row
 * of carry plus the output block.
 *
 * <p>Rounding: the sweep also records, per cell, whether a boundary piece of positive length passes
 * through the cell's open interior ({@link #hit}). A cell that no boundary enters is wholly inside
 * or wholly outside, so its value is snapped to exactly 1 or 0; that removes the 1e-17 residues
 * that cancellation leaves in empty cells, which would otherwise look like "touched" cells to
 * statistics that count cells with positive coverage. ALL_TOUCHED is then {@code hit || value >=
 * 0.5}, decided by geometry and never by a tiny area.
 *
 * <p><b>CENTER.</b> A scanline at {@code y = r + 0.5} per row; an edge counts when {@code ymin <= y
 * < ymax} (each vertex once); between consecutive crossings {@code x1 < x2} the centres in {@code
 * (x1, x2]} are taken where the polygon is, as GDAL's rasterizer takes them. GDAL fills each
 * polygon by the even-odd rule and burns a MultiPolygon part by part, so overlapping parts count
 * once. With one exterior ring the sorted crossings are filled pairwise (even-odd, exactly GDAL's
 * fill). With several, each crossing carries its edge's winding step (+1 or -1, signed so that the
 * inside of an exterior ring winds +1 and the inside of a hole -1) and the centres are taken where
 * the winding number is not zero: where parts overlap the cells count, while a hole, winding back
 * to zero, still cuts its own polygon — GDAL's answer whenever each part is valid. Positive and
 * negative steps are then kept in two arrays, each sorted, and merged.
 */
final class Sweep {

  private final PixelRule rule;
  private final int col0;
  private final int width;
  private final int row0;

  // Edges, oriented so that x0 <= x1; w folds in the ring's weight and the sign of that
  // reorientation.
  private final double[] ex0;
  private final double[] ey0;
  private final double[] ex1;
  private final double[] ey1;
  private final double[] ew;
  private final int[] lastRow;
  // Edge indices sorted by first row (counting sort), and where each row's run starts in that
  // order.
  private final int[] order;
  private final int[] rowStart;
  private int nextInOrder;
  private final int[] active;
  private int activeCount;
  private int nextRow;

  // One row each: the trapezoid sums of the current row, the running dx of the bands swept so far,
  // and
  // whether a boundary piece went through the cell. acc and hit are cleared as the row is emitted.
  private final double[] acc;
  private final double[] carry;
  private final boolean[] hit;
  // CENTER: the scanline's crossings by edges stepping the winding number up, and by those stepping
  // it down;
  // with a single exterior ring (evenOdd) all crossings go to up.
  private final boolean evenOdd;
  private double[] up;
  private double[] down;

  /**
   * @param rings the clipped rings
   * @param rule the pixel rule
   * @param col0 first column of the window
   * @param col1 one past the last column
   * @param row0 first row of the window
   * @param row1 one past the last row
   */
  Sweep(Rings rings, PixelRule rule, int col0, int col1, int row0, int row1) {
    this.rule = rule;
    this.col0 = col0;
    this.width = col1 - col0;
    this.row0 = row0;
    this.nextRow = row0;
    int capacity = rings.vertices;
    double[] x0s = new double[capacity];
    double[] y0s = new double[capacity];
    double[] x1s = new double[capacity];
    double[] y1s = new double[capacity];
    double[] ws = new double[capacity];
    int[] firsts = new int[capacity];
    int[] lasts = new int[capacity];
    int n = 0;
    boolean center = rule == PixelRule.CENTER;
    for (int ring = 0; ring < rings.count; ring++) {
      int s = rings.start[ring];
      int e = rings.start[ring + 1];
      double w = rings.weight[ring];
      for (int i = s; i < e; i++) {
        int j = i + 1 < e ? i + 1 : s;
        double xa = rings.xs[i];
        double ya = rings.ys[i];
        double xb = rings.xs[j];
        double yb = rings.ys[j];
        if (xa == xb && ya == yb) {
          continue;
        }
        double ylo = Math.min(ya, yb);
        double yhi = Math.max(ya, yb);
        int first;
        int last;
        if (center) {
          if (ya == yb) {
            continue; // a horizontal edge never crosses a scanline under the half-open rule
          }
          // Rows whose centre line may lie in [ylo, yhi); one row of slack each way, the exact test
          // is
          // made per row.
          first = Math.max(row0, (int) Math.ceil(ylo - 0.5) - 1);
          last = Math.min(row1 - 1, (int) Math.ceil(yhi - 0.5));
        } else {
          if (xa == xb && xa == Math.floor(xa)) {
            continue; // on a column line: no area, enters no cell's interior
          }
          first = (int) Math.floor(ylo);
          // A horizontal edge belongs to band floor(y); any other to the bands its y-range
          // overlaps.
          last = ya == yb ? first : (int) Math.ceil(yhi) - 1;
          first = Math.max(first, row0);
          last = Math.min(last, row1 - 1);
        }
        if (first > last) {
          continue;
        }
        if (xa <= xb) {
          x0s[n] = xa;
          y0s[n] = ya;
          x1s[n] = xb;
          y1s[n] = yb;
          ws[n] = w;
        } else {
          x0s[n] = xb;
          y0s[n] = yb;
          x1s[n] = xa;
          y1s[n] = ya;
          ws[n] = -w;
        }
        firsts[n] = first;
        lasts[n] = last;
        n++;
      }
    }
    ex0 = x0s;
    ey0 = y0s;
    ex1 = x1s;
    ey1 = y1s;
    ew = ws;
    lastRow = lasts;
    int rows = row1 - row0;
    rowStart = new int[rows + 1];
    for (int i = 0; i < n; i++) {
      rowStart[firsts[i] - row0 + 1]++;
    }
    for (int r = 0; r < rows; r++) {
      rowStart[r + 1] += rowStart[r];
    }
    order = new int[n];
    int[] fill = Arrays.copyOf(rowStart, rows);
    for (int i = 0; i < n; i++) {
      order[fill[firsts[i] - row0]++] = i;
    }
    active = new int[n];
    acc = center ? null : new double[width];
    carry = center ? null : new double[width];
    hit = center ? null : new boolean[width];
    evenOdd = rings.exteriors <= 1;
    up = center ? new double[16] : null;
    down = center ? new double[16] : null;
  }

  /**
   * Fills rows {@code [from, to)} into {@code out}, row-major with the window's width. Rows must be
   * asked for in order, each exactly once.
   */
  void fill(int from, int to, double[] out) {
    if (from != nextRow) {
      throw new IllegalStateException(
          "rows must be swept in order: expected " + nextRow + ", got " + from);
    }
    for (int r = from; r < to; r++) {
      int off = (r - from) * width;
      activate(r);
      if (rule == PixelRule.CENTER) {
        Arrays.fill(out, off, off + width, 0.0);
        centerRow(r, out, off);
      } else {
        areaRow(r, out, off);
      }
    }
    nextRow = to;
  }

  /** Drops the edges that ended above row r and adds those that start at r. */
  private void activate(int r) {
    int kept = 0;
    for (int i = 0; i < activeCount; i++) {
      int e = active[i];
      if (lastRow[e] >= r) {
        active[kept++] = e;
      }
    }
    activeCount = kept;
    int end = rowStart[r - row0 + 1];
    while (nextInOrder < end) {
      active[activeCount++] = order[nextInOrder++];
    }
  }

  private void areaRow(int r, double[] out, int off) {
    final double band = r;
    final double bandEnd = r + 1.0;
    for (int a = 0; a < activeCount; a++) {
      int e = active[a];
      double x0 = ex0[e];
      double y0 = ey0[e];
      double x1 = ex1[e];
      double y1 = ey1[e];
      double w = ew[e];
      if (y0 == y1) {
        // Horizontal, in band floor(y); the whole edge is one piece.
        piecesInBand(x0, y0, x1, y1, w, x0, y0, x1, y1, band, bandEnd);
        continue;
      }
      // The part of the edge inside this band, as its two ends in increasing x.
      double ylo = Math.max(band, Math.min(y0, y1));
      double yhi = Math.min(bandEnd, Math.max(y0, y1));
      double xl;
      double yl;
      double xr;
      double yr;
      if (y0 < y1) {
        xl = xAt(x0, y0, x1, y1, ylo);
        yl = ylo;
        xr = xAt(x0, y0, x1, y1, yhi);
        yr = yhi;
      } else {
        xl = xAt(x0, y0, x1, y1, yhi);
        yl = yhi;
        xr = xAt(x0, y0, x1, y1, ylo);
        yr = ylo;
      }
      if (xl == xr) {
        // Vertical within this band: no area, but it cuts through the cell unless it lies on a
        // column
        // line. The edge list holds no band with ylo == yhi, so the cut has positive length.
        double f = Math.floor(xl);
        if (xl != f) {
          hit[(int) f - col0] = true;
        }
        continue;
      }
      piecesInBand(x0, y0, x1, y1, w, xl, yl, xr, yr, band, bandEnd);
    }
    boolean exact = rule == PixelRule.EXACT;
    for (int j = 0; j < width; j++) {
      double v = acc[j] - carry[j];
      acc[j] = 0;
      if (hit[j]) {
        hit[j] = false;
        if (exact) {
          v = v < 0 ? 0 : (v > 1 ? 1 : v);
        } else {
          v = 1;
        }
      } else {
        v = v >= 0.5 ? 1 : 0;
      }
      out[off + j] = v;
    }
  }

  /**
   * Adds the piece (xl, yl)–(xr, yr), {@code xl < xr}, of edge (x0, y0)–(x1, y1) lying in band
   * [band, bandEnd], column by column: the trapezoid {@code ∫ (y - band) dx} to this row and {@code
   * dx} to the carry.
   */
  private void piecesInBand(
      double x0,
      double y0,
      double x1,
      double y1,
      double w,
      double xl,
      double yl,
      double xr,
      double yr,
      double band,
      double bandEnd) {
    int jEnd = (int) Math.ceil(xr) - 1;
    double s = xl;
    double ys = yl;
    for (int j = (int) Math.floor(xl); ; j++) {
      double e;
      double ye;
      if (j >= jEnd) {
        e = xr;
        ye = yr;
      } else {
        e = j + 1;
        // Interpolated from the edge's own ends (not the band piece's) so every split point of the
        // edge
        // is computed the same way; clamped because rounding may step a hair outside the band.
        ye = y0 + (e - x0) * (y1 - y0) / (x1 - x0);
        double lo = Math.min(yl, yr);
        double hi = Math.max(yl, yr);
        ye = ye < lo ? lo : (ye > hi ? hi : ye);
      }
      double dx = e - s;
      int c = j - col0;
      acc[c] += w * dx * ((ys + ye) * 0.5 - band);
      carry[c] += w * dx;
      // A piece lying on the band's top or bottom line runs along the cell's edge, not through it.
      if (!(ys == ye && (ys == band || ys == bandEnd))) {
        hit[c] = true;
      }
      if (j >= jEnd) {
        break;
      }
      s = e;
      ys = ye;
    }
  }

  /**
   * x on the edge at height y; exact at the ends, and multiply-then-divide so grid-aligned input
   * stays exact.
   */
  private static double xAt(double x0, double y0, double x1, double y1, double y) {
    if (y == y0) {
      return x0;
    }
    if (y == y1) {
      return x1;
    }
    double x = x0 + (y - y0) * (x1 - x0) / (y1 - y0);
    return x < x0 ? x0 : (x > x1 ? x1 : x);
  }

  private void centerRow(int r, double[] out, int off) {
    double yc = r + 0.5;
    int nUp = 0;
    int nDown = 0;
    for (int a = 0; a < activeCount; a++) {
      int e = active[a];
      double x0 = ex0[e];
      double y0 = ey0[e];
      double x1 = ex1[e];
      double y1 = ey1[e];
      boolean rising = y0 < y1;
      double ylo = rising ? y0 : y1;
      double yhi = rising ? y1 : y0;
      if (ylo <= yc && yc < yhi) {
        double x = xAt(x0, y0, x1, y1, yc);
        // ew has folded in both the ring's weight and the x-reorientation, which also flipped the y
        // order.
        if (evenOdd || rising == ew[e] > 0) {
          if (nUp == up.length) {
            up = Arrays.copyOf(up, nUp * 2);
          }
          up[nUp++] = x;
        } else {
          if (nDown == down.length) {
            down = Arrays.copyOf(down, nDown * 2);
          }
          down[nDown++] = x;
        }
      }
    }
    if (nUp + nDown < 2) {
      return;
    }
    int end = col0 + width - 1;
    if (evenOdd) {
      Arrays.sort(up, 0, nUp);
      for (int i = 0; i + 1 < nUp; i += 2) {
        fillRun(up[i], up[i + 1], out, off, end);
      }
      return;
    }
    if (nUp > 1) {
      Arrays.sort(up, 0, nUp);
    }
    if (nDown > 1) {
      Arrays.sort(down, 0, nDown);
    }
    int winding = 0;
    double from = 0;
    for (int i = 0, j = 0; i < nUp || j < nDown; ) {
      double x;
      int step;
      if (j >= nDown || (i < nUp && up[i] <= down[j])) {
        x = up[i++];
        step = 1;
      } else {
        x = down[j++];
        step = -1;
      }
      if (winding != 0) {
        fillRun(from, x, out, off, end);
      }
      winding += step;
      from = x;
    }
  }

  /**
   * Sets the cells whose centre {@code c + 0.5} lies in {@code (from, to]}, up to column {@code
   * end}.
   */
  private void fillRun(double from, double to, double[] out, int off, int end) {
    int c0 = Math.max(col0, (int) Math.floor(from - 0.5) + 1);
    int c1 = Math.min(end, (int) Math.floor(to - 0.5));
    for (int c = c0; c <= c1; c++) {
      out[off + c - col0] = 1;
    }
  }
}
