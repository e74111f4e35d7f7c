package dev.terrace.engine.internal.rows;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.geojson.Geometry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The out-of-core runner {@code terrace batch} and jobs share: rows extracted in the order of the
 * tiles their geometries fall in, whatever the input's order, in memory bounded by {@code memory}
 * bytes whatever the input's size.
 *
 * <ol>
 *   <li>{@link #add} spills each row's geometry to an external sort by its block ({@link TileKeys})
 *       in the runner's folder;
 *   <li>{@link #extract} reads them back sorted and extracts a request at a time in that order —
 *       not reordered by locality, which would scatter a request's tiles — so that each tile is
 *       decoded about once, and spills each answer, encoded by the caller, to a second sort by row;
 *   <li>the caller reads the input again beside {@link #answers()}, in row order, and writes each
 *       row with its answer.
 * </ol>
 */
public final class TileOrder implements AutoCloseable {

  /** A row's outcome as the bytes it is kept as until the row is written. */
  public interface Encoder {
    byte[] encode(Extraction.Outcome outcome) throws IOException;
  }

  private final TileKeys keys;
  private final ExternalSort geometries;
  private final ExternalSort answers;

  /**
   * @param folder where the sorts write their runs
   * @param memory the most bytes the two sorts hold in memory, half each
   */
  public TileOrder(SpillFolder folder, TileKeys keys, long memory) {
    this.keys = keys;
    this.geometries = new ExternalSort(folder, "geometries", memory / 2);
    this.answers = new ExternalSort(folder, "answers", memory / 2);
  }

  /**
   * @param row the row's number in the input, what its answer is found by
   */
  public void add(long row, Geometry geometry) throws IOException {
    keys.spill(geometries, row, geometry);
  }

  /**
   * Extracts every geometry added, in tile order, {@code perRequest} to a call.
   *
   * @param request the {@code extract.batch} request for some of the geometries
   * @param stopping asked before each call; the extraction stops when it says so
   * @return false when it stopped before the end
   */
  public boolean extract(
      TerraceApi api,
      Function<List<Geometry>, BatchExtractRequest> request,
      int perRequest,
      Encoder encoder,
      BooleanSupplier stopping)
      throws IOException {
    List<Geometry> batch = new ArrayList<>(perRequest);
    List<Long> rows = new ArrayList<>(perRequest);
    try (ExternalSort.Cursor sorted = geometries.sorted()) {
      for (ExternalSort.Entry e; ; ) {
        e = sorted.next();
        if (e != null) {
          batch.add(TileKeys.geometry(e));
          rows.add(e.index());
        }
        if (batch.size() == perRequest || (e == null && !batch.isEmpty())) {
          if (stopping.getAsBoolean()) {
            return false;
          }
          List<Extraction.Outcome> outcomes = Extraction.run(api, request, batch, perRequest);
          for (int k = 0; k < outcomes.size(); k++) {
            answers.add(rows.get(k), 0, encoder.encode(outcomes.get(k)));
          }
          batch.clear();
          rows.clear();
        }
        if (e == null) {
          return true;
        }
      }
    }
  }

  /**
   * @return the answers in row order, read one by one with {@link #answer}
   */
  public ExternalSort.Cursor answers() throws IOException {
    return answers.sorted();
  }

  /**
   * @return the answer of {@code row}, the next in {@code answers}
   * @throws IllegalStateException if the next answer is another row's: the input changed between
   *     its two readings
   */
  public static byte[] answer(ExternalSort.Cursor answers, long row) throws IOException {
    ExternalSort.Entry e = answers.next();
    if (e == null || e.key() != row) {
      throw new IllegalStateException(
          "the input changed while it was read: row "
              + (row + 1)
              + " is not the one extracted; keep it unchanged until the run ends");
    }
    return e.payload();
  }

  /**
   * @return the bytes each run of the geometries' sort held in memory before it was written
   */
  public List<Long> geometryRuns() {
    return geometries.runBytes();
  }

  /**
   * @return the bytes each run of the answers' sort held in memory before it was written
   */
  public List<Long> answerRuns() {
    return answers.runBytes();
  }

  @Override
  public void close() throws IOException {
    try (geometries) {
      answers.close();
    }
  }
}
