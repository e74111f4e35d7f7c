package dev.terrace.client;

import static dev.terrace.client.Fixtures.KEY;
import static dev.terrace.client.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.terrace.api.AuthenticationException;
import dev.terrace.api.ErrorType;
import dev.terrace.api.FieldError;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.ListProvidersRequest;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.RateLimitException;
import dev.terrace.api.RateLimitInfo;
import dev.terrace.api.TerraceException;
import dev.terrace.client.ScriptedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsTest {

  private ScriptedServer server;
  private TerraceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
    client = Fixtures.client(server, new RecordingSleeper()).maxRetries(0).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  @ParameterizedTest
  @CsvSource({
    "400, InvalidRequestException", "401, AuthenticationException",
        "403, PermissionDeniedException",
    "404, NotFoundException", "409, ConflictException", "413, InvalidRequestException",
    "422, InvalidRequestException", "429, RateLimitException", "500, ServiceException",
    "502, ServiceException", "503, ServiceException", "405, UnexpectedStatusException",
    "418, UnexpectedStatusException"
  })
  void aProblemWithoutAnErrorTypeHasItsStatussException(int status, String type) {
    server.enqueue(
        Reply.problem(status, "{\"title\":\"T\",\"status\":" + status + ",\"detail\":\"D\"}")
            .header("X-Request-ID", "req_" + status));

    TerraceException e = catchThrowableOfType(TerraceException.class, () -> client.provider("lux"));

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.requestId()).hasValue("req_" + status);
    assertThat(e.problem().orElseThrow().detail()).isEqualTo("D");
    assertThat(e.getMessage())
        .isEqualTo("HTTP " + status + " T: D (request id req_" + status + ")");
  }

  @ParameterizedTest
  @CsvSource({
    "validation_error, 422, InvalidRequestException",
        "validation_error, 400, InvalidRequestException",
    "validation_error, 415, InvalidRequestException", "request_limit, 413, InvalidRequestException",
    "request_limit, 422, InvalidRequestException", "unauthorized, 401, AuthenticationException",
    "forbidden, 403, PermissionDeniedException", "not_found, 404, NotFoundException",
    "conflict, 409, ConflictException", "rate_limited, 429, RateLimitException",
    "internal_error, 500, ServiceException", "upstream_error, 502, ServiceException",
    "overloaded, 503, ServiceException", "timeout, 504, ServiceException",
    "method_not_allowed, 405, UnexpectedStatusException"
  })
  void theProblemsErrorTypeChoosesTheExceptionTheEngineThrowsForIt(
      String errorType, int status, String type) {
    server.enqueue(Reply.problem(status, problem(ErrorType.of(errorType), "D", "req_t")));

    TerraceException e = catchThrowableOfType(TerraceException.class, () -> client.provider("lux"));

    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.errorType()).hasValue(ErrorType.of(errorType));
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.requestId()).hasValue("req_t");
  }

  @Test
  void a422NamesItsFieldErrors() {
    server.enqueue(
        Reply.problem(
            422,
            Fixtures.validationProblem(
                "req_v",
                FieldError.of("value_error", "ring is not closed", "geometries", 3, "coordinates"),
                FieldError.of("too_long", "at most 50", "dataset_ids"))));

    InvalidRequestException e =
        catchThrowableOfType(
            InvalidRequestException.class, () -> client.providers(ListProvidersRequest.FIRST_PAGE));

    assertThat(e.fieldErrors())
        .extracting(FieldError::path)
        .containsExactly("geometries[3].coordinates", "dataset_ids");
    assertThat(e.fieldErrors())
        .extracting(FieldError::msg)
        .containsExactly("ring is not closed", "at most 50");
    assertThat(e.errorType()).hasValue(ErrorType.VALIDATION_ERROR);
    assertThat(e.requestId()).as("from the problem when the header is missing").hasValue("req_v");
    assertThat(e.getMessage())
        .isEqualTo(
            "HTTP 422 Validation error: invalid request; "
                + "geometries[3].coordinates: ring is not closed; dataset_ids: at most 50 (request id req_v)");
  }

  @Test
  void aProblemOfAnUnknownErrorTypeKeepsItsOtherMembers() {
    server.enqueue(
        Reply.problem(
            404,
            "{\"title\":\"Gone\",\"status\":404,\"error_type\":\"gone_fishing\","
                + "\"request_id\":\"req_x\"}"));

    NotFoundException e =
        catchThrowableOfType(NotFoundException.class, () -> client.dataset("x:y"));

    assertThat(e.problem().orElseThrow().title()).isEqualTo("Gone");
    assertThat(e.errorType()).isEmpty();
    assertThat(e.requestId()).hasValue("req_x");
  }

  @Test
  void aRateLimitExceptionReportsTheRateLimitHeaders() {
    server.enqueue(
        Reply.problem(429, problem(ErrorType.RATE_LIMITED, "slow down", "req_r"))
            .header("Retry-After", "7")
            .header("X-RateLimit-Limit", "60")
            .header("X-RateLimit-Remaining", "0")
            .header("X-RateLimit-Reset", "7"));

    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> client.dataset("x:y"));

    assertThat(e.retryAfter()).hasValue(java.time.Duration.ofSeconds(7));
    assertThat(e.rateLimit()).hasValue(new RateLimitInfo(60, 0, java.time.Duration.ofSeconds(7)));
  }

  @Test
  void anUnreadableSuccessBodyIsAnInvalidResponse() {
    server.enqueue(Reply.text(200, "<html>login</html>").header("X-Request-ID", "req_h"));

    InvalidResponseException e =
        catchThrowableOfType(InvalidResponseException.class, () -> client.dataset("x:y"));

    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.requestId()).hasValue("req_h");
    assertThat(e.getMessage()).startsWith("HTTP 200 response is not a valid Dataset");
  }

  @Test
  void theKeyAppearsInNoMessageAndNoToString() {
    server.enqueue(
        Reply.problem(401, problem(ErrorType.UNAUTHORIZED, "unknown key", "req_k")), Reply.reset());

    Throwable auth = catchThrowable(() -> client.dataset("x:y"));
    Throwable reset = catchThrowable(() -> client.dataset("x:y"));

    assertThat(auth).isInstanceOf(AuthenticationException.class);
    assertThat(reset).isInstanceOf(ApiConnectionException.class);
    assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
    for (Object shown :
        new Object[] {auth, reset, client, client.async(), ((TerraceException) auth).headers()}) {
      assertThat(String.valueOf(shown)).doesNotContain(KEY);
    }
    assertThat(client.toString())
        .isEqualTo("TerraceClient[baseUrl=" + server.url() + ", apiKey=(set)]");
  }
}
