package dev.terrace.spark;

import dev.terrace.engine.internal.raster.Blocks;
import dev.terrace.engine.internal.rows.TileKeys;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Adds to each row the block of the first dataset its geometry falls in ({@link TileKeys}, the keys
 * {@code terrace batch} and jobs sort by), what the rows are then range-partitioned and sorted on,
 * so that each executor decodes each block about once. A row whose geometry cannot be read goes
 * last, to fail in the extraction with its error.
 */
final class TileKeyedRows implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final ExtractSpec spec;
  private final StructType input;

  TileKeyedRows(ExtractSpec spec, StructType input) {
    this.spec = spec;
    this.input = input;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    // A task's own: the keys project with proj4j, whose transforms are not thread-safe.
    TileKeys keys =
        TileKeys.of(ExecutorEngines.engine(spec.catalog()).catalog(), spec.options().datasetIds());
    RowGeometry geometries = new RowGeometry(spec, input);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        RowGeometry.Read g = geometries.read(row);
        Object[] values = new Object[row.size() + 1];
        for (int i = 0; i < row.size(); i++) {
          values[i] = row.get(i);
        }
        values[row.size()] = g.geometry() == null ? Blocks.OUTSIDE : keys.key(g.geometry());
        return RowFactory.create(values);
      }
    };
  }
}
