package dev.terrace.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.terrace.api.Aggregation;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code nodata_count} against GDAL on the elev_lux polygons. The fixture gives only the valid
 * cells' count; with {@code default_value} every covered cell inside the raster is valid, so that
 * count less GDAL's is the weight of the nodata cells — what {@code nodata_count} must report
 * without the option. The "edge" polygons reach beyond the raster, whose area must count in
 * neither.
 */
class NodataCountConformanceTest {

  private static final String GEOJSON = "conformance/elev_lux_polygons.geojson";
  private static final String CSV = "conformance/elev_lux_polygons_expected.csv";

  @Test
  void centerNodataCountIsAllCentredCellsLessGdalCount() {
    Map<Integer, Double> nodata = answers(PixelRule.CENTER, Aggregation.NODATA_COUNT, null);
    Map<Integer, Double> all = answers(PixelRule.CENTER, Aggregation.COUNT, -1.0);
    int compared = 0;
    double total = 0;
    for (Map<String, String> row : Conformance.csv(CSV)) {
      // Polygons whose centre-rule count moves with a 1e-3 pixel shift sit on a cell centre: GDAL's
      // own count
      // is not stable there.
      if (!row.get("center_count_lo").equals(row.get("center_count_hi"))) {
        continue;
      }
      int id = Integer.parseInt(row.get("id"));
      double gdal = Double.parseDouble(row.get("center_count"));
      assertThat(nodata.get(id)).as("#" + id).isEqualTo(all.get(id) - gdal);
      total += nodata.get(id);
      compared++;
    }
    assertThat(compared).isGreaterThan(30);
    // Luxembourg's outline leaves nodata in the raster's corners: some polygons must find it.
    assertThat(total).isPositive();
  }

  @Test
  void exactNodataCountIsTheCoveredAreaLessGdalExactCount() {
    Map<Integer, Double> nodata = answers(PixelRule.EXACT, Aggregation.NODATA_COUNT, null);
    Map<Integer, Double> all = answers(PixelRule.EXACT, Aggregation.COUNT, -1.0);
    for (Map<String, String> row : Conformance.csv(CSV)) {
      int id = Integer.parseInt(row.get("id"));
      double gdal = Double.parseDouble(row.get("exact_count"));
      assertThat(nodata.get(id)).as("#" + id).isCloseTo(all.get(id) - gdal, within(1e-6));
      if (row.get("kind").equals("outside")) {
        assertThat(nodata.get(id)).isZero();
      }
    }
  }

  private static Map<Integer, Double> answers(
      PixelRule rule, Aggregation aggregation, Double defaultValue) {
    Map<Integer, Geometry> features = Conformance.features(GEOJSON);
    var response =
        Conformance.engine()
            .batchExtract(
                BatchExtractRequest.builder()
                    .geometries(new ArrayList<>(features.values()))
                    .datasets("lux:elevation")
                    .pixelRule(rule)
                    .aggregation(aggregation)
                    .defaultValue(defaultValue)
                    .build());
    Map<Integer, Double> out = new java.util.LinkedHashMap<>();
    List<ExtractResponse> responses = response.responses();
    int i = 0;
    for (int id : features.keySet()) {
      Object v = responses.get(i++).results().get(0).jsonValue();
      out.put(id, v == null ? 0.0 : ((Number) v).doubleValue());
    }
    return out;
  }
}
