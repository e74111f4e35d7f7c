package dev.terrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The error contract both sides throw: what an in-process failure and an answered one carry. */
class TerraceExceptionTest {

  @Test
  void anInProcessRefusalCarriesTheProblemTheServiceWouldSend() {
    InvalidRequestException e =
        new InvalidRequestException(
            ErrorType.VALIDATION_ERROR,
            List.of(
                FieldError.of("value_error", "ring is not closed", "geometry", "coordinates", 0),
                FieldError.of("missing", "at least one dataset id", "dataset_ids")));

    assertThat(e).isInstanceOf(TerraceException.class).isInstanceOf(RuntimeException.class);
    assertThat(e.getMessage())
        .isEqualTo(
            "geometry.coordinates[0]: ring is not closed; "
                + "dataset_ids: at least one dataset id");
    assertThat(e.errorType()).hasValue(ErrorType.VALIDATION_ERROR);
    assertThat(e.fieldErrors())
        .extracting(FieldError::path)
        .containsExactly("geometry.coordinates[0]", "dataset_ids");
    assertThat(e.problem().orElseThrow())
        .isEqualTo(
            Problem.of(ErrorType.VALIDATION_ERROR, e.getMessage(), null)
                .withErrors(e.fieldErrors()));
    assertThat(e.statusCode()).isEqualTo(422);
    assertThat(e.requestId()).as("in-process there is none").isEmpty();
    assertThat(e.headers()).isEmpty();
    assertThat(e.body()).isEmpty();
    assertThat(e.rateLimit()).isEmpty();
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void anInvalidRequestIsAValidationErrorOrALimitAndNamesAField() {
    InvalidRequestException limit =
        InvalidRequestException.of(
            ErrorType.REQUEST_LIMIT, "at most 50", "too_long", "dataset_ids");

    assertThat(limit.errorType()).hasValue(ErrorType.REQUEST_LIMIT);
    assertThat(limit.fieldErrors())
        .containsExactly(FieldError.of("too_long", "at most 50", "dataset_ids"));
    assertThatThrownBy(() -> new InvalidRequestException(ErrorType.NOT_FOUND, limit.fieldErrors()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InvalidRequestException(ErrorType.VALIDATION_ERROR, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachInProcessFailureHasItsErrorTypeAndStatus() {
    assertThat(
            List.of(
                new NotFoundException("no dataset"),
                new AuthenticationException("no key"),
                new PermissionDeniedException("no scope"),
                new ConflictException("key reused"),
                new RateLimitException("slow down"),
                new ServiceException("broken")))
        .extracting(
            e -> e.errorType().orElseThrow(),
            TerraceException::statusCode,
            e -> e.problem().orElseThrow().detail())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ErrorType.NOT_FOUND, 404, "no dataset"),
            org.assertj.core.groups.Tuple.tuple(ErrorType.UNAUTHORIZED, 401, "no key"),
            org.assertj.core.groups.Tuple.tuple(ErrorType.FORBIDDEN, 403, "no scope"),
            org.assertj.core.groups.Tuple.tuple(ErrorType.CONFLICT, 409, "key reused"),
            org.assertj.core.groups.Tuple.tuple(ErrorType.RATE_LIMITED, 429, "slow down"),
            org.assertj.core.groups.Tuple.tuple(ErrorType.INTERNAL_ERROR, 500, "broken"));
    Exception cause = new java.io.IOException("disk");
    assertThat(new ServiceException("cannot read", cause)).hasCause(cause);
  }

  @Test
  void anAnsweredFailureCarriesTheResponse() {
    Problem problem = Problem.of(ErrorType.RATE_LIMITED, "slow down", "req_problem");
    ErrorResponse response =
        new ErrorResponse(
            429,
            Map.of(
                "x-request-id",
                List.of("req_header"),
                "Retry-After",
                List.of("7"),
                "X-RATELIMIT-LIMIT",
                List.of("60"),
                "X-RateLimit-Remaining",
                List.of("0"),
                "X-RateLimit-Reset",
                List.of("6.5")),
            "{\"status\":429}",
            problem);

    RateLimitException e = new RateLimitException("HTTP 429", response);

    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.requestId()).as("the header before the problem").hasValue("req_header");
    assertThat(e.headers().get("RETRY-AFTER")).as("names ignore case").containsExactly("7");
    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
    assertThat(e.rateLimit()).hasValue(new RateLimitInfo(60, 0, Duration.ofMillis(6500)));
    assertThat(e.body()).isEqualTo("{\"status\":429}");
    assertThat(e.problem()).hasValue(problem);
    assertThat(e.errorType()).hasValue(ErrorType.RATE_LIMITED);
    assertThat(e.fieldErrors()).isEmpty();
  }

  @Test
  void aResponseThatIsNotAProblemHasNoErrorTypeAndTheProblemsRequestIdWithoutAHeader() {
    ServiceException proxy =
        new ServiceException("HTTP 502", new ErrorResponse(502, null, null, null));
    NotFoundException problemOnly =
        new NotFoundException(
            "HTTP 404",
            new ErrorResponse(404, Map.of(), "", Problem.of(ErrorType.NOT_FOUND, "gone", "req_p")));

    assertThat(proxy.problem()).isEmpty();
    assertThat(proxy.errorType()).isEmpty();
    assertThat(proxy.requestId()).isEmpty();
    assertThat(proxy.body()).isEmpty();
    assertThat(problemOnly.requestId()).hasValue("req_p");
  }

  @Test
  void theRateLimitNeedsTheLimitAndTheRemainder() {
    assertThat(RateLimitInfo.from(Map.of("X-RateLimit-Limit", List.of("10")))).isEmpty();
    assertThat(
            RateLimitInfo.from(
                Map.of("X-RateLimit-Limit", List.of("10"), "X-RateLimit-Remaining", List.of("-1"))))
        .isEmpty();
    assertThat(
            RateLimitInfo.from(
                Map.of(
                    "x-ratelimit-limit", List.of(" 10 "), "x-ratelimit-remaining", List.of("9"))))
        .hasValue(new RateLimitInfo(10, 9, Duration.ZERO));
  }
}
