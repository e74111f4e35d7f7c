package dev.terrace.client;

import static dev.terrace.client.Fixtures.EXTRACT_RESPONSE;
import static dev.terrace.client.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.ErrorType;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Provider;
import dev.terrace.api.RateLimitInfo;
import dev.terrace.api.ResultValue;
import dev.terrace.api.geojson.Point;
import dev.terrace.client.ScriptedServer.Reply;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawResponseTest {

  private static final ExtractRequest REQUEST =
      ExtractRequest.of(Point.of(6.13, 49.61), "lux:elevation");

  private ScriptedServer server;
  private TerraceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
    client = Fixtures.client(server, new RecordingSleeper()).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void aSuccessCarriesItsHeadersRateLimitBodyAndValue() {
    server.enqueue(
        Reply.json(200, EXTRACT_RESPONSE)
            .header("X-Request-ID", "req_raw")
            .header("X-RateLimit-Limit", "100")
            .header("X-RateLimit-Remaining", "99")
            .header("X-RateLimit-Reset", "30"));

    RawResponse<ExtractResponse> raw = client.withRawResponse().extract(REQUEST);

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.isSuccess()).isTrue();
    assertThat(raw.requestId()).hasValue("req_raw");
    assertThat(raw.rateLimit()).hasValue(new RateLimitInfo(100, 99, Duration.ofSeconds(30)));
    assertThat(raw.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(raw.bodyText()).isEqualTo(EXTRACT_RESPONSE);
    assertThat(raw.value().orElseThrow().geometryHash()).isEqualTo("g1");
    assertThat(raw.parse()).isSameAs(raw.value().orElseThrow());
    assertThat(raw.problem()).isEmpty();
    assertThat(raw.error()).isEmpty();
  }

  @Test
  void aParsedValueIsTypedAsTheEngineTypesItWithItsTimestampsAsInstants() {
    server.enqueue(
        Reply.json(
            200,
            "{\"request_id\":\"req_1\",\"geometry_hash\":\"g1\",\"results\":["
                + result("18446744073709551615", "majority", "2020-01-31T00:00:00Z")
                + ","
                + result(
                    "{\"11\":2.0,\"12\":1.0}",
                    "histogram",
                    "2020-01-31T00:00:00Z/2020-03-31T00:00:00Z")
                + "],\"warnings\":[],\"elapsed_ms\":2.0}"));

    ExtractResponse response = client.withRawResponse().extract(REQUEST).parse();

    ExtractResult majority = response.results().get(0);
    assertThat(majority.value())
        .isEqualTo(new ResultValue.Exact(new BigInteger("18446744073709551615")));
    assertThat(majority.timestampInstant()).isEqualTo(Instant.parse("2020-01-31T00:00:00Z"));
    ExtractResult histogram = response.results().get(1);
    assertThat(histogram.value()).isInstanceOf(ResultValue.Histogram.class);
    assertThat(histogram.value().asHistogram())
        .containsExactly(Map.entry("11", 2.0), Map.entry("12", 1.0));
    assertThat(histogram.timeInterval().end()).isEqualTo(Instant.parse("2020-03-31T00:00:00Z"));
  }

  private static String result(String value, String aggregation, String timestamp) {
    return "{\"dataset_id\":\"d:x\",\"variable\":\"x\",\"value\":"
        + value
        + ",\"aggregation\":\""
        + aggregation
        + "\",\"pixel_rule\":\"center\",\"quality\":\"good\",\"pixel_count\":2,"
        + "\"timestamp\":\""
        + timestamp
        + "\",\"provider\":\"d\",\"elapsed_ms\":1.0}";
  }

  @Test
  void anErrorStatusIsReturnedWithItsProblemNotThrown() {
    server.enqueue(
        Reply.problem(404, problem(ErrorType.NOT_FOUND, "No provider 'nope'", "req_404"))
            .header("X-Request-ID", "req_404"));

    RawResponse<Provider> raw = client.withRawResponse().provider("nope");

    assertThat(raw.statusCode()).isEqualTo(404);
    assertThat(raw.isSuccess()).isFalse();
    assertThat(raw.value()).isEmpty();
    assertThat(raw.rateLimit()).isEmpty();
    assertThat(raw.problem().orElseThrow().detail()).isEqualTo("No provider 'nope'");
    assertThat(raw.problem().orElseThrow().errorType()).isEqualTo(ErrorType.NOT_FOUND);
    assertThat(raw.error().orElseThrow()).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(raw::parse)
        .isInstanceOf(NotFoundException.class)
        .hasMessage("HTTP 404 Not found: No provider 'nope' (request id req_404)");
  }

  @Test
  void rateLimitInfoBelongsToEachResponse() {
    server.enqueue(
        Reply.json(200, EXTRACT_RESPONSE)
            .header("X-RateLimit-Limit", "10")
            .header("X-RateLimit-Remaining", "9")
            .header("X-RateLimit-Reset", "1.5"),
        Reply.json(200, EXTRACT_RESPONSE)
            .header("X-RateLimit-Limit", "10")
            .header("X-RateLimit-Remaining", "8")
            .header("X-RateLimit-Reset", "1"));

    RawResponse<ExtractResponse> first = client.withRawResponse().extract(REQUEST);
    RawResponse<ExtractResponse> second = client.withRawResponse().extract(REQUEST);

    assertThat(first.rateLimit()).hasValue(new RateLimitInfo(10, 9, Duration.ofMillis(1500)));
    assertThat(second.rateLimit()).hasValue(new RateLimitInfo(10, 8, Duration.ofSeconds(1)));
  }

  @Test
  void theAsyncRawViewCompletesWithTheErrorResponse() throws Exception {
    server.enqueue(
        Reply.problem(422, Fixtures.validationProblem("req_a")).header("X-Request-ID", "req_a"));

    RawResponse<ExtractResponse> raw = client.async().withRawResponse().extract(REQUEST).get();

    assertThat(raw.statusCode()).isEqualTo(422);
    assertThat(raw.requestId()).hasValue("req_a");
    assertThat(raw.error().orElseThrow()).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void aRawCallByOperationNameReadsAnyType() {
    server.enqueue(Reply.json(200, "{\"status\":\"ok\"}"));

    RawResponse<java.util.Map> raw =
        client.withRawResponse().call("health.check", java.util.Map.of(), java.util.Map.class);

    assertThat(raw.parse()).isEqualTo(java.util.Map.of("status", "ok"));
    assertThat(server.requests().get(0).path()).isEqualTo("/v1/op/health.check");
    assertThat(server.requests().get(0).body()).isEqualTo("{}");
  }
}
