package dev.terrace.client;

import dev.terrace.api.ErrorType;
import dev.terrace.api.FieldError;
import dev.terrace.api.Problem;
import java.util.List;

/** Bodies and clients the tests share. */
final class Fixtures {

  static final String KEY = "trc_test_secret_4f9a";

  static final String EXTRACT_RESPONSE =
      "{\"request_id\":\"req_1\",\"geometry_hash\":\"g1\",\"results\":[{"
          + "\"dataset_id\":\"lux:elevation\",\"variable\":\"elevation\",\"value\":312.5,\"units\":\"m\","
          + "\"aggregation\":\"mean\",\"pixel_rule\":\"exact\",\"quality\":\"good\",\"coverage_fraction\":1.0,"
          + "\"pixel_count\":1,\"provider\":\"lux\",\"elapsed_ms\":1.5}],\"warnings\":[],\"elapsed_ms\":2.0}";

  private Fixtures() {}

  static TerraceClient.Builder client(ScriptedServer server, RecordingSleeper sleeper) {
    return TerraceClient.builder().baseUrl(server.url()).apiKey(KEY).sleeper(sleeper);
  }

  static TerraceAsyncClient.Builder asyncClient(ScriptedServer server, RecordingSleeper sleeper) {
    return TerraceAsyncClient.builder().baseUrl(server.url()).apiKey(KEY).sleeper(sleeper);
  }

  static String problem(ErrorType type, String detail, String requestId) {
    return write(Problem.of(type, detail, requestId));
  }

  static String validationProblem(String requestId, FieldError... errors) {
    return write(
        Problem.of(ErrorType.VALIDATION_ERROR, "invalid request", requestId)
            .withErrors(List.of(errors)));
  }

  static String write(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
