package dev.terrace.engine.internal.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chunk larger than one request is sent neighbours together, and its answers come back in input
 * order.
 */
class ExtractionOrderTest {

  @Test
  void answersInInputOrderWhateverTheOrderOfTheRequests() {
    // Alternately east and west, so that locality order differs from input order; values from
    // gdallocationinfo.
    List<Geometry> points =
        List.of(
            Point.of(6.13, 49.61),
            Point.of(5.9, 49.9),
            Point.of(6.13, 49.61),
            Point.of(5.9, 49.9),
            Point.of(6.13, 49.61));
    assertThat(Locality.order(points))
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4)
        .isNotEqualTo(new int[] {0, 1, 2, 3, 4});
    try (Terrace terrace = Terrace.embedded()) {
      List<Extraction.Outcome> outcomes =
          Extraction.run(terrace, part -> BatchExtractRequest.of(part, "lux:elevation"), points, 2);
      assertThat(outcomes)
          .extracting(o -> o.response().results().get(0).number().orElseThrow())
          .containsExactly(300.0, 411.0, 300.0, 411.0, 300.0);
    }
  }
}
