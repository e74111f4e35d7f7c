package dev.terrace.cli;

import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.rows.ExternalSort;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.InputRow;
import dev.terrace.engine.internal.rows.RowSource;
import dev.terrace.engine.internal.rows.SpillFolder;
import dev.terrace.engine.internal.rows.TileKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch read in the order of the tiles its points fall in, whatever the input's order, and
 * written in input order, in memory bounded by {@code memory} bytes whatever the input's size:
 *
 * <ol>
 *   <li>the input is read once; each point is spilled as (tile, row, lon, lat) to a sort by tile
 *       (see {@link TileKeys}), each other geometry extracted in chunks of {@code batchSize} as
 *       {@link StreamingRun} would;
 *   <li>the points come back sorted by tile and are extracted {@code batchSize} at a time through
 *       the same call as {@link StreamingRun}'s, so that each tile is decoded about once and the
 *       answers are the same;
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
  private List<Long> pointRuns = List.of();
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
            service.api() instanceof Engine engine ? engine.catalog() : null, options.datasets);
    try (sink;
        SpillFolder folder = new SpillFolder(tmp);
        ExternalSort points = new ExternalSort(folder, "points", memory / 2);
        ExternalSort answers = new ExternalSort(folder, "answers", memory / 2)) {
      Pending others = new Pending(answers);
      for (long row = 0; ; row++) {
        InputRow r = source.next();
        if (r == null) {
          break;
        }
        if (!keys.spill(points, row, r.geometry()) && r.geometry() != null) {
          others.add(r.geometry(), row);
        }
      }
      others.extract();
      Pending byTile = new Pending(answers);
      try (ExternalSort.Cursor sorted = points.sorted()) {
        for (ExternalSort.Entry e; (e = sorted.next()) != null; ) {
          byTile.add(TileKeys.point(e), e.index());
        }
      }
      byTile.extract();
      pointRuns = points.runBytes();
      try (RowSource input = again.open();
          ExternalSort.Cursor sorted = answers.sorted()) {
        answerRuns = answers.runBytes();
        long rows = 0;
        for (InputRow r; (r = input.next()) != null; ) {
          Extraction.Outcome o =
              r.geometry() == null ? new Extraction.Outcome(null, r.error()) : answer(sorted, rows);
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
   * @return the bytes each run of the points' sort held in memory, after {@link #run}
   */
  List<Long> pointRuns() {
    return pointRuns;
  }

  /**
   * @return the bytes each run of the answers' sort held in memory, after {@link #run}
   */
  List<Long> answerRuns() {
    return answerRuns;
  }

  private static Extraction.Outcome answer(ExternalSort.Cursor sorted, long row)
      throws IOException {
    ExternalSort.Entry e = sorted.next();
    if (e == null || e.key() != row) {
      throw new IllegalStateException(
          "--in changed while it was read: row " + (row + 1) + " is not the one extracted");
    }
    return Answers.decode(e.payload());
  }

  /** Geometries gathered until {@code batchSize}, then extracted and their answers spilled. */
  private final class Pending {
    private final ExternalSort answers;
    private final List<Geometry> geometries = new ArrayList<>();
    private final List<Long> rows = new ArrayList<>();

    Pending(ExternalSort answers) {
      this.answers = answers;
    }

    void add(Geometry g, long row) throws IOException {
      geometries.add(g);
      rows.add(row);
      if (geometries.size() == batchSize) {
        extract();
      }
    }

    void extract() throws IOException {
      if (geometries.isEmpty()) {
        return;
      }
      List<Extraction.Outcome> outcomes =
          Extraction.run(service.api(), options::batch, geometries, service.maxBatch());
      for (int k = 0; k < outcomes.size(); k++) {
        answers.add(rows.get(k), 0, Answers.encode(outcomes.get(k)));
      }
      geometries.clear();
      rows.clear();
    }
  }
}
