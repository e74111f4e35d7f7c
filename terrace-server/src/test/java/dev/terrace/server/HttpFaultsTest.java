package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults in the HTTP exchange itself, written byte by byte on a raw socket as no well-behaved
 * client would send them: each is answered with a problem carrying a request id and counted in the
 * metrics, and the server keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpFaultsTest {

  private static final String EXTRACT = "/v1/op/extract";
  private static final String BODY =
      "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.13,49.61]},\"dataset_ids\":[\"lux:elevation\"]}";
  private static final Pattern COUNT =
      Pattern.compile(
          "^terrace_requests_total\\{operation=\"[^\"]*\",status=\"(\\d+)\"} (\\d+)$",
          Pattern.MULTILINE);

  RunningServer running;

  @BeforeAll
  void start() {
    running = RunningServer.start(b -> b.rateLimit(0, 1));
  }

  @AfterAll
  void stop() throws Exception {
    running.close();
  }

  /** A POST head up to its blank line, with the given framing headers. */
  static String post(String framing) {
    return "POST "
        + EXTRACT
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + framing
        + "\r\n";
  }

  static String chunked(String chunks) {
    return post("Transfer-Encoding: chunked\r\n") + chunks;
  }

  static Stream<Arguments> faults() {
    String hex = Integer.toHexString(BODY.length());
    return Stream.of(
        // name, the bytes sent, the status
        Arguments.of("a chunk size of zz", chunked("zz\r\n" + BODY + "\r\n0\r\n\r\n"), 400),
        Arguments.of(
            "a chunk without the CRLF after its data",
            chunked(hex + "\r\n" + BODY + "0\r\n\r\n"),
            400),
        Arguments.of(
            "CONNECT to an authority",
            "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
            400),
        Arguments.of("no Host", "GET /health HTTP/1.1\r\n\r\n", 400),
        Arguments.of(
            "a Content-Length that is no number", post("Content-Length: ten\r\n") + BODY, 400),
        Arguments.of(
            "an unknown Content-Encoding",
            post("Content-Encoding: x-unknown\r\nContent-Length: " + BODY.length() + "\r\n") + BODY,
            400),
        Arguments.of(
            "a 10 KB request target",
            "GET /health?q=" + "a".repeat(10_240) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            414),
        Arguments.of(
            "a NUL in a header value",
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Note: a\0b\r\n\r\n",
            400),
        Arguments.of(
            "gzip under chunked", post("Transfer-Encoding: gzip, chunked\r\n") + "0\r\n\r\n", 501),
        Arguments.of("a garbage request line", "HELLO\r\n\r\n", 400),
        Arguments.of("an unknown protocol version", "GET /health HTTP/7.0\r\nHost: x\r\n\r\n", 400),
        Arguments.of(
            "32 KB of header fields",
            "GET /health HTTP/1.1\r\nHost: x\r\n"
                + ("X-Filler: " + "f".repeat(1000) + "\r\n").repeat(32)
                + "\r\n",
            431),
        Arguments.of(
            "two Content-Types",
            post("Content-Type: text/plain\r\nContent-Length: " + BODY.length() + "\r\n") + BODY,
            400),
        Arguments.of("an unknown route", "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n", 404),
        Arguments.of(
            "a DELETE on a POST route", "DELETE " + EXTRACT + " HTTP/1.1\r\nHost: x\r\n\r\n", 405),
        Arguments.of("a declared body over the cap", post("Content-Length: 999999999\r\n"), 413));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void answeredWithACountedProblem(String name, String request, int status) throws Exception {
    long before = answered(status);
    Answer a = exchange(request);
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    assertThat(a.header("content-type")).isEqualTo("application/problem+json");
    assertThat(a.header("x-request-id")).isNotBlank();
    JsonNode problem = Json.MAPPER.readTree(a.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("request_id").asText()).isEqualTo(a.header("x-request-id"));
    assertThat(problem.path("detail").asText()).isNotBlank().doesNotContain("server log");
    assertThat(answered(status)).as("counted in /metrics").isEqualTo(before + 1);
    assertThat(running.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aFaultKeepsTheCallersRequestId() throws Exception {
    Answer a = exchange("GET /health HTTP/1.1\r\nX-Request-ID: trace-42\r\n\r\n");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.header("x-request-id")).isEqualTo("trace-42");
  }

  @Test
  void anHttp10ClientIsServed() throws Exception {
    Answer a = exchange("GET /health HTTP/1.0\r\n\r\n");
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(a.body()).path("status").asText()).isEqualTo("ok");
    assertThat(a.header("connection")).isEqualTo("close");
    // without half-closing: an HTTP/1.0 connection closes after its answer
    Answer post =
        exchange(
            "POST "
                + EXTRACT
                + " HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: "
                + BODY.length()
                + "\r\n\r\n"
                + BODY,
            false);
    assertThat(post.status()).as(post.toString()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(post.body()).path("results").get(0).path("value").isNumber())
        .isTrue();
  }

  /** A client typing by hand, or a small TCP segment, may send the request line in pieces. */
  @Test
  void anHttp10RequestLineInPiecesIsServed() throws Exception {
    URI uri = running.uri("/");
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      socket.setTcpNoDelay(true);
      socket.getOutputStream().write("GET /health HT".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      Thread.sleep(200);
      socket.getOutputStream().write("TP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 200").contains("\"status\":\"ok\"");
    }
  }

  @Test
  void aWellFormedChunkedBodyIsRead() throws Exception {
    String hex = Integer.toHexString(BODY.length());
    Answer a =
        exchange(
            chunked(hex + "\r\n" + BODY + "\r\n0\r\n\r\n")
                .replace("Host: localhost\r\n", "Host: localhost\r\nConnection: close\r\n"));
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
  }

  @Test
  void aMegabyteDatasetIdIsNotEchoedInFull() throws Exception {
    String id = "x".repeat(1 << 20);
    var r = running.post(EXTRACT, BODY.replace("lux:elevation", id));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body().length()).isLessThan(4 * Problems.MAX_TEXT + 2048);
    JsonNode problem = Json.MAPPER.readTree(r.body());
    assertThat(problem.path("detail").asText())
        .hasSizeLessThanOrEqualTo(Problems.MAX_TEXT)
        .endsWith("…");
  }

  /** How many answers /metrics has counted with this status, over all operations. */
  long answered(int status) {
    Matcher m = COUNT.matcher(running.get("/metrics").body());
    long total = 0;
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) == status) {
        total += Long.parseLong(m.group(2));
      }
    }
    return total;
  }

  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  /** Writes the request, half-closes, and reads the whole answer until the server closes. */
  Answer exchange(String request) throws IOException {
    return exchange(request, true);
  }

  Answer exchange(String request, boolean halfClose) throws IOException {
    URI uri = running.uri("/");
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int end = raw.indexOf("\r\n\r\n");
      assertThat(end)
          .as("an answer to " + request.substring(0, Math.min(80, request.length())))
          .isPositive();
      String[] lines = raw.substring(0, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.putIfAbsent(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
    }
  }
}
