package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.ErrorType;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Problem;
import dev.terrace.api.ServiceException;
import dev.terrace.engine.internal.raster.RasterIoException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void anUnexpectedFailureIsA500ThatShowsNothingOfItsCause() {
    RuntimeException bug =
        new IllegalStateException("password=hunter2 at dev.terrace.engine.Secret");
    Problem p = Problems.answer(new CompletionException(bug), "req_1", "/v1/op/extract").problem();
    assertThat(p.status()).isEqualTo(500);
    assertThat(p.errorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
    assertThat(p.detail())
        .isEqualTo("the service failed to answer; quote request id req_1 when reporting it");
    assertThat(p.instance()).isEqualTo("/v1/op/extract");
    assertThat(p.errors()).isNull();
  }

  @Test
  void theApisRefusalsAreAnsweredWithTheProblemTheyCarry() {
    InvalidRequestException invalid =
        InvalidRequestException.of(
            ErrorType.REQUEST_LIMIT, "at most 50", "too_long", "dataset_ids");
    Problem p =
        Problems.answer(new CompletionException(invalid), "req_2", "/v1/op/extract").problem();
    assertThat(p)
        .isEqualTo(
            Problem.of(ErrorType.REQUEST_LIMIT, "dataset_ids: at most 50", "req_2")
                .withErrors(invalid.fieldErrors())
                .withInstance("/v1/op/extract"));

    Problem missing =
        Problems.answer(new NotFoundException("no dataset \"x:y\""), "req_3", "/x").problem();
    assertThat(missing)
        .isEqualTo(
            Problem.of(ErrorType.NOT_FOUND, "no dataset \"x:y\"", "req_3").withInstance("/x"));
  }

  @Test
  void anEngineFailureIsA500ThatDoesNotRepeatWhatFailed() {
    ServiceException failed = new RasterIoException("cannot read /secret/path/dem.tif: disk error");
    Problem p = Problems.answer(failed, "req_4", "/v1/op/catalog.datasets.get").problem();
    assertThat(p.status()).isEqualTo(500);
    assertThat(p.errorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
    assertThat(p.detail())
        .isEqualTo("the service failed to answer; quote request id req_4 when reporting it");
  }

  @Test
  void aServiceProblemKeepsItsStatusAndRetryDelay() {
    Problems.Answer a =
        Problems.answer(ProblemException.retryLater(ErrorType.OVERLOADED, "busy", 3), "r", "/x");
    assertThat(a.problem().status()).isEqualTo(503);
    assertThat(a.retryAfterSeconds()).isEqualTo(3);
    assertThat(a.problem().error().message()).isEqualTo("busy");
  }

  @Test
  void everyTextAProblemRepeatsIsCutToTheCap() {
    String huge = "x".repeat(1 << 20);
    ProblemException quoting =
        ProblemException.field(
            ErrorType.VALIDATION_ERROR,
            "unknown dataset '" + huge + "'",
            "value_error",
            "dataset_ids",
            0,
            huge);
    Problem p = Problems.answer(quoting, "r", "/" + huge).problem();
    assertThat(p.detail())
        .hasSize(Problems.MAX_TEXT)
        .startsWith("unknown dataset 'xxx")
        .endsWith("x…");
    assertThat(p.error().message()).isEqualTo(p.detail());
    assertThat(p.instance()).hasSize(Problems.MAX_TEXT);
    assertThat(p.errors().getFirst().msg()).hasSize(Problems.MAX_TEXT);
    assertThat(p.errors().getFirst().loc())
        .containsExactly("dataset_ids", 0, "x".repeat(Problems.MAX_TEXT - 1) + "…");
    assertThat(p.status()).isEqualTo(422);
  }

  @Test
  void aShortProblemIsLeftAsItIs() {
    Problem p =
        Problems.answer(ProblemException.of(ErrorType.NOT_FOUND, "no route /x"), "r", "/x")
            .problem();
    assertThat(p.detail()).isEqualTo("no route /x");
    assertThat(p.instance()).isEqualTo("/x");
  }
}
