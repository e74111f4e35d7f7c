package dev.terrace.engine.internal.extract;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * An order in which to work through many geometries so that neighbours follow each other: along a
 * Hilbert curve over the centres of their envelopes. Geometries worked in this order find the tiles
 * they share still decoded in the cache; in input order a batch scattered over a large raster
 * decodes many tiles again and again.
 */
final class LocalityOrder {

  /**
   * Cells per side of the grid the curve visits: fine enough to separate neighbouring tiles of any
   * raster.
   */
  private static final int SIDE = 1 << 16;

  private LocalityOrder() {}

  /** The input indices, sorted along the curve; ties keep input order. */
  static int[] of(List<Geometry> geometries) {
    Envelope all = new Envelope();
    Envelope[] boxes = new Envelope[geometries.size()];
    for (int i = 0; i < boxes.length; i++) {
      boxes[i] = geometries.get(i).getEnvelopeInternal();
      all.expandToInclude(boxes[i]);
    }
    long[] keys = new long[boxes.length];
    double width = Math.max(all.getWidth(), Double.MIN_NORMAL);
    double height = Math.max(all.getHeight(), Double.MIN_NORMAL);
    for (int i = 0; i < boxes.length; i++) {
      if (boxes[i].isNull()) {
        continue;
      }
      int x = (int) Math.min(SIDE - 1, (boxes[i].centre().x - all.getMinX()) / width * SIDE);
      int y = (int) Math.min(SIDE - 1, (boxes[i].centre().y - all.getMinY()) / height * SIDE);
      keys[i] = hilbert(x, y);
    }
    return IntStream.range(0, boxes.length)
        .boxed()
        .sorted(Comparator.comparingLong(i -> keys[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** The distance along the Hilbert curve of the cell (x, y) on a {@link #SIDE}-square grid. */
  static long hilbert(int x, int y) {
    long d = 0;
    for (int s = SIDE / 2; s > 0; s /= 2) {
      int rx = (x & s) > 0 ? 1 : 0;
      int ry = (y & s) > 0 ? 1 : 0;
      d += (long) s * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          x = s - 1 - x;
          y = s - 1 - y;
        }
        int t = x;
        x = y;
        y = t;
      }
    }
    return d;
  }

  /** Puts results computed in {@code order} back at their input positions. */
  static <R> List<R> inInputOrder(int[] order, List<R> computedInOrder) {
    Object[] out = new Object[order.length];
    for (int k = 0; k < order.length; k++) {
      out[order[k]] = computedInOrder.get(k);
    }
    @SuppressWarnings("unchecked")
    List<R> result = (List<R>) Arrays.asList(out);
    return result;
  }
}
