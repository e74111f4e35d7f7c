package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key replays the first response to the same request, and refuses a different one.
 */
class IdempotencyTest {

  @Test
  void theSameKeyReplaysTheFirstResponse() throws Exception {
    try (RunningServer running = RunningServer.start()) {
      HttpResponse<String> first =
          running.post("/v1/op/extract", AuthContract.POINT, "Idempotency-Key", "k-1");
      HttpResponse<String> again =
          running.post("/api/v1/extract", AuthContract.POINT, "Idempotency-Key", "k-1");
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).as("the first response, request id and all").isEqualTo(first.body());
      assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
      assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

      HttpResponse<String> fresh =
          running.post("/v1/op/extract", AuthContract.POINT, "Idempotency-Key", "k-2");
      assertThat(fresh.body()).isNotEqualTo(first.body());
    }
  }

  @Test
  void aKeyReusedForAnotherRequestIsAConflict() throws Exception {
    try (RunningServer running = RunningServer.start()) {
      running.post("/v1/op/extract", AuthContract.POINT, "Idempotency-Key", "k-1");
      String other = AuthContract.POINT.replace("6.13", "6.14");
      HttpResponse<String> r = running.post("/v1/op/extract", other, "Idempotency-Key", "k-1");
      AuthContract.assertProblem(r, 409, "conflict");
      HttpResponse<String> batch =
          running.post("/v1/op/extract.batch", RouteStylesTest.BATCH, "Idempotency-Key", "k-1");
      AuthContract.assertProblem(batch, 409, "conflict");
    }
  }

  @Test
  void aMalformedKeyNamesTheHeader() throws Exception {
    try (RunningServer running = RunningServer.start()) {
      HttpResponse<String> r =
          running.post("/v1/op/extract", AuthContract.POINT, "Idempotency-Key", "x".repeat(300));
      HostileInputTest.assertProblem(r, 422, "validation_error", "header");
    }
  }
}
