package dev.terrace.engine.internal.extract;

import dev.terrace.engine.internal.raster.Window;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One part of a polygon split by the blocks (tiles) of a request's first dataset, so that each
 * block is read once for all the polygons it holds a part of: the part reads only the cells of its
 * window, and the parts' {@link Partial}s merge into the answer the whole polygon gets.
 *
 * <p>The engine reads a polygon in parts only when every part's statistics merge exactly: a polygon
 * ({@code areas}) of a dataset of single rasters on one grid, summarised without weights, cells or
 * a temporal aggregation, in the request's own vertices (no densify), and whose cells all lie in
 * {@code whole}, each part's window a block of every slice read. Otherwise the home part reads the
 * whole polygon and the others read nothing, so that a plan that does not fit still gives the right
 * answer.
 *
 * @param window the cells this part reads, in the first dataset's grid
 * @param whole the cells all the polygon's parts read together, a rectangle their windows tile
 * @param home whether this part answers the polygon's other datasets and the area beyond the
 *     raster's edge, and carries the response the merged statistics complete: exactly one part of a
 *     polygon is its home
 */
public record Part(Window window, Window whole, boolean home) {

  /** The length of {@link #toBytes}. */
  public static final int BYTES = 33;

  public Part {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(whole, "whole");
  }

  /**
   * @return the part as {@link #BYTES} bytes, for {@link #fromBytes}
   */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(BYTES);
    put(out, window);
    put(out, whole);
    return out.put((byte) (home ? 1 : 0)).array();
  }

  /**
   * @param in what {@link #toBytes} wrote, at its position
   */
  public static Part fromBytes(ByteBuffer in) {
    return new Part(window(in), window(in), in.get() == 1);
  }

  private static void put(ByteBuffer out, Window w) {
    out.putInt(w.col()).putInt(w.row()).putInt(w.width()).putInt(w.height());
  }

  private static Window window(ByteBuffer in) {
    return Window.of(in.getInt(), in.getInt(), in.getInt(), in.getInt());
  }
}
