package dev.terrace.spark;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.extract.Part;
import dev.terrace.engine.internal.extract.Partial;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.Pieces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Extracts a partition's rows, sorted by tile, in their order, as many at a time as one {@code
 * extract.batch} takes, through the same {@link Extraction} as {@code terrace batch} and jobs, on
 * the executor's engine; each row comes out with its input columns (the keys dropped) and the
 * result columns. Memory holds one request's rows, whatever the partition's size.
 *
 * <p>When polygons are read in parts, each row also carries its id and, for a part, its block and
 * its {@link Pieces piece} (the result columns empty), which {@link PartsMerge} makes the polygon's
 * row of.
 */
final class PartitionExtraction implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  /** The block a part was read in, what its polygon's pieces are merged in the order of. */
  static final String BLOCK = "__terrace_block";

  /** A part's piece, or null for a row read whole. */
  static final String PIECE = "__terrace_piece";

  private final ExtractSpec spec;
  private final StructType keyed;
  private final ResultColumns columns;
  private final boolean inParts;

  /**
   * @param keyed the input's columns and, last, {@link TileKeyedRows}'s
   * @param inParts whether polygons are read in parts: the rows then carry their pieces
   */
  PartitionExtraction(ExtractSpec spec, StructType keyed, ResultColumns columns, boolean inParts) {
    this.spec = spec;
    this.keyed = keyed;
    this.columns = columns;
    this.inParts = inParts;
  }

  /**
   * @param out the input's columns and the results
   * @return those and the columns the pieces of polygons read in parts travel in
   */
  static StructType withPieces(StructType out) {
    return out.add(TileKeyedRows.ROW, DataTypes.LongType, false)
        .add(BLOCK, DataTypes.LongType, false)
        .add(PIECE, DataTypes.BinaryType, true);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Engine engine = ExecutorEngines.engine(spec.catalog());
    BatchExtractRequest options = spec.options();
    RowGeometry geometries = new RowGeometry(spec, keyed);
    int tile = keyed.fieldIndex(TileKeyedRows.TILE);
    int id = keyed.fieldIndex(TileKeyedRows.ROW);
    int partAt = keyed.fieldIndex(TileKeyedRows.PART);
    int perRequest = Limits.defaults().maxGeometries();
    return new Refilling<>() {
      @Override
      boolean more() {
        return rows.hasNext();
      }

      @Override
      void refill() {
        extractNext();
      }

      private void extractNext() {
        List<Row> batch = new ArrayList<>(perRequest);
        List<RowGeometry.Read> read = new ArrayList<>(perRequest);
        List<Geometry> valid = new ArrayList<>(perRequest);
        List<Part> parts = new ArrayList<>(perRequest);
        while (batch.size() < perRequest && rows.hasNext()) {
          Row row = rows.next();
          RowGeometry.Read g = geometries.read(row);
          batch.add(row);
          read.add(g);
          if (g.geometry() != null) {
            valid.add(g.geometry());
            parts.add(
                row.isNullAt(partAt) ? null : Part.fromBytes(ByteBuffer.wrap(row.getAs(partAt))));
          }
        }
        Partial[] partials = new Partial[valid.size()];
        List<Extraction.Outcome> outcomes =
            valid.isEmpty()
                ? List.of()
                : parts.stream().allMatch(Objects::isNull)
                    ? Extraction.run(engine, options::withGeometries, valid, perRequest)
                    : Extraction.run(
                        engine, options::withGeometries, valid, parts, partials, perRequest);
        int next = 0;
        for (int i = 0; i < batch.size(); i++) {
          Row row = batch.get(i);
          RowGeometry.Read g = read.get(i);
          if (g.geometry() == null) {
            answer(row, new Extraction.Outcome(null, g.error()));
            continue;
          }
          int k = next++;
          Part part = parts.get(k);
          Extraction.Outcome o = outcomes.get(k);
          if (part == null || part.home() && (o.response() == null || partials[k] == null)) {
            answer(row, o);
          } else if (part.home()) {
            piece(row, pieceOf(o, partials[k]));
          } else if (partials[k] != null) {
            // A part whose polygon failed, or was read whole at home, adds nothing.
            piece(row, Pieces.away(partials[k]));
          }
        }
      }

      private void answer(Row row, Extraction.Outcome o) {
        for (Object[] results : columns.values(o)) {
          ready.add(row(row, results, row.getLong(id), 0, null));
        }
      }

      private void piece(Row row, byte[] piece) {
        ready.add(row(row, new Object[columns.width()], row.getLong(id), row.getLong(tile), piece));
      }
    };
  }

  private static byte[] pieceOf(Extraction.Outcome o, Partial partial) {
    try {
      return Pieces.home(o.response(), partial);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The input's columns, without the keys, then the results and, in parts, the piece. */
  private Row row(Row keyedRow, Object[] results, long id, long block, byte[] piece) {
    int inputs = keyedRow.size() - 3;
    Object[] values = new Object[inputs + results.length + (inParts ? 3 : 0)];
    for (int i = 0; i < inputs; i++) {
      values[i] = keyedRow.get(i);
    }
    System.arraycopy(results, 0, values, inputs, results.length);
    if (inParts) {
      values[values.length - 3] = id;
      values[values.length - 2] = block;
      values[values.length - 1] = piece;
    }
    return RowFactory.create(values);
  }
}
