package dev.terrace.cli;

import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.InputRow;
import dev.terrace.engine.internal.rows.RowSource;
import dev.terrace.engine.internal.rows.SpillFolder;
import dev.terrace.engine.internal.rows.TileKeys;
import dev.terrace.engine.internal.rows.TileOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A batch read in the order of the tiles its geometries fall in, whatever the input's order, and
 * written in input order, in memory bounded by {@code memory} bytes whatever the input's size, by
 * the runner jobs use too ({@link TileOrder}):
 *
 * <ol>
 *   <li>the input is read once; each geometry is spilled to a sort by tile (see {@link TileKeys});
 *   <li>they come back sorted by tile and are extracted a request of at most {@code batchSize} at a
 *       time through the same call as {@link StreamingRun}'s, so that each tile is decoded about
 *       once and the answers are the same;
 *   <li>every answer is spilled by row to a second sort, and the input read again beside it, so
 *       each row is written with its own columns, in input order, flushed every {@code batchSize}
 *       rows.
 * </ol>
 *
 * Nothing is written to the output before the third step, so a run interrupted earlier resumes by
 * starting over, and one interrupted in the third keeps the rows it wrote, as {@link Resume}
 * expects. The temporary files are deleted at the end, whether the run succeeded or failed.
 */
final class TileOrderedRun {

  /** The input opened again, past the rows {@code --resume} keeps, for the third step. */
  interface Reopen {
    RowSource open() throws IOException;
  }

  private final Service service;
  private final ExtractOptions options;
  private final int batchSize;
  private final long memory;
  private final Path tmp;
  private List<Long> geometryRuns = List.of();
  private List<Long> answerRuns = List.of();

  /**
   * @param memory the most bytes the sorts hold in memory, half each
   * @param tmp where to make the temporary folder, or null for the system's
   */
  TileOrderedRun(Service service, ExtractOptions options, int batchSize, long memory, Path tmp) {
    this.service = service;
    this.options = options;
    this.batchSize = batchSize;
    this.memory = memory;
    this.tmp = tmp;
  }

  /**
   * @return the rows written
   */
  long run(RowSource source, Reopen again, RowSink sink, Progress progress, RowReport report)
      throws IOException {
    TileKeys keys =
        TileKeys.of(
            service.api() instanceof Engine engine ? engine.catalog() : null,
            options.batch(List.of()));
    try (sink;
        SpillFolder folder = new SpillFolder(tmp);
        TileOrder order = new TileOrder(folder, keys, memory)) {
      for (long row = 0; ; row++) {
        InputRow r = source.next();
        if (r == null) {
          break;
        }
        if (r.geometry() != null) {
          order.add(row, r.geometry());
        }
      }
      order.extract(
          service.api(),
          options::batch,
          Math.min(batchSize, service.maxBatch()),
          Answers::encode,
          () -> false,
          rows -> {});
      geometryRuns = order.geometryRuns();
      try (RowSource input = again.open();
          TileOrder.Answers answers = order.answers()) {
        answerRuns = order.answerRuns();
        long rows = 0;
        for (InputRow r; (r = input.next()) != null; ) {
          Extraction.Outcome o =
              r.geometry() == null
                  ? new Extraction.Outcome(null, r.error())
                  : Answers.decode(answers.of(rows));
          report.row(r, o);
          sink.write(r, o);
          if (++rows % batchSize == 0) {
            sink.flush();
            progress.update(rows, input.bytesRead());
          }
        }
        sink.flush();
        return rows;
      }
    }
  }

  /**
   * @return the bytes each run of the geometries' sort held in memory, after {@link #run}
   */
  List<Long> geometryRuns() {
    return geometryRuns;
  }

  /**
   * @return the bytes each run of the answers' sort held in memory, after {@link #run}
   */
  List<Long> answerRuns() {
    return answerRuns;
  }
}
