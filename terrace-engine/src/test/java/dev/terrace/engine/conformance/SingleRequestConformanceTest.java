package dev.terrace.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.PixelRule;
import dev.terrace.api.geojson.Geometry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other conformance tests read their answers from batch requests; this one asks {@code extract}
 * for a sample of the same geometries one at a time and requires the very same answer (value,
 * quality, pixel count), so the GDAL comparisons hold for both operations.
 */
class SingleRequestConformanceTest {

  private static final int POINT_STEP = 20;
  private static final int POLYGON_STEP = 7;

  /**
   * One geometry of a fixture file, one dataset, one rule and statistic (null: the request's
   * defaults).
   */
  record Probe(String datasetId, String geojson, int id, PixelRule rule, String aggregation) {}

  static Stream<Arguments> probes() {
    List<Arguments> out = new ArrayList<>();
    for (PointConformanceTest.Layer layer : PointConformanceTest.LAYERS) {
      String file = layer.geojson();
      for (int id : Conformance.features(file).keySet()) {
        if (id % POINT_STEP == 0) {
          add(
              out,
              layer.fixture() + " " + layer.layer() + " point #" + id + " default rule",
              new Probe(layer.datasetId(), file, id, null, null));
        }
      }
    }
    for (PolygonConformanceTest.Source source : PolygonConformanceTest.SOURCES) {
      for (int id : Conformance.features(source.geojson()).keySet()) {
        if (id % POLYGON_STEP != 0) {
          continue;
        }
        for (PixelRule rule : PixelRule.values()) {
          List<String> statistics =
              source.categorical() ? List.of("mean", "distribution") : List.of("mean", "std");
          for (String statistic : statistics) {
            add(
                out,
                source.name()
                    + " "
                    + source.layer()
                    + " #"
                    + id
                    + " "
                    + rule.wireName()
                    + " "
                    + statistic,
                new Probe(source.datasetId(), source.geojson(), id, rule, statistic));
          }
        }
      }
    }
    return out.stream();
  }

  private static void add(List<Arguments> out, String label, Probe probe) {
    out.add(Arguments.of(Named.of(label, probe)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void extractAnswersAsTheBatchDoes(Probe p) {
    Map<Integer, Geometry> features = Conformance.features(p.geojson());
    ExtractRequest.Builder request =
        ExtractRequest.builder().geometry(features.get(p.id())).datasets(p.datasetId());
    if (p.rule() != null) {
      request.pixelRule(p.rule());
    }
    if (p.aggregation() != null) {
      request.aggregation(p.aggregation());
    }
    ExtractResponse response = Conformance.engine(p.datasetId()).extract(request.build());
    List<ExtractResult> batch =
        Conformance.series(p.datasetId(), p.geojson(), p.rule(), p.aggregation()).get(p.id());
    assertThat(response.results()).hasSameSizeAs(batch);
    for (int i = 0; i < batch.size(); i++) {
      ExtractResult single = response.results().get(i);
      ExtractResult batched = batch.get(i);
      String what =
          p.datasetId()
              + " "
              + p.geojson()
              + " #"
              + p.id()
              + " "
              + p.rule()
              + " "
              + p.aggregation()
              + " "
              + batched.timestamp();
      assertThat(single.jsonValue()).as("value of %s", what).isEqualTo(batched.jsonValue());
      assertThat(single.quality()).as("quality of %s", what).isEqualTo(batched.quality());
      assertThat(single.pixelCount()).as("pixel count of %s", what).isEqualTo(batched.pixelCount());
      assertThat(single.coverageFraction())
          .as("coverage fraction of %s", what)
          .isEqualTo(batched.coverageFraction());
      assertThat(single.timestamp()).as("timestamp of %s", what).isEqualTo(batched.timestamp());
    }
  }
}
