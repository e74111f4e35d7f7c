package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.ErrorType;
import dev.terrace.api.Problem;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void anUnexpectedFailureIsA500ThatShowsNothingOfItsCause() {
    RuntimeException bug = new IllegalStateException("password=hunter2 at dev.terrace.engine.Secret");
    Problem p = Problems.answer(new CompletionException(bug), "req_1", "/v1/op/extract").problem();
    assertThat(p.status()).isEqualTo(500);
    assertThat(p.errorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
    assertThat(p.detail()).isEqualTo("the service failed to answer; quote request id req_1 when reporting it");
    assertThat(p.instance()).isEqualTo("/v1/op/extract");
    assertThat(p.errors()).isNull();
  }

  @Test
  void aServiceProblemKeepsItsStatusAndRetryDelay() {
    Problems.Answer a = Problems.answer(ProblemException.retryLater(ErrorType.OVERLOADED, "busy", 3), "r", "/x");
    assertThat(a.problem().status()).isEqualTo(503);
    assertThat(a.retryAfterSeconds()).isEqualTo(3);
    assertThat(a.problem().error().message()).isEqualTo("busy");
  }

  @Test
  void everyTextAProblemRepeatsIsCutToTheCap() {
    String huge = "x".repeat(1 << 20);
    ProblemException quoting = ProblemException.field(ErrorType.VALIDATION_ERROR, "unknown dataset '" + huge + "'",
        "value_error", "dataset_ids", 0, huge);
    Problem p = Problems.answer(quoting, "r", "/" + huge).problem();
    assertThat(p.detail()).hasSize(Problems.MAX_TEXT).startsWith("unknown dataset 'xxx").endsWith("x…");
    assertThat(p.error().message()).isEqualTo(p.detail());
    assertThat(p.instance()).hasSize(Problems.MAX_TEXT);
    assertThat(p.errors().getFirst().msg()).hasSize(Problems.MAX_TEXT);
    assertThat(p.errors().getFirst().loc()).containsExactly("dataset_ids", 0, "x".repeat(Problems.MAX_TEXT - 1) + "…");
    assertThat(p.status()).isEqualTo(422);
  }

  @Test
  void aShortProblemIsLeftAsItIs() {
    Problem p = Problems.answer(ProblemException.of(ErrorType.NOT_FOUND, "no route /x"), "r", "/x").problem();
    assertThat(p.detail()).isEqualTo("no route /x");
    assertThat(p.instance()).isEqualTo("/x");
  }
}
