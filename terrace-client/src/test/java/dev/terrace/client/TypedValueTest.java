package dev.terrace.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.ExtractResult;
import dev.terrace.api.ResultValue;
import dev.terrace.api.geojson.Point;
import dev.terrace.client.ScriptedServer.Reply;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK reads a result's value into the same typed value the embedded engine builds. */
class TypedValueTest {

    private static String result(String value, String aggregation, String timestamp) {
        return "{\"dataset_id\":\"d:x\",\"variable\":\"x\",\"value\":" + value + ",\"aggregation\":\"" + aggregation
                + "\",\"pixel_rule\":\"center\",\"quality\":\"good\",\"pixel_count\":2,\"timestamp\":\"" + timestamp
                + "\",\"provider\":\"d\",\"elapsed_ms\":1.0}";
    }

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
    void valuesAreTypedAndTimestampsInstants() {
        server.enqueue(Reply.json(200, "{\"request_id\":\"req_1\",\"geometry_hash\":\"g1\",\"results\":["
                + result("18446744073709551615", "majority", "2020-01-31T00:00:00Z") + ","
                + result("{\"11\":2.0,\"12\":1.0}", "histogram", "2020-01-31T00:00:00Z/2020-03-31T00:00:00Z")
                + "],\"warnings\":[],\"elapsed_ms\":2.0}"));

        ExtractResponse response = client.extract(ExtractRequest.of(Point.of(6.1, 49.6), "d:x"));

        ExtractResult majority = response.results().get(0);
        assertThat(majority.value()).isEqualTo(new ResultValue.Exact(new BigInteger("18446744073709551615")));
        assertThat(majority.timestampInstant()).isEqualTo(Instant.parse("2020-01-31T00:00:00Z"));
        ExtractResult histogram = response.results().get(1);
        assertThat(histogram.value()).isInstanceOf(ResultValue.Histogram.class);
        assertThat(histogram.value().asHistogram()).containsExactly(Map.entry("11", 2.0), Map.entry("12", 1.0));
        assertThat(histogram.timeInterval().end()).isEqualTo(Instant.parse("2020-03-31T00:00:00Z"));
    }

    @Test
    void theClientPackageIsNullMarked() {
        assertThat(TerraceClient.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
    }
}
