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
 *
 * <p><b>A window of the swept box.</b> The sweep may emit only a window of the cells, for a polygon
 * split across tiles whose parts must add up bit for bit to the whole. The rings are never clipped
 * to the window (new vertices would round differently); instead every value is computed by the same
 * operations, in the same order, as for the whole box, and only the window's cells are written.
 * That holds because, for EXACT and ALL_TOUCHED, a cell's value depends only on the pieces in its
 * own column, added in band order and, within a band, in active-list order, which dropping edges
 * that never reach the window does not reorder. The bands above the window still feed the carry, so
 * they are swept ({@link #skip}) but only for the carry, and only for the edges, and the bands of
 * an edge, that reach the window's columns. For CENTER, rows are independent; a crossing right of
 * the window cannot change any of its cells, and one left of it only adds its winding step (or, by
 * the even-odd rule, its parity) to every cell of the window, so edges wholly left of the window
 * are folded, per row, into a starting winding number and are never looked at while sweeping.
 */
final class Sweep {

  private final PixelRule rule;
  // The emitted window's columns; acc, carry and hit are indexed from col0.
  private final int col0;
  private final int width;
  private final int colLast;
  // The first swept row: the box's top row for EXACT and ALL_TOUCHED (the carry needs every band
  // above the window), the window's top row for CENTER.
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
  // Null unless some edge starts later than its first band (a window skipping bands that cannot
  // reach its columns): then each edge's place in the whole box's active list, by which an edge
  // starting late is merged in rather than appended, so every sum keeps the whole box's order.
  private final int[] rank;
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
  // CENTER: per swept row, the winding (even-odd: the number of crossings) of the edges wholly left
  // of the window, which were left out of the edge list; null when there are none.
  private final int[] leftWinding;

  /**
   * A sweep emitting the whole box.
   *
   * @param rings the clipped rings
   * @param rule the pixel rule
   * @param col0 first column of the box
   * @param col1 one past the last column
   * @param row0 first row of the box
   * @param row1 one past the last row
   */
  Sweep(Rings rings, PixelRule rule, int col0, int col1, int row0, int row1) {
    this(rings, rule, row0, col0, col1, row0, row1);
  }

  /**
   * A sweep emitting a window of the box; {@link #skip} to the window's first row before the first
   * {@link #fill}.
   *
   * @param rings the clipped rings
   * @param rule the pixel rule
   * @param boxRow0 first row of the rings' box within the raster
   * @param col0 first column of the window, within the box
   * @param col1 one past the window's last column
   * @param row0 first row of the window, at least {@code boxRow0}
   * @param row1 one past the window's last row
   */
  Sweep(Rings rings, PixelRule rule, int boxRow0, int col0, int col1, int row0, int row1) {
    this.rule = rule;
    this.col0 = col0;
    this.width = col1 - col0;
    this.colLast = col1 - 1;
    boolean center = rule == PixelRule.CENTER;
    // Rows above the window are swept only for the carry, which CENTER does not have.
    int from = center ? row0 : boxRow0;
    this.row0 = from;
    this.nextRow = from;
    int rows = row1 - from;
    int[] left = null;
    evenOdd = rings.exteriors <= 1;
    int capacity = rings.vertices;
    double[] x0s = new double[capacity];
    double[] y0s = new double[capacity];
    double[] x1s = new double[capacity];
    double[] y1s = new double[capacity];
    double[] ws = new double[capacity];
    int[] firsts = new int[capacity];
    int[] lasts = new int[capacity];
    int[] keys = new int[capacity];
    boolean late = false;
    int n = 0;
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
        double xlo = Math.min(xa, xb);
        double xhi = Math.max(xa, xb);
        int first;
        int last;
        int key;
        if (center) {
          if (ya == yb) {
            continue; // a horizontal edge never crosses a scanline under the half-open rule
          }
          if (xlo >= col1) {
            continue; // its crossings are right of every centre in the window
          }
          if (xhi < col0) {
            // Left of every centre in the window: only its winding step counts, on the rows whose
            // centre line it crosses (the same test as centerRow's, made exactly here).
            if (left == null) {
              left = new int[rows + 1];
            }
            int r = Math.max(from, (int) Math.ceil(ylo - 0.5) - 1);
            while (r + 0.5 < ylo) {
              r++;
            }
            int end = Math.min(row1 - 1, (int) Math.ceil(yhi - 0.5) + 1);
            while (end >= r && !(end + 0.5 < yhi)) {
              end--;
            }
            if (r <= end) {
              // The step centerRow would give it: edges there are turned to run left to right,
              // which flips both their rising and the sign folded into their weight.
              boolean rising = xa <= xb ? ya < yb : yb < ya;
              int step = evenOdd || rising == (xa <= xb ? w : -w) > 0 ? 1 : -1;
              left[r - from] += step;
              left[end + 1 - from] -= step;
            }
            continue;
          }
          // Rows whose centre line may lie in [ylo, yhi); one row of slack each way, the exact test
          // is made per row.
          first = Math.max(from, (int) Math.ceil(ylo - 0.5) - 1);
          last = Math.min(row1 - 1, (int) Math.ceil(yhi - 0.5));
          key = first; // crossings are sorted by x: the active list's order does not matter
        } else {
          if (xa == xb && xa == Math.floor(xa)) {
            continue; // on a column line: no area, enters no cell's interior
          }
          if (xhi <= col0 || xlo >= col1) {
            continue; // every piece lies in columns outside the window
          }
          first = (int) Math.floor(ylo);
          // A horizontal edge belongs to band floor(y); any other to the bands its y-range
          // overlaps.
          last = ya == yb ? first : (int) Math.ceil(yhi) - 1;
          // Where the whole box's sweep would have activated it.
          key = Math.max(first, from);
          if (ya != yb && (xlo < col0 || xhi > col1)) {
            // Only the bands where the edge runs between the window's side lines can reach its
            // columns; a row of slack each way covers the rounding of these two points.
            double yl = xlo < col0 ? yOn(xa, ya, xb, yb, col0) : (xa < xb ? ya : yb);
            double yr = xhi > col1 ? yOn(xa, ya, xb, yb, col1) : (xa < xb ? yb : ya);
            first = Math.max(first, (int) Math.floor(Math.min(yl, yr)) - 1);
            last = Math.min(last, (int) Math.ceil(Math.max(yl, yr)));
          }
          first = Math.max(first, from);
          last = Math.min(last, row1 - 1);
        }
        if (first > last) {
          continue;
        }
        late |= first != key;
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
        keys[n] = key;
        n++;
      }
    }
    ex0 = x0s;
    ey0 = y0s;
    ex1 = x1s;
    ey1 = y1s;
    ew = ws;
    lastRow = lasts;
    rowStart = new int[rows + 1];
    for (int i = 0; i < n; i++) {
      rowStart[firsts[i] - from + 1]++;
    }
    for (int r = 0; r < rows; r++) {
      rowStart[r + 1] += rowStart[r];
    }
    // Edges by first row, and within a row in active-list order: by index, or by rank if some are
    // late.
    int[] byRank = null;
    if (late) {
      byRank = byRow(keys, n, from, rows);
      rank = new int[n];
      for (int i = 0; i < n; i++) {
        rank[byRank[i]] = i;
      }
    } else {
      rank = null;
    }
    order = new int[n];
    int[] fill = Arrays.copyOf(rowStart, rows);
    for (int k = 0; k < n; k++) {
      int i = byRank == null ? k : byRank[k];
      order[fill[firsts[i] - from]++] = i;
    }
    active = new int[n];
    acc = center ? null : new double[width];
    carry = center ? null : new double[width];
    hit = center ? null : new boolean[width];
    up = center ? new double[16] : null;
    down = center ? new double[16] : null;
    if (left != null) {
      for (int r = 1; r < rows; r++) {
        left[r] += left[r - 1];
      }
    }
    leftWinding = left;
  }

  /** Edge indices sorted by row (stably, a counting sort), rows counted from {@code from}. */
  private static int[] byRow(int[] rowOf, int n, int from, int rows) {
    int[] start = new int[rows + 1];
    for (int i = 0; i < n; i++) {
      start[rowOf[i] - from + 1]++;
    }
    for (int r = 0; r < rows; r++) {
      start[r + 1] += start[r];
    }
    int[] sorted = new int[n];
    for (int i = 0; i < n; i++) {
      sorted[start[rowOf[i] - from]++] = i;
    }
    return sorted;
  }

  /** y on the line through (xa, ya) and (xb, yb) at x; only used to bound rows, with slack. */
  private static double yOn(double xa, double ya, double xb, double yb, double x) {
    return ya + (x - xa) * (yb - ya) / (xb - xa);
  }

  /**
   * Sweeps rows {@code [nextRow, to)}, above the window, for their carry alone: nothing is emitted.
   * CENTER starts at the window and has nothing to skip.
   */
  void skip(int to) {
    if (to < nextRow) {
      throw new IllegalStateException(
          "rows must be swept in order: at " + nextRow + ", asked " + to);
    }
    for (int r = nextRow; r < to; r++) {
      activate(r);
      carryRow(r);
    }
    nextRow = to;
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
    if (rank == null) {
      while (nextInOrder < end) {
        active[activeCount++] = order[nextInOrder++];
      }
      return;
    }
    // Merge, from the back, the row's new edges (in rank order) into the active list (also).
    int i = activeCount - 1;
    int j = end - 1;
    int k = activeCount + end - nextInOrder - 1;
    activeCount = k + 1;
    while (j >= nextInOrder) {
      if (i >= 0 && rank[active[i]] > rank[order[j]]) {
        active[k--] = active[i--];
      } else {
        active[k--] = order[j--];
      }
    }
    nextInOrder = end;
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
        int c = (int) f - col0;
        if (xl != f && c >= 0 && c < width) {
          hit[c] = true;
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
    int j = (int) Math.floor(xl);
    int jEnd = (int) Math.ceil(xr) - 1;
    if (j > colLast || jEnd < col0) {
      return; // outside the window's columns
    }
    double s = xl;
    double ys = yl;
    if (j < col0) {
      // Start at the window's first column with the very split point the loop would have reached.
      j = col0;
      s = j;
      ys = y0 + (s - x0) * (y1 - y0) / (x1 - x0);
      double lo = Math.min(yl, yr);
      double hi = Math.max(yl, yr);
      ys = ys < lo ? lo : (ys > hi ? hi : ys);
    }
    int jStop = Math.min(jEnd, colLast);
    for (; ; j++) {
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
      if (j >= jStop) {
        break;
      }
      s = e;
      ys = ye;
    }
  }

  /**
   * The carry of row r alone, for a row above the window: the {@code dx} of each piece in each of
   * the window's columns, from the same piece ends and split points as {@link #areaRow}.
   */
  private void carryRow(int r) {
    final double band = r;
    final double bandEnd = r + 1.0;
    for (int a = 0; a < activeCount; a++) {
      int e = active[a];
      double x0 = ex0[e];
      double y0 = ey0[e];
      double x1 = ex1[e];
      double y1 = ey1[e];
      if (y0 == y1) {
        carryPiece(ew[e], x0, x1);
        continue;
      }
      double ylo = Math.max(band, Math.min(y0, y1));
      double yhi = Math.min(bandEnd, Math.max(y0, y1));
      double xl;
      double xr;
      if (y0 < y1) {
        xl = xAt(x0, y0, x1, y1, ylo);
        xr = xAt(x0, y0, x1, y1, yhi);
      } else {
        xl = xAt(x0, y0, x1, y1, yhi);
        xr = xAt(x0, y0, x1, y1, ylo);
      }
      if (xl != xr) {
        carryPiece(ew[e], xl, xr);
      }
    }
  }

  /** {@link #piecesInBand}'s {@code dx} per column, {@code xl < xr}, without the trapezoids. */
  private void carryPiece(double w, double xl, double xr) {
    int jFirst = (int) Math.floor(xl);
    int jEnd = (int) Math.ceil(xr) - 1;
    int jStop = Math.min(jEnd, colLast);
    for (int j = Math.max(jFirst, col0); j <= jStop; j++) {
      double s = j == jFirst ? xl : j;
      double e = j >= jEnd ? xr : j + 1;
      carry[j - col0] += w * (e - s);
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
    // Edges left of the window start the row inside or outside; those right of it were dropped, so
    // a run may have to close at +infinity (beyond the window, as its dropped crossing was).
    int winding = leftWinding == null ? 0 : leftWinding[r - row0];
    if (nUp + nDown == 0 && winding == 0) {
      return;
    }
    int end = colLast;
    if (evenOdd) {
      if ((winding & 1) != 0) {
        nUp = push(nUp, Double.NEGATIVE_INFINITY);
      }
      if ((nUp & 1) != 0) {
        nUp = push(nUp, Double.POSITIVE_INFINITY);
      }
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
    double from = Double.NEGATIVE_INFINITY;
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
    if (winding != 0) {
      fillRun(from, Double.POSITIVE_INFINITY, out, off, end);
    }
  }

  /** Appends x to the up crossings, growing the array; returns the new count. */
  private int push(int nUp, double x) {
    if (nUp == up.length) {
      up = Arrays.copyOf(up, nUp * 2);
    }
    up[nUp] = x;
    return nUp + 1;
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
