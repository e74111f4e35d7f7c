package dev.terrace.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A real server on a loopback port with its own SQLite file (or the database a test names), and a
 * plain JDK HTTP client to talk to it.
 */
final class RunningServer implements AutoCloseable {

  final TerraceServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Path dir;

  private RunningServer(TerraceServer server, Path dir) {
    this.server = server;
    this.dir = dir;
  }

  /**
   * A server on the defaults, changed by {@code config}, on a free loopback port with a fresh
   * SQLite file.
   */
  static RunningServer start(UnaryOperator<ServerConfig.Builder> config) {
    try {
      Path dir = Files.createTempDirectory("terrace-server-test");
      ServerConfig.Builder builder =
          ServerConfig.defaults().toBuilder()
              .host("127.0.0.1")
              .port(0)
              .databaseUrl("jdbc:sqlite:" + dir.resolve("terrace.db"))
              .jobs(JobSettings.defaults().withFolder(dir.resolve("jobs")));
      return new RunningServer(TerraceServer.start(config.apply(builder).build()), dir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static RunningServer start() {
    return start(b -> b);
  }

  URI uri(String path) {
    return server.uri().resolve(path);
  }

  HttpResponse<String> post(String path, String json, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(b, headers);
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET(), headers);
  }

  HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    http.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
