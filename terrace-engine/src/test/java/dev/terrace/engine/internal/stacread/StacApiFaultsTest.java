package dev.terrace.engine.internal.stacread;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.terrace.api.ExtractRequest;
import dev.terrace.api.ExtractResponse;
import dev.terrace.api.Quality;
import dev.terrace.api.geojson.Point;
import dev.terrace.engine.Terrace;
import dev.terrace.engine.config.Limits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A STAC API that answers garbage or stalls: the dataset it stands behind is {@code missing} with a
 * warning, the request's other datasets answer, and a stalled search costs the request no more than
 * its deadline.
 */
class StacApiFaultsTest {

  @TempDir static Path dir;
  private static HttpServer api;
  private static Terrace terrace;
  private static final CountDownLatch RELEASE = new CountDownLatch(1);

  @BeforeAll
  static void start() throws IOException {
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.setExecutor(Executors.newCachedThreadPool());
    api.createContext("/text/search", exchange -> answer(exchange, "text/html", "<html>oops"));
    api.createContext(
        "/shape/search", exchange -> answer(exchange, "application/json", "{\"items\":[]}"));
    api.createContext(
        "/stalled/search",
        exchange -> {
          try {
            RELEASE.await(1, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          answer(exchange, "application/geo+json", "{\"features\":[]}");
        });
    api.start();
    String root = "http://127.0.0.1:" + api.getAddress().getPort();
    Path elev = dir.resolve("elev_lux.tif");
    try (var in =
        StacApiFaultsTest.class.getResourceAsStream("/dev/terrace/engine/samples/elev_lux.tif")) {
      Files.copy(in, elev);
    }
    String catalog =
        """
        {"providers": [
          {"slug": "file", "protocol": "cog", "datasets": [{"name": "elev", "path": "%1$s"}]},
          {"slug": "api", "protocol": "stac", "datasets": [
            {"name": "text", "stac": {"api": "%2$s/text/", "collection": "c", "asset": "data"}},
            {"name": "shape", "stac": {"api": "%2$s/shape/", "collection": "c", "asset": "data"}},
            {"name": "stalled", "stac": {"api": "%2$s/stalled/", "collection": "c", "asset": "data"}}]}
        ]}
        """
            .formatted(elev.toString().replace("\\", "\\\\"), root);
    terrace =
        Terrace.embedded(
            Files.writeString(dir.resolve("catalog.json"), catalog),
            Limits.defaults().withTimeout(Duration.ofSeconds(6)),
            Runnable::run);
  }

  @AfterAll
  static void stop() {
    RELEASE.countDown();
    terrace.close();
    api.stop(0);
  }

  private static void answer(HttpExchange exchange, String type, String body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] out = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(200, out.length);
    try (var stream = exchange.getResponseBody()) {
      stream.write(out);
    }
  }

  private static ExtractResponse read(String dataset) {
    return terrace.extract(ExtractRequest.of(Point.of(6.13, 49.61), dataset, "file:elev"));
  }

  @Test
  void anAnswerThatIsNotJsonIsMissingWithAWarning() {
    ExtractResponse r = read("api:text");
    assertThat(r.results().get(0).quality()).isEqualTo(Quality.MISSING);
    assertThat(r.results().get(1).number()).hasValue(300.0);
    assertThat(r.warnings()).singleElement().asString().contains("the search answered no JSON");
  }

  @Test
  void jsonThatIsNotAnItemCollectionIsMissingWithAWarning() {
    ExtractResponse r = read("api:shape");
    assertThat(r.results().get(0).quality()).isEqualTo(Quality.MISSING);
    assertThat(r.results().get(1).number()).hasValue(300.0);
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .contains("the search did not answer an ItemCollection");
  }

  /**
   * The search never answers within the request: the request answers at its deadline (half of 6 s
   * here, where the search alone would wait 30 s), the stalled dataset given up with a warning that
   * says so.
   */
  @Test
  void aStalledSearchIsGivenUpAtTheRequestsDeadline() {
    ExtractResponse r = read("api:stalled");
    assertThat(r.results().get(0).quality()).isEqualTo(Quality.MISSING);
    assertThat(r.results().get(1).number()).hasValue(300.0);
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .startsWith("api:stalled")
        .contains("deadline");
  }
}
