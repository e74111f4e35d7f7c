package dev.terrace.engine.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ListDatasetsRequest;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Polygon;
import dev.terrace.engine.config.Limits;
import dev.terrace.engine.internal.Engine;
import dev.terrace.engine.internal.catalog.Catalog;
import dev.terrace.engine.internal.io.ReadTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Work over the pixel budget is refused before a cell is read, from the cells the geometries cover.
 */
class UpFrontBudgetTest {

  @Test
  void aBatchOverTheBudgetIsRefusedWithoutReadingACell() {
    // 1000 boxes of 0.1° over Luxembourg: 13 × 13 cells of lux:elevation each, about 169 000 in
    // all.
    List<Geometry> boxes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      double x = 5.8 + (i % 40) * 0.015;
      double y = 49.5 + (i / 40) * 0.025;
      boxes.add(Polygon.rectangle(x, y, x + 0.1, y + 0.1));
    }
    Limits small = new Limits(50, 1000, 10_000, 100_000, 2);
    try (Engine terrace =
        Engine.open(Catalog.builtin(), small, Executors.newVirtualThreadPerTaskExecutor())) {
      terrace.datasets(ListDatasetsRequest.FIRST_PAGE);
      long before = ReadTotals.now().fileBytes();
      BatchExtractRequest request =
          BatchExtractRequest.builder().geometries(boxes).datasets("lux:elevation").build();
      assertThatThrownBy(() -> terrace.batchExtract(request))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> {
                assertThat(e.errorType()).hasValue(ErrorType.REQUEST_LIMIT);
                assertThat(e.getMessage()).contains("pixel budget of 100000", "lux:elevation");
              });
      assertThat(ReadTotals.now().fileBytes()).as("bytes read").isEqualTo(before);
      // Half the boxes fit, and are answered.
      assertThat(terrace.batchExtract(request.withGeometries(boxes.subList(0, 500))).responses())
          .hasSize(500);
    }
  }
}
