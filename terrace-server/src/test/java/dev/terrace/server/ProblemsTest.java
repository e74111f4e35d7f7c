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
}
