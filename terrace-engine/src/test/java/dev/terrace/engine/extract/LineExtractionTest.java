package dev.terrace.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.geojson.LineString;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import org.junit.jupiter.api.Test;

/** A line reads each cell it crosses once; along one row that is the cells between its ends. */
class LineExtractionTest {

  @Test
  void a_line_along_a_row_counts_each_cell_it_crosses_once() {
    double cell = 1.0 / 120;
    double west = 5.741666666666666;
    double north = 50.191666666666663;
    double lat = north - 70.5 * cell;
    // From the centre of column 30 to the centre of column 35: six cells.
    LineString line = new LineString(new double[][] {{west + 30.5 * cell, lat}, {west + 35.5 * cell, lat}});
    try (Terrace terrace = Terrace.embedded()) {
      ExtractResult count = terrace.extract(ExtractRequest.builder().geometry(line).datasets("lux:elevation")
          .aggregation("count").build()).results().get(0);
      assertThat(count.number()).hasValue(6);
      double sum = 0;
      for (int c = 30; c <= 35; c++) {
        sum += terrace.extract(ExtractRequest.of(Point.of(west + (c + 0.5) * cell, lat), "lux:elevation"))
            .results().get(0).number().orElseThrow();
      }
      ExtractResult total = terrace.extract(ExtractRequest.builder().geometry(line).datasets("lux:elevation")
          .aggregation("sum").build()).results().get(0);
      assertThat(total.number()).hasValue(sum);
    }
  }
}
