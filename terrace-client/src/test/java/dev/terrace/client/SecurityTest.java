package dev.terrace.client;

import static dev.terrace.client.Fixtures.EXTRACT_RESPONSE;
import static dev.terrace.client.Fixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.terrace.api.ExtractRequest;
import dev.terrace.api.geojson.Point;
import dev.terrace.client.ScriptedServer.Reply;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityTest {

  private static final ExtractRequest REQUEST =
      ExtractRequest.of(Point.of(6.13, 49.61), "lux:elevation");

  @ParameterizedTest
  @ValueSource(
      strings = {"http://example.com", "http://10.0.0.7:8000", "http://terrace.internal/api"})
  void plainHttpToAnotherHostIsRefused(String url) {
    assertThatThrownBy(() -> TerraceClient.builder().baseUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Refusing plain http:// to ")
        .hasMessageContaining("Use https://");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8000",
        "http://127.0.0.1:9",
        "http://127.1.2.3",
        "http://[::1]:8000",
        "https://terrace.example.com",
        "https://terrace.example.com/base/"
      })
  void httpsAndLoopbackHttpAreAccepted(String url) {
    assertThatCode(() -> TerraceClient.builder().baseUrl(url)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"terrace.example.com", "ftp://terrace.example.com", "https://h/x?key=1"})
  void malformedBaseUrlsAreRefused(String url) {
    assertThatThrownBy(() -> TerraceClient.builder().baseUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid base URL");
  }

  @Test
  void aRedirectToAnotherOriginIsNotFollowedAndNeverGetsTheKey() throws Exception {
    try (ScriptedServer elsewhere = new ScriptedServer("127.0.0.1", null);
        ScriptedServer server = new ScriptedServer();
        TerraceClient client = Fixtures.client(server, new RecordingSleeper()).build()) {
      String target = "http://localhost:" + elsewhere.port() + "/v1/op/extract";
      elsewhere.enqueue(Reply.json(200, EXTRACT_RESPONSE));
      server.enqueue(Reply.text(307, "").header("Location", target));

      UnexpectedStatusException e =
          catchThrowableOfType(UnexpectedStatusException.class, () -> client.extract(REQUEST));

      assertThat(e.statusCode()).isEqualTo(307);
      assertThat(e.headers().get("location")).as("names ignore case").containsExactly(target);
      assertThat(e.getMessage()).startsWith("HTTP 307 redirect to " + target + " not followed");
      assertThat(elsewhere.requests()).isEmpty();
      assertThat(server.requests()).hasSize(1);
      assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
    }
  }

  @Test
  void aRedirectWithinTheOriginIsFollowedWithTheKeyAndTheBody() throws Exception {
    try (ScriptedServer server = new ScriptedServer();
        TerraceClient client = Fixtures.client(server, new RecordingSleeper()).build()) {
      server.enqueue(
          Reply.text(308, "").header("Location", "/v2/op/extract"),
          Reply.json(200, EXTRACT_RESPONSE));

      assertThat(client.extract(REQUEST).requestId()).isEqualTo("req_1");

      assertThat(server.requests())
          .extracting(ScriptedServer.Recorded::path)
          .containsExactly("/v1/op/extract", "/v2/op/extract");
      assertThat(server.requests())
          .extracting(r -> r.header("Authorization"))
          .containsOnly("Bearer " + KEY);
      assertThat(server.requests().get(1).body()).isEqualTo(server.requests().get(0).body());
    }
  }

  @Test
  void anHttpClientThatFollowsRedirectsIsRefused() {
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> TerraceClient.builder().httpClient(following))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not follow redirects");
  }

  @Test
  void fromEnvReadsTheBaseUrlAndTheKey() throws Exception {
    try (ScriptedServer server = new ScriptedServer();
        TerraceClient client =
            TerraceClient.builder()
                .fromEnv(
                    Map.of("TERRACE_BASE_URL", server.url(), "TERRACE_API_KEY", "trc_env")::get)
                .build()) {
      server.enqueue(Reply.json(200, EXTRACT_RESPONSE));

      client.extract(REQUEST);

      assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer trc_env");
      assertThat(server.requests().get(0).path()).isEqualTo("/v1/op/extract");
    }
  }

  @Test
  void withoutAKeyNoAuthorizationIsSent() throws Exception {
    try (ScriptedServer server = new ScriptedServer();
        TerraceClient client = TerraceClient.builder().baseUrl(server.url()).build()) {
      server.enqueue(Reply.json(200, EXTRACT_RESPONSE));

      client.extract(REQUEST);

      assertThat(server.requests().get(0).header("Authorization")).isNull();
      assertThat(client.toString()).endsWith("apiKey=(none)]");
    }
  }
}
