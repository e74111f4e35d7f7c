package dev.terrace.spark;

import dev.terrace.engine.internal.raster.Blocks;
import dev.terrace.engine.internal.rows.TileKeys;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Places each row where it is read ({@link TileKeys#place}, as {@code terrace batch} and jobs do):
 * under the block of the first dataset its geometry falls in, or — a polygon larger than a block —
 * once per block its box reaches, each copy with the part it reads. The rows are then partitioned
 * by block (every row of a block in one partition) and sorted on it, so that each executor decodes
 * each block about once. Each row gets an id (its partition and position, as {@code
 * monotonically_increasing_id}), by which the parts of a polygon find each other again. A row whose
 * geometry cannot be read goes last, to fail in the extraction with its error.
 */
final class TileKeyedRows implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  /** The block a row is read under. */
  static final String TILE = "__terrace_tile";

  /** The row's id. */
  static final String ROW = "__terrace_row";

  /** The part of a polygon the row reads, or null for all of its geometry. */
  static final String PART = "__terrace_part";

  private final ExtractSpec spec;
  private final StructType input;

  TileKeyedRows(ExtractSpec spec, StructType input) {
    this.spec = spec;
    this.input = input;
  }

  /**
   * @return the input's columns and the three this adds
   */
  static StructType schema(StructType input) {
    return input
        .add(TILE, DataTypes.LongType, false)
        .add(ROW, DataTypes.LongType, false)
        .add(PART, DataTypes.BinaryType, true);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    // A task's own: the keys project with proj4j, whose transforms are not thread-safe.
    TileKeys keys = TileKeys.of(ExecutorEngines.engine(spec.catalog()).catalog(), spec.options());
    RowGeometry geometries = new RowGeometry(spec, input);
    long first = (long) TaskContext.getPartitionId() << 33;
    return new Refilling<>() {
      private long next = first;

      @Override
      boolean more() {
        return rows.hasNext();
      }

      @Override
      void refill() {
        place(rows.next(), next++);
      }

      private void place(Row row, long id) {
        RowGeometry.Read g = geometries.read(row);
        if (g.geometry() == null) {
          ready.add(keyed(row, Blocks.OUTSIDE, id, null));
          return;
        }
        for (TileKeys.Placed p : keys.place(g.geometry())) {
          ready.add(keyed(row, p.key(), id, p.part() == null ? null : p.part().toBytes()));
        }
      }
    };
  }

  private static Row keyed(Row row, long tile, long id, byte[] part) {
    Object[] values = new Object[row.size() + 3];
    for (int i = 0; i < row.size(); i++) {
      values[i] = row.get(i);
    }
    values[row.size()] = tile;
    values[row.size() + 1] = id;
    values[row.size() + 2] = part;
    return RowFactory.create(values);
  }
}
