package dev.terrace.spark;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.rows.Extraction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Extracts a partition's rows, sorted by tile, in their order, as many at a time as one {@code
 * extract.batch} takes, through the same {@link Extraction} as {@code terrace batch} and jobs, on
 * the executor's engine; each row comes out with its input columns (the tile key dropped) and the
 * result columns. Memory holds one request's rows, whatever the partition's size.
 */
final class PartitionExtraction implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final ExtractSpec spec;
  private final StructType keyed;
  private final ResultColumns columns;

  /**
   * @param keyed the input's columns and, last, the tile key
   */
  PartitionExtraction(ExtractSpec spec, StructType keyed, ResultColumns columns) {
    this.spec = spec;
    this.keyed = keyed;
    this.columns = columns;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Engine engine = ExecutorEngines.engine(spec.catalog());
    BatchExtractRequest options = spec.options();
    RowGeometry geometries = new RowGeometry(spec, keyed);
    int perRequest = Limits.defaults().maxGeometries();
    ArrayDeque<Row> ready = new ArrayDeque<>();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (ready.isEmpty() && rows.hasNext()) {
          extractNext();
        }
        return !ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }

      private void extractNext() {
        List<Row> batch = new ArrayList<>(perRequest);
        List<RowGeometry.Read> read = new ArrayList<>(perRequest);
        List<Geometry> valid = new ArrayList<>(perRequest);
        while (batch.size() < perRequest && rows.hasNext()) {
          Row row = rows.next();
          RowGeometry.Read g = geometries.read(row);
          batch.add(row);
          read.add(g);
          if (g.geometry() != null) {
            valid.add(g.geometry());
          }
        }
        List<Extraction.Outcome> outcomes =
            valid.isEmpty()
                ? List.of()
                : Extraction.run(engine, options::withGeometries, valid, perRequest);
        int next = 0;
        for (int i = 0; i < batch.size(); i++) {
          RowGeometry.Read g = read.get(i);
          Extraction.Outcome o =
              g.geometry() == null ? new Extraction.Outcome(null, g.error()) : outcomes.get(next++);
          for (Object[] results : columns.values(o)) {
            ready.add(row(batch.get(i), results));
          }
        }
      }
    };
  }

  /** The input's columns, without the tile key, then the results. */
  private static Row row(Row keyedRow, Object[] results) {
    int inputs = keyedRow.size() - 1;
    Object[] values = new Object[inputs + results.length];
    for (int i = 0; i < inputs; i++) {
      values[i] = keyedRow.get(i);
    }
    System.arraycopy(results, 0, values, inputs, results.length);
    return RowFactory.create(values);
  }
}
