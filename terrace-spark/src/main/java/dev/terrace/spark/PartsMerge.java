package dev.terrace.spark;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.rows.Extraction;
import dev.terrace.engine.internal.rows.Pieces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Makes each polygon read in parts one row again: the rows of a partition, sorted by id and then
 * block, pass through as they are (their pieces' columns dropped) unless they are the pieces of one
 * polygon, which are merged in block order into its answer ({@link Pieces#whole}) on the executor's
 * engine and written with the polygon's input columns.
 */
final class PartsMerge implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final ExtractSpec spec;
  private final ResultColumns columns;
  private final int inputs;

  /**
   * @param inputs how many input columns the rows start with
   */
  PartsMerge(ExtractSpec spec, ResultColumns columns, int inputs) {
    this.spec = spec;
    this.columns = columns;
    this.inputs = inputs;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Engine engine = ExecutorEngines.engine(spec.catalog());
    BatchExtractRequest options = spec.options();
    return new Refilling<>() {
      private Row pending = rows.hasNext() ? rows.next() : null;

      @Override
      boolean more() {
        return pending != null;
      }

      @Override
      void refill() {
        mergeNext();
      }

      private void mergeNext() {
        Row first = pending;
        int width = first.size();
        long id = first.getLong(width - 3);
        List<byte[]> pieces = new ArrayList<>();
        for (; pending != null && pending.getLong(width - 3) == id; ) {
          if (!pending.isNullAt(width - 1)) {
            pieces.add(pending.getAs(width - 1));
          } else {
            // A row read whole (a time series in flat columns is several): as it is.
            ready.add(withoutPiece(pending));
          }
          pending = rows.hasNext() ? rows.next() : null;
        }
        if (pieces.isEmpty()) {
          return;
        }
        Extraction.Outcome o;
        try {
          o = new Extraction.Outcome(Pieces.whole(engine, options, pieces), null);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        for (Object[] results : columns.values(o)) {
          Object[] values = new Object[inputs + results.length];
          for (int i = 0; i < inputs; i++) {
            values[i] = first.get(i);
          }
          System.arraycopy(results, 0, values, inputs, results.length);
          ready.add(RowFactory.create(values));
        }
      }
    };
  }

  private static Row withoutPiece(Row row) {
    Object[] values = new Object[row.size() - 3];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    return RowFactory.create(values);
  }
}
