package dev.terrace.engine.internal.tiles;

import dev.terrace.engine.Terrace;
import dev.terrace.testkit.http.RangeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of test classes that read the {@link TileFixture} world: its files, its server and an
 * engine on it.
 */
abstract class TiledWorld {

  @TempDir static Path dir;
  static RangeServer server;
  static Terrace terrace;

  @BeforeAll
  static void serve() {
    server = RangeServer.start();
    terrace = Terrace.embedded(TileFixture.write(dir, server));
  }

  @AfterAll
  static void stop() {
    terrace.close();
    server.close();
  }
}
