package dev.terrace.it;

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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real Terrace server on a free loopback port, with API keys required and its own SQLite file,
 * and one key allowed to extract and read the catalog.
 */
final class LoopbackServer implements AutoCloseable {

  private final TerraceServer server;
  private final Path dir;
  private final String apiKey;

  private LoopbackServer(TerraceServer server, Path dir, String apiKey) {
    this.server = server;
    this.dir = dir;
    this.apiKey = apiKey;
  }

  /** A server with rate limiting off. */
  static LoopbackServer start() {
    return start(config -> config.rateLimit(0, 1));
  }

  /** A server on the defaults (rate limits on), its configuration changed by {@code config}. */
  static LoopbackServer start(UnaryOperator<ServerConfig.Builder> config) {
    try {
      Path dir = Files.createTempDirectory("terrace-it");
      TerraceServer server =
          TerraceServer.start(
              config
                  .apply(
                      ServerConfig.defaults().toBuilder()
                          .host("127.0.0.1")
                          .port(0)
                          .auth(true)
                          .databaseUrl("jdbc:sqlite:" + dir.resolve("terrace.db"))
                          .jobs(JobSettings.defaults().withFolder(dir.resolve("jobs"))))
                  .build());
      String key =
          new ApiKeyStore(server.database())
              .create("terrace-it", EnumSet.of(Scope.EXTRACT, Scope.CATALOG_READ))
              .secret();
      return new LoopbackServer(server, dir, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return the base URL to give a client, {@code http://127.0.0.1:PORT}
   */
  String baseUrl() {
    return server.uri().toString();
  }

  /**
   * @return a key with the extract and catalog-read scopes
   */
  String apiKey() {
    return apiKey;
  }

  @Override
  public void close() throws IOException {
    server.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
