package dev.terrace.engine.internal.extract;

import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.engine.internal.raster.Grid;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Envelope;

/**
 * The cells one request may still read (and, for {@code cells}, return), shared by its geometries
 * and datasets.
 */
final class PixelBudget {

  private final long limit;
  private final AtomicLong left;

  PixelBudget(long limit) {
    this.limit = limit;
    this.left = new AtomicLong(limit);
  }

  /**
   * @param pixels a geometry's envelope in a grid's pixel space
   * @return the cells a read of that envelope may touch: its part inside the grid, with a cell to
   *     spare
   */
  static long cells(Envelope pixels, Grid grid) {
    Envelope e = pixels.intersection(new Envelope(0, grid.width(), 0, grid.height()));
    return e.isNull()
        ? 0
        : (long) (Math.ceil(e.getWidth()) + 1) * (long) (Math.ceil(e.getHeight()) + 1);
  }

  /**
   * Takes {@code cells} from the budget, or refuses the request naming the dataset and the limit.
   */
  void spend(long cells, String datasetId) {
    if (left.addAndGet(-cells) < 0) {
      throw overBudget(datasetId, cells);
    }
  }

  /**
   * Refuses, before reading, a request whose count of cells is over the budget; spends nothing,
   * since reading counts the same cells again.
   *
   * @param total the cells the whole request would read
   * @param datasetId the dataset that needs the most, named in the refusal
   * @param cells how many that dataset needs
   */
  void refuseOver(long total, String datasetId, long cells) {
    if (total > limit) {
      throw overBudget(datasetId, cells);
    }
  }

  private InvalidRequestException overBudget(String datasetId, long cells) {
    return InvalidRequestException.of(
        ErrorType.REQUEST_LIMIT,
        "the request would read more"
            + " cells than the pixel budget of "
            + limit
            + " allows ("
            + datasetId
            + " alone needs about "
            + cells
            + "); split the geometries or use a coarser dataset",
        "pixel_budget_exceeded",
        "geometry");
  }

  /**
   * Takes the cells a {@code cells} request returns from the budget, on top of the cells read: each
   * becomes an object in the response. Refuses the request naming its aggregation, the choice that
   * made the answer this large, where a summary statistic over the same geometry would still fit.
   */
  void spendReturned(long cells, String datasetId) {
    if (left.addAndGet(-cells) < 0) {
      throw InvalidRequestException.of(
          ErrorType.REQUEST_LIMIT,
          "aggregation cells would"
              + " return more cells than the pixel budget of "
              + limit
              + " allows, counted with the cells read ("
              + datasetId
              + " alone returns "
              + cells
              + "); use a smaller geometry, or a summary statistic such as"
              + " mean or histogram",
          "pixel_budget_exceeded",
          "aggregation");
    }
  }
}
