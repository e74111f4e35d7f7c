package dev.terrace.client;

import static dev.terrace.client.Fixtures.EXTRACT_RESPONSE;
import static dev.terrace.client.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.terrace.api.ErrorType;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.RateLimitException;
import dev.terrace.api.ServiceException;
import dev.terrace.api.TerraceException;
import dev.terrace.api.geojson.Point;
import dev.terrace.api.retry.RetryPolicy;
import dev.terrace.client.ScriptedServer.Recorded;
import dev.terrace.client.ScriptedServer.Reply;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryTest {

  private static final ExtractRequest REQUEST =
      ExtractRequest.of(Point.of(6.13, 49.61), "lux:elevation");

  private ScriptedServer server;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private TerraceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
    client = Fixtures.client(server, sleeper).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void a503IsRetriedAfterItsRetryAfterAndThe200Returned() {
    server.enqueue(
        Reply.problem(503, problem(ErrorType.INTERNAL_ERROR, "overloaded", "req_a"))
            .header("Retry-After", "1"),
        Reply.json(200, EXTRACT_RESPONSE));

    ExtractResponse response = client.extract(REQUEST);

    assertThat(response.results().get(0).number()).hasValue(312.5);
    assertThat(server.requests()).hasSize(2);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void a429IsRetriedAndRaisedWithItsRetryAfterOnceTheRetriesAreSpent() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          Reply.problem(429, problem(ErrorType.RATE_LIMITED, "slow down", "req_" + i))
              .header("Retry-After", "2")
              .header("X-Request-ID", "req_" + i));
    }

    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> client.extract(REQUEST));

    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2));
    assertThat(e.requestId()).hasValue("req_2");
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(server.requests()).hasSize(3);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void aRetryAfterLongerThanTheCapIsNotWaitedOut() {
    server.enqueue(
        Reply.problem(429, problem(ErrorType.RATE_LIMITED, "slow down", "req_1"))
            .header("Retry-After", "120"));

    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> client.extract(REQUEST));

    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(120));
    assertThat(server.requests()).hasSize(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void withoutRetryAfterTheBackoffStartsAtHalfASecondAndDoublesWithEqualJitter() {
    server.enqueue(
        Reply.text(502, "bad gateway"),
        Reply.text(504, "gateway timeout"),
        Reply.text(502, "<html>bad gateway</html>"));

    ServiceException e =
        catchThrowableOfType(ServiceException.class, () -> client.extract(REQUEST));

    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.problem()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("HTTP 502: <html>bad gateway</html>");
    assertThat(sleeper.waits).hasSize(2);
    assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void theBackoffIsTheSharedPolicysCappedAtEightSeconds() {
    try (Pipeline pipeline = TerraceClient.builder().pipeline()) {
      RetryPolicy policy = pipeline.context.retry;

      assertThat(policy)
          .hasToString("RetryPolicy[initialBackoff=PT0.5S, maxBackoff=PT8S, maxRetryAfter=PT1M]");
      assertThat(policy.backoff(5)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
      assertThat(policy.backoff(40)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }
  }

  @Test
  void a500IsRetriedAsTheEngineRetriesIt() {
    server.enqueue(
        Reply.problem(500, problem(ErrorType.INTERNAL_ERROR, "oops", "req_a")),
        Reply.json(200, EXTRACT_RESPONSE));

    assertThat(client.extract(REQUEST).geometryHash()).isEqualTo("g1");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aRetryAfterHttpDateInThePastIsNoWaitAndOnePastTheCapIsNotWaitedOut() {
    DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME;
    server.enqueue(
        Reply.text(503, "busy")
            .header("Retry-After", http.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5))),
        Reply.json(200, EXTRACT_RESPONSE),
        Reply.problem(429, problem(ErrorType.RATE_LIMITED, "slow down", "req_2"))
            .header("Retry-After", http.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(2))));

    client.extract(REQUEST);
    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> client.extract(REQUEST));

    assertThat(sleeper.waits).containsExactly(Duration.ZERO);
    assertThat(server.requests()).hasSize(3);
    assertThat(e.retryAfter().orElseThrow()).isGreaterThan(Duration.ofHours(1));
  }

  @Test
  void a408IsRetried() {
    server.enqueue(Reply.text(408, "timeout"), Reply.json(200, EXTRACT_RESPONSE));

    assertThat(client.extract(REQUEST).requestId()).isEqualTo("req_1");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aResetConnectionIsRetried() {
    server.enqueue(Reply.reset(), Reply.json(200, EXTRACT_RESPONSE));

    assertThat(client.extract(REQUEST).geometryHash()).isEqualTo("g1");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void connectionsResetOnEveryAttemptRaiseAConnectionException() {
    server.enqueue(Reply.reset(), Reply.reset(), Reply.reset());

    ApiConnectionException e =
        catchThrowableOfType(ApiConnectionException.class, () -> client.extract(REQUEST));

    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
    assertThat(e.getMessage())
        .startsWith("Connection to " + server.url() + " failed for extract (3 attempts)");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void everyAttemptOfAMutatingCallCarriesTheSameIdempotencyKeyAndTheNextCallAnother() {
    server.enqueue(
        Reply.text(503, "busy"),
        Reply.text(503, "busy"),
        Reply.json(200, EXTRACT_RESPONSE),
        Reply.json(200, EXTRACT_RESPONSE));

    client.extract(REQUEST);
    client.extract(REQUEST);

    var keys =
        server.requests().stream()
            .map(r -> r.header("Idempotency-Key"))
            .collect(Collectors.toList());
    assertThat(keys).hasSize(4);
    assertThat(keys.get(0)).startsWith("trc-idem-");
    assertThat(keys.subList(0, 3)).containsOnly(keys.get(0));
    assertThat(keys.get(3)).startsWith("trc-idem-").isNotEqualTo(keys.get(0));
    assertThat(server.requests().stream().map(Recorded::body).distinct()).hasSize(1);
  }

  @Test
  void aCallerChosenIdempotencyKeyIsSentAndReadsCarryNone() {
    server.enqueue(
        Reply.json(200, EXTRACT_RESPONSE),
        Reply.json(200, "{\"id\":\"lux:elevation\",\"provider\":\"lux\",\"name\":\"elevation\"}"));

    client.extract(REQUEST, RequestOptions.builder().idempotencyKey("job-42-item-7").build());
    client.dataset("lux:elevation");

    assertThat(server.requests().get(0).header("Idempotency-Key")).isEqualTo("job-42-item-7");
    assertThat(server.requests().get(1).header("Idempotency-Key")).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "400, InvalidRequestException",
    "401, AuthenticationException",
    "404, NotFoundException",
    "409, ConflictException",
    "422, InvalidRequestException",
    "501, ServiceException"
  })
  void aClientErrorIsNotRetried(int status, String exception) {
    server.enqueue(
        Reply.problem(status, "{\"status\":" + status + "}"), Reply.json(200, EXTRACT_RESPONSE));

    assertThatThrownBy(() -> client.extract(REQUEST))
        .isInstanceOf(TerraceException.class)
        .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(exception));
    assertThat(server.requests()).hasSize(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aStalledServerTimesOutEveryAttempt() {
    server.enqueue(Reply.stall(), Reply.stall(), Reply.stall());
    TerraceClient quick = client.withTimeout(Duration.ofMillis(200));

    ApiTimeoutException e =
        catchThrowableOfType(ApiTimeoutException.class, () -> quick.extract(REQUEST));

    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getMessage())
        .isEqualTo("No response to extract within the timeout of PT0.2S (3 attempts)");
    assertThat(e.getCause()).isInstanceOf(java.net.http.HttpTimeoutException.class);
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void aStalledServerMeetsTheOverallDeadlineHoweverLongTheAttemptTimeout() {
    server.enqueue(Reply.stall(), Reply.stall(), Reply.stall());
    TerraceClient bounded =
        client.withOptions(
            RequestOptions.builder()
                .timeout(Duration.ofSeconds(30))
                .totalTimeout(Duration.ofMillis(300))
                .build());

    ApiTimeoutException e =
        catchThrowableOfType(ApiTimeoutException.class, () -> bounded.extract(REQUEST));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage())
        .isEqualTo("No response to extract within the total timeout of PT0.3S (1 attempt)");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void maxRetriesZeroMakesOneAttempt() {
    server.enqueue(Reply.text(503, "busy"), Reply.json(200, EXTRACT_RESPONSE));

    assertThatThrownBy(
            () -> client.extract(REQUEST, RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOf(ServiceException.class);
    assertThat(server.requests()).hasSize(1);
  }
}
