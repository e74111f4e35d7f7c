package dev.terrace.client;

import static dev.terrace.client.Fixtures.EXTRACT_RESPONSE;
import static dev.terrace.client.Fixtures.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.ErrorType;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.InvalidRequestException;
import dev.terrace.api.NotFoundException;
import dev.terrace.api.Provider;
import dev.terrace.api.RateLimitInfo;
import dev.terrace.api.geojson.Point;
import dev.terrace.client.ScriptedServer.Reply;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawResponseTest {

    private static final ExtractRequest REQUEST = ExtractRequest.of(Point.of(6.13, 49.61), "lux:elevation");

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
    void a_success_carries_its_headers_rate_limit_body_and_value() {
        server.enqueue(Reply.json(200, EXTRACT_RESPONSE).header("X-Request-ID", "req_raw")
                .header("X-RateLimit-Limit", "100").header("X-RateLimit-Remaining", "99")
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
    void an_error_status_is_returned_with_its_problem_not_thrown() {
        server.enqueue(Reply.problem(404, problem(ErrorType.NOT_FOUND, "No provider 'nope'", "req_404"))
                .header("X-Request-ID", "req_404"));

        RawResponse<Provider> raw = client.withRawResponse().provider("nope");

        assertThat(raw.statusCode()).isEqualTo(404);
        assertThat(raw.isSuccess()).isFalse();
        assertThat(raw.value()).isEmpty();
        assertThat(raw.rateLimit()).isEmpty();
        assertThat(raw.problem().orElseThrow().detail()).isEqualTo("No provider 'nope'");
        assertThat(raw.problem().orElseThrow().errorType()).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(raw.error().orElseThrow()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(raw::parse).isInstanceOf(NotFoundException.class)
                .hasMessage("HTTP 404 Not found: No provider 'nope' (request id req_404)");
    }

    @Test
    void rate_limit_info_belongs_to_each_response() {
        server.enqueue(Reply.json(200, EXTRACT_RESPONSE).header("X-RateLimit-Limit", "10")
                        .header("X-RateLimit-Remaining", "9").header("X-RateLimit-Reset", "1.5"),
                Reply.json(200, EXTRACT_RESPONSE).header("X-RateLimit-Limit", "10")
                        .header("X-RateLimit-Remaining", "8").header("X-RateLimit-Reset", "1"));

        RawResponse<ExtractResponse> first = client.withRawResponse().extract(REQUEST);
        RawResponse<ExtractResponse> second = client.withRawResponse().extract(REQUEST);

        assertThat(first.rateLimit()).hasValue(new RateLimitInfo(10, 9, Duration.ofMillis(1500)));
        assertThat(second.rateLimit()).hasValue(new RateLimitInfo(10, 8, Duration.ofSeconds(1)));
    }

    @Test
    void the_async_raw_view_completes_with_the_error_response() throws Exception {
        server.enqueue(Reply.problem(422, Fixtures.validationProblem("req_a")).header("X-Request-ID", "req_a"));

        RawResponse<ExtractResponse> raw = client.async().withRawResponse().extract(REQUEST).get();

        assertThat(raw.statusCode()).isEqualTo(422);
        assertThat(raw.requestId()).hasValue("req_a");
        assertThat(raw.error().orElseThrow()).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void a_raw_call_by_operation_name_reads_any_type() {
        server.enqueue(Reply.json(200, "{\"status\":\"ok\"}"));

        RawResponse<java.util.Map> raw = client.withRawResponse().call("health.check", java.util.Map.of(),
                java.util.Map.class);

        assertThat(raw.parse()).isEqualTo(java.util.Map.of("status", "ok"));
        assertThat(server.requests().get(0).path()).isEqualTo("/v1/op/health.check");
        assertThat(server.requests().get(0).body()).isEqualTo("{}");
    }
}
