package dev.terrace.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.terrace.api.BatchExtractRequest;
import dev.terrace.api.BatchExtractResponse;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.geojson.Geometry;
import dev.terrace.api.geojson.Point;
import dev.terrace.client.ScriptedServer.Recorded;
import dev.terrace.client.ScriptedServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The server answers each geometry with a response whose geometry hash is its longitude; a
 * longitude of -999 is invalid and rejects its batch with a 422 naming it; a longitude of -1 resets
 * the connection.
 */
class ExtractAllTest {

  private static Reply serve(Recorded request) {
    JsonNode geometries;
    try {
      geometries = Json.MAPPER.readTree(request.body()).path("geometries");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    List<ExtractResponse> responses = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int k = 0; k < geometries.size(); k++) {
      double lon = geometries.get(k).path("coordinates").get(0).asDouble();
      if (lon == -1) {
        return Reply.reset();
      }
      if (lon == -999) {
        errors.add(
            FieldError.of(
                "value_error", "longitude out of range", "geometries", k, "coordinates", 0));
      }
      responses.add(new ExtractResponse(null, String.valueOf((int) lon), null, null, 0));
    }
    if (!errors.isEmpty()) {
      return Reply.problem(
          422, Fixtures.validationProblem("req_bad", errors.toArray(new FieldError[0])));
    }
    return Reply.json(200, Fixtures.write(BatchExtractResponse.of(responses, 1)));
  }

  private static BatchExtractRequest request(int n, int... bad) {
    List<Geometry> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      points.add(Point.of(i, 0));
    }
    for (int i : bad) {
      points.set(i, Point.of(-999, 0));
    }
    return BatchExtractRequest.of(points, "lux:elevation");
  }

  private static List<Integer> batchSizes(ScriptedServer server) {
    return server.requests().stream()
        .map(
            r -> {
              try {
                return Json.MAPPER.readTree(r.body()).path("geometries").size();
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
            })
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void resultsComeBackInInputOrderWithTheBadGeometryFailedAlone() throws Exception {
    try (ScriptedServer server = new ScriptedServer(ExtractAllTest::serve);
        TerraceClient client =
            Fixtures.client(server, new RecordingSleeper()).maxConcurrentRequests(2).build()) {

      List<ItemResult<ExtractResponse>> items = client.extractAll(request(2500, 1234));

      assertThat(items).hasSize(2500);
      for (int i = 0; i < items.size(); i++) {
        ItemResult<ExtractResponse> item = items.get(i);
        assertThat(item.index()).isEqualTo(i);
        if (i == 1234) {
          assertThat(item.isSuccess()).isFalse();
          InvalidRequestException e = (InvalidRequestException) item.error().orElseThrow();
          assertThat(e.fieldErrors())
              .extracting(FieldError::path)
              .containsExactly("geometries[234].coordinates[0]");
        } else {
          assertThat(item.get().geometryHash()).as("item %d", i).isEqualTo(String.valueOf(i));
        }
      }
      assertThat(batchSizes(server)).containsExactly(500, 999, 1000, 1000);
    }
  }

  @Test
  void aBatchThatFailsFailsEachOfItsItemsAndOnlyThose() throws Exception {
    BatchExtractRequest request = request(1500);
    List<Geometry> geometries = new ArrayList<>(request.geometries());
    geometries.set(1200, Point.of(-1, 0));
    try (ScriptedServer server = new ScriptedServer(ExtractAllTest::serve);
        TerraceClient client =
            Fixtures.client(server, new RecordingSleeper()).maxRetries(0).build()) {

      List<ItemResult<ExtractResponse>> items =
          client.async().extractAll(request.withGeometries(geometries)).get();

      assertThat(items.subList(0, 1000)).allMatch(ItemResult::isSuccess);
      assertThat(items.subList(1000, 1500))
          .allSatisfy(
              item ->
                  assertThat(item.error().orElseThrow())
                      .isInstanceOf(ApiConnectionException.class));
      assertThat(items.get(999).get().geometryHash()).isEqualTo("999");
    }
  }

  @Test
  void noGeometriesMakeNoRequest() throws Exception {
    try (ScriptedServer server = new ScriptedServer(ExtractAllTest::serve);
        TerraceClient client = Fixtures.client(server, new RecordingSleeper()).build()) {

      assertThat(client.extraction().all(request(0))).isEmpty();
      assertThat(server.requests()).isEmpty();
    }
  }
}
