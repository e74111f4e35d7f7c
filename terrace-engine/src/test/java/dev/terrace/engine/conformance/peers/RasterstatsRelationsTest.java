package dev.terrace.engine.conformance.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.Aggregation;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.PixelRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * python-rasterstats' assertions that relate two statistics rather than give a value, so that they
 * have no row in a case table (python-rasterstats tests/test_zonal.py at
 * e51b48a62e3ac7e4ef4a81a8c2a8e5b90fa5e8ac). On slope.tif and both polygons of polygons.shp, under
 * rasterstats' default rasterization (Terrace's {@code center}).
 */
class RasterstatsRelationsTest {

  private static double stat(int feature, Aggregation aggregation) {
    ExtractRequest request =
        ExtractRequest.builder()
            .geometry(PeerGeometry.parse("polygons.geojson#" + feature))
            .datasets("rs:slope")
            .pixelRule(PixelRule.CENTER)
            .aggregation(aggregation)
            .build();
    return PeerEngine.get().extract(request).results().get(0).number().orElseThrow();
  }

  @Test
  @DisplayName("python-rasterstats tests/test_zonal.py::test_optional_stats — min <= median <= max")
  void optionalStats() {
    assertThat(stat(0, Aggregation.MIN)).isLessThanOrEqualTo(stat(0, Aggregation.MEDIAN));
    assertThat(stat(0, Aggregation.MEDIAN)).isLessThanOrEqualTo(stat(0, Aggregation.MAX));
  }

  @Test
  @DisplayName(
      "python-rasterstats tests/test_zonal.py::test_range — range == max - min, for each feature")
  void range() {
    for (int f = 0; f < 2; f++) {
      // rasterstats computes range as max - min of the same floats: exact.
      assertThat(stat(f, Aggregation.RANGE))
          .isEqualTo(stat(f, Aggregation.MAX) - stat(f, Aggregation.MIN));
    }
  }

  @Test
  @DisplayName(
      "python-rasterstats tests/test_zonal.py::test_percentile_good — percentile_50 == median <= percentile_90")
  void percentileGood() {
    double p50 = stat(0, Aggregation.percentile(50));
    assertThat(p50).isEqualTo(stat(0, Aggregation.MEDIAN));
    assertThat(p50).isLessThanOrEqualTo(stat(0, Aggregation.percentile(90)));
  }
}
