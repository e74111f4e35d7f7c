package dev.terrace.api;

import static dev.terrace.api.Json.read;
import static dev.terrace.api.Json.tree;
import static dev.terrace.api.Json.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.geojson.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code extract.estimate}'s request and answer on the wire: snake_case, the body under its member.
 */
class EstimateJsonTest {

  @Test
  void aBodyTravelsUnderTheMemberNamedAfterItsOperation() {
    EstimateRequest batch =
        EstimateRequest.of(BatchExtractRequest.of(List.of(Point.of(6.13, 49.61)), "lux:elevation"));
    JsonNode json = tree(write(batch));
    assertThat(json.has("extract")).isFalse();
    assertThat(json.get("extract_batch").get("dataset_ids").get(0).asText())
        .isEqualTo("lux:elevation");
    assertThat(read(write(batch), EstimateRequest.class)).isEqualTo(batch);

    EstimateRequest one =
        read(
            "{\"extract\":{\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.13,49.61]},"
                + "\"dataset_ids\":[\"lux:elevation\"]}}",
            EstimateRequest.class);
    assertThat(one.extractBatch()).isNull();
    assertThat(one.extract()).isEqualTo(ExtractRequest.of(Point.of(6.13, 49.61), "lux:elevation"));
  }

  @Test
  void anEstimateIsWrittenInSnakeCase() {
    Estimate e =
        new Estimate(
            Operation.EXTRACT_BATCH,
            2,
            List.of(new DatasetEstimate("lux:elevation", 1, false, 4L, 1000L, 420L)),
            4,
            1000,
            4,
            0,
            1000,
            0,
            420,
            List.of(LimitCheck.of("cells", 420, 100)),
            false,
            0.5,
            new ExtractionRate(840, true, 3),
            null);
    JsonNode json = tree(write(e));
    assertThat(json.get("operation").asText()).isEqualTo("extract.batch");
    assertThat(json.get("local_bytes").asLong()).isEqualTo(1000);
    assertThat(json.get("within_limits").asBoolean()).isFalse();
    assertThat(json.get("estimated_seconds").asDouble()).isEqualTo(0.5);
    assertThat(json.get("rate").get("cells_per_second").asDouble()).isEqualTo(840);
    assertThat(json.get("limits").get(0).get("holds").asBoolean()).isFalse();
    assertThat(json.get("datasets").get(0).get("dataset_id").asText()).isEqualTo("lux:elevation");
    assertThat(read(write(e), Estimate.class)).isEqualTo(e);
    assertThat(e.warnings()).isEmpty();
  }
}
