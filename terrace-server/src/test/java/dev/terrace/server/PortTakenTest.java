package dev.terrace.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that cannot bind its port fails, saying so (Helidon alone would log it and run without a
 * listener), and leaves nothing running behind it: no database pool, no deadline watchdog.
 */
class PortTakenTest {

  @TempDir Path dir;

  @Test
  void aServerThatCannotBindClosesWhatItOpened() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      long before = threads();
      ServerConfig second =
          ServerConfig.defaults().toBuilder()
              .host("127.0.0.1")
              .port(taken.getLocalPort())
              .databaseUrl("jdbc:sqlite:" + dir.resolve("second.db"))
              .build();
      assertThatThrownBy(() -> TerraceServer.start(second))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
      assertThat(threads()).as("threads of the server that did not start").isEqualTo(before);
      assertThat(Files.exists(dir.resolve("second.db"))).isTrue();
    }
  }

  /** The threads a server's database pool and work queue run. */
  private static long threads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(n -> n.contains("HikariPool") || n.equals("terrace-deadline-watchdog"))
        .count();
  }
}
