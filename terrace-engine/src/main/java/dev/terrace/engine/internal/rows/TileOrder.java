package dev.terrace.engine.internal.rows;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.TerraceApi;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.internal.extract.Part;
import dev.terrace.engine.internal.extract.PartReader;
import dev.terrace.engine.internal.extract.Partial;
import dev.terrace.engine.internal.extract.Priority;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongConsumer;

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

  /** How an answer read whole starts: the encoder's bytes follow. */
  private static final byte WHOLE = 'W';

  private final TileKeys keys;
  private final ExternalSort geometries;
  private final ExternalSort answers;

  // What the extraction was made with, to complete the polygons read in parts as they are read.
  private TerraceApi api;
  private Function<List<Geometry>, BatchExtractRequest> request;
  private Encoder encoder;

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
   * @param extracted told after each call how many rows it answered (a polygon read in parts counts
   *     once, at its home part)
   * @return false when it stopped before the end
   */
  public boolean extract(
      TerraceApi api,
      Function<List<Geometry>, BatchExtractRequest> request,
      int perRequest,
      Encoder encoder,
      BooleanSupplier stopping,
      LongConsumer extracted)
      throws IOException {
    this.api = api;
    this.request = request;
    this.encoder = encoder;
    List<Geometry> batch = new ArrayList<>(perRequest);
    List<Part> parts = new ArrayList<>(perRequest);
    List<Long> rows = new ArrayList<>(perRequest);
    List<Long> blocks = new ArrayList<>(perRequest);
    // The command line's requests run on threads of their own, two at a time, each spilling its
    // answers as it ends: a thousand points in tile order reach two or three tiles, too few to keep
    // every core decoding, and encoding the answers would leave the cores idle between requests. A
    // job's run on its own thread, one at a time, as before: two at a time made it no faster and
    // interactive requests slower while it ran (BENCHMARKS.md, JobBench). The order the answers are
    // spilled in does not matter: they are sorted by row.
    try (ExternalSort.Cursor sorted = geometries.sorted();
        Behind requests = new Behind("terrace-tile-order", Priority.isBackground() ? 0 : 2)) {
      for (ExternalSort.Entry e; ; ) {
        e = sorted.next();
        if (e != null) {
          batch.add(TileKeys.geometry(e));
          parts.add(TileKeys.part(e));
          rows.add(e.index());
          blocks.add(e.key());
        }
        if (batch.size() == perRequest || (e == null && !batch.isEmpty())) {
          if (stopping.getAsBoolean()) {
            return false;
          }
          Request next = new Request(batch, parts, rows, blocks);
          requests.submit(
              () -> {
                Answered answered = extract(next);
                List<ExternalSort.Entry> spilled = encode(answered);
                synchronized (answers) {
                  for (ExternalSort.Entry a : spilled) {
                    answers.add(a.key(), a.index(), a.payload());
                  }
                }
                extracted.accept(answered.homes());
              });
          batch = new ArrayList<>(perRequest);
          parts = new ArrayList<>(perRequest);
          rows = new ArrayList<>(perRequest);
          blocks = new ArrayList<>(perRequest);
        }
        if (e == null) {
          requests.await();
          return true;
        }
      }
    }
  }

  /**
   * One request's geometries, in tile order.
   *
   * @param blocks the block each geometry was spilled under
   */
  private record Request(
      List<Geometry> batch, List<Part> parts, List<Long> rows, List<Long> blocks) {}

  /**
   * Extracts one request's geometries, whose answers are then spilled by row: a part of a polygon
   * under its block, the home part first.
   */
  private Answered extract(Request r) {
    List<Geometry> batch = r.batch();
    List<Part> parts = r.parts();
    long homes = parts.stream().filter(p -> p == null || p.home()).count();
    if (!(api instanceof PartReader)) {
      // What reads them cannot read parts: each polygon is read whole at its home.
      for (int k = batch.size() - 1; k >= 0; k--) {
        Part p = parts.get(k);
        if (p != null && !p.home()) {
          batch.remove(k);
          parts.remove(k);
          r.rows().remove(k);
          r.blocks().remove(k);
        } else {
          parts.set(k, null);
        }
      }
    }
    Partial[] partials = new Partial[batch.size()];
    List<Extraction.Outcome> outcomes =
        batch.isEmpty()
            ? List.of()
            : parts.stream().anyMatch(Objects::nonNull)
                ? Extraction.run(engine(), request, batch, parts, partials, batch.size())
                : Extraction.run(api, request, batch, batch.size());
    return new Answered(outcomes, partials, r, homes);
  }

  /**
   * One request's answers, waiting to be spilled.
   *
   * @param homes the rows it answered: a polygon read in parts counts once, at its home part
   */
  private record Answered(
      List<Extraction.Outcome> outcomes, Partial[] partials, Request request, long homes) {}

  /**
   * @return the answers' records for their sort by row: a part of a polygon under its block, the
   *     home part first
   */
  private List<ExternalSort.Entry> encode(Answered a) throws IOException {
    List<ExternalSort.Entry> out = new ArrayList<>(a.outcomes.size());
    for (int k = 0; k < a.outcomes.size(); k++) {
      Part part = a.request.parts().get(k);
      Extraction.Outcome o = a.outcomes.get(k);
      long row = a.request.rows().get(k);
      if (part == null || part.home() && (o.response() == null || a.partials[k] == null)) {
        // Whole, or a polygon the engine read whole at home (or could not read at all).
        out.add(new ExternalSort.Entry(row, 0, tagged(WHOLE, encoder.encode(o))));
      } else {
        long block = 1 + a.request.blocks().get(k);
        if (part.home()) {
          out.add(new ExternalSort.Entry(row, block, Pieces.home(o.response(), a.partials[k])));
        } else if (a.partials[k] != null) {
          out.add(new ExternalSort.Entry(row, block, Pieces.away(a.partials[k])));
        }
      }
    }
    return out;
  }

  private static byte[] tagged(byte tag, byte[] bytes) {
    byte[] out = new byte[bytes.length + 1];
    out[0] = tag;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return out;
  }

  private PartReader engine() {
    if (api instanceof PartReader engine) {
      return engine;
    }
    // TileKeys plans parts only for rows read by a catalog here, which only the engine reads.
    throw new IllegalStateException("polygons are read in parts only by the embedded engine");
  }

  /**
   * @return the answers in row order, read one by one with {@link Answers#of}
   */
  public Answers answers() throws IOException {
    return new Answers(answers.sorted());
  }

  /** The answers in row order; a polygon read in parts is completed as its row is read. */
  public final class Answers implements AutoCloseable {

    private final ExternalSort.Cursor cursor;
    private ExternalSort.Entry next;

    private Answers(ExternalSort.Cursor cursor) throws IOException {
      this.cursor = cursor;
      this.next = cursor.next();
    }

    /**
     * @return the answer of {@code row}, the next row with a geometry, as the encoder encoded it
     * @throws IllegalStateException if the next answer is another row's: the input changed between
     *     its two readings
     */
    public byte[] of(long row) throws IOException {
      if (next == null || next.key() != row) {
        throw new IllegalStateException(
            "the input changed while it was read: row "
                + (row + 1)
                + " is not the one extracted; keep it unchanged until the run ends");
      }
      List<byte[]> entries = new ArrayList<>();
      for (; next != null && next.key() == row; next = cursor.next()) {
        entries.add(next.payload());
      }
      if (entries.get(0)[0] == WHOLE) {
        return Arrays.copyOfRange(entries.get(0), 1, entries.get(0).length);
      }
      // The entries of a polygon's parts come in block order.
      return encoder.encode(
          new Extraction.Outcome(Pieces.whole(engine(), request.apply(List.of()), entries), null));
    }

    @Override
    public void close() throws IOException {
      cursor.close();
    }
  }

  /**
   * @return how many parts the polygons read in parts were split into
   */
  public long parts() {
    return keys.parts();
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
