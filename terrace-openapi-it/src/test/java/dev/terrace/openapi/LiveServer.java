package dev.terrace.openapi;

import dev.terrace.openapi.client.ApiClient;
import dev.terrace.server.ApiKeyStore;
import dev.terrace.server.JobSettings;
import dev.terrace.server.Scope;
import dev.terrace.server.ServerConfig;
import dev.terrace.server.TerraceServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A Terrace server on a free loopback port with API keys required and rate limits off, and a
 * generated client for it that sends a key with every request and records which method and path
 * each answer came from.
 */
final class LiveServer implements AutoCloseable {

  private final TerraceServer server;
  private final Path dir;
  private final String apiKey;
  private final Set<String> called = ConcurrentHashMap.newKeySet();

  private LiveServer(TerraceServer server, Path dir, String apiKey) {
    this.server = server;
    this.dir = dir;
    this.apiKey = apiKey;
  }

  static LiveServer start() {
    try {
      Path dir = Files.createTempDirectory("terrace-openapi-it");
      TerraceServer server =
          TerraceServer.start(
              ServerConfig.defaults().toBuilder()
                  .host("127.0.0.1")
                  .port(0)
                  .auth(true)
                  .rateLimit(0, 1)
                  .databaseUrl("jdbc:sqlite:" + dir.resolve("terrace.db"))
                  .jobs(JobSettings.defaults().withFolder(dir.resolve("jobs")))
                  .build());
      String key =
          new ApiKeyStore(server.database())
              .create("terrace-openapi-it", EnumSet.of(Scope.EXTRACT, Scope.CATALOG_READ))
              .secret();
      return new LiveServer(server, dir, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generated client as a user would set it up: the server's address and a bearer key. */
  ApiClient client() {
    ApiClient client = new ApiClient();
    client.updateBaseUri(server.uri().toString());
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
    client.setResponseInterceptor(
        response ->
            called.add(response.request().method() + " " + response.request().uri().getRawPath()));
    return client;
  }

  /**
   * @return each request the clients sent, as {@code METHOD /raw/path}
   */
  Set<String> called() {
    return called;
  }

  @Override
  public void close() throws IOException {
    server.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
