package dev.terrace.client;

import static dev.terrace.client.Fixtures.EXTRACT_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.terrace.api.geojson.Feature;
import dev.terrace.api.geojson.Point;
import dev.terrace.client.ScriptedServer.Recorded;
import dev.terrace.client.ScriptedServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

  private static final String POINT_BODY =
      "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.13,49.61]},"
          + "\"dataset_ids\":[\"lux:elevation\"],\"aggregation\":\"mean\",\"pixel_rule\":\"exact\","
          + "\"crs\":\"EPSG:4326\",\"densify\":false,\"interpolation\":\"nearest\"}";

  private ScriptedServer server;
  private TerraceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer(r -> Reply.json(200, EXTRACT_RESPONSE));
    client = Fixtures.client(server, new RecordingSleeper()).header("X-Team", "soil").build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  private Recorded last() {
    List<Recorded> all = server.requests();
    return all.get(all.size() - 1);
  }

  @Test
  void geometryGoesInAsARecordTextMapOrFeatureAndTravelsTheSame() {
    client.extract(Point.of(6.13, 49.61), "lux:elevation");
    client.extract("{\"type\":\"Point\",\"coordinates\":[6.13,49.61]}", "lux:elevation");
    client.extract(Map.of("type", "Point", "coordinates", List.of(6.13, 49.61)), "lux:elevation");
    client.extract(Feature.of(Point.of(6.13, 49.61)), "lux:elevation");
    client.extract(
        "{\"type\":\"Feature\",\"properties\":{\"n\":1},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.13,49.61]}}",
        "lux:elevation");

    assertThat(server.requests()).extracting(Recorded::body).containsOnly(POINT_BODY).hasSize(5);
    assertThat(last().method()).isEqualTo("POST");
    assertThat(last().header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void textThatIsNotGeojsonIsRefusedBeforeSending() {
    assertThatThrownBy(() -> client.extract("{\"type\":\"Circle\"}", "lux:elevation"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a GeoJSON geometry");
    assertThatThrownBy(
            () -> Geometries.parse("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without a geometry");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void withHeadersMakesACopyAndLeavesTheOriginalAlone() {
    TerraceClient tagged = client.withHeaders(Map.of("X-Job", "nightly"));

    tagged.dataset("lux:elevation");
    assertThat(last().header("X-Job")).isEqualTo("nightly");
    assertThat(last().header("X-Team")).isEqualTo("soil");

    client.dataset("lux:elevation");
    assertThat(last().header("X-Job")).isNull();
    assertThat(last().header("User-Agent")).startsWith("terrace-java/");
  }

  @Test
  void perCallHeadersOverrideTheClients() {
    client.dataset("lux:elevation", RequestOptions.builder().header("X-Team", "water").build());

    assertThat(last().header("X-Team")).isEqualTo("water");
    assertThat(last().path()).isEqualTo("/v1/op/catalog.datasets.get");
    assertThat(last().body()).isEqualTo("{\"id\":\"lux:elevation\"}");
  }

  @Test
  void closingACopyEndsTheCopyAndLeavesThePoolItSharesOpen() {
    ExecutorService pool = (ExecutorService) client.async().executor();
    TerraceClient copy = client.withTimeout(Duration.ofSeconds(5));
    TerraceClient tagged =
        client.withOptions(RequestOptions.builder().header("X-Job", "nightly").build());
    copy.dataset("lux:elevation");

    copy.close();
    copy.close();

    assertThatThrownBy(() -> copy.dataset("lux:elevation"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("This copy of the Terrace client is closed");
    assertThat(pool.isShutdown()).as("the pool the builder made, which the copy did not").isFalse();
    client.dataset("lux:elevation");
    tagged.dataset("lux:elevation");
    client.async().dataset("lux:elevation").join();
    assertThat(server.requests()).hasSize(4);
  }

  @Test
  void closingAViewEndsTheViewOnly() {
    TerraceAsyncClient async = client.async();
    TerraceClient syncOfAsync = async.sync();
    TerraceAsyncClient asyncCopy = async.withTimeout(Duration.ofSeconds(5));

    async.close();
    syncOfAsync.close();

    assertThatThrownBy(() -> async.dataset("lux:elevation"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> syncOfAsync.dataset("lux:elevation"))
        .isInstanceOf(IllegalStateException.class);
    client.dataset("lux:elevation");
    asyncCopy.dataset("lux:elevation").join();
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void closingTheClientTheBuilderMadeClosesThePoolForEveryCopyAndView() {
    ExecutorService pool = (ExecutorService) client.async().executor();
    TerraceClient copy = client.withTimeout(Duration.ofSeconds(5));
    TerraceAsyncClient view = client.async();
    RawResponseClient raw = copy.withRawResponse();

    client.close();

    assertThat(pool.isShutdown()).isTrue();
    for (ThrowingCallable call :
        List.<ThrowingCallable>of(
            () -> client.dataset("lux:elevation"),
            () -> copy.dataset("lux:elevation"),
            () -> view.dataset("lux:elevation"),
            () -> raw.dataset("lux:elevation"),
            () -> client.withHeaders(Map.of("X-A", "b")).dataset("x:y"))) {
      assertThatThrownBy(call)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("The Terrace client is closed");
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aCallersExecutorOutlivesTheClient() {
    ExecutorService mine = Executors.newSingleThreadExecutor();
    try {
      TerraceClient own = Fixtures.client(server, new RecordingSleeper()).executor(mine).build();
      own.withTimeout(Duration.ofSeconds(5)).close();
      own.dataset("lux:elevation");
      own.close();

      assertThat(mine.isShutdown()).isFalse();
      assertThat(mine.submit(() -> "still running").get(10, TimeUnit.SECONDS))
          .isEqualTo("still running");
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      mine.shutdownNow();
    }
  }

  @Test
  void callsByOperationNamePostToThatOperation() {
    Map<?, ?> answer = client.call("catalog.providers.get", Map.of("slug", "lux"), Map.class);

    assertThat(answer.get("geometry_hash")).isEqualTo("g1");
    assertThat(last().path()).isEqualTo("/v1/op/catalog.providers.get");
    assertThat(last().body()).isEqualTo("{\"slug\":\"lux\"}");
    assertThatThrownBy(() -> client.call("../admin", Map.of(), Map.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid operation name");
  }

  @Test
  void settingsAreCheckedWhenSet() {
    assertThatThrownBy(() -> TerraceClient.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRetries must not be negative, got -1");
    assertThatThrownBy(() -> TerraceClient.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, got PT0S");
    assertThatThrownBy(() -> TerraceClient.builder().maxConcurrentRequests(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Bad", "a\r\nInjected: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
