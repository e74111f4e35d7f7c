package dev.terrace.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster from the machine's own binaries ({@code initdb} + {@code
 * pg_ctl}), run as the {@code postgres} user when the tests run as root. Tests that need it call
 * {@link #available()} first: without PostgreSQL installed they are skipped locally, and fail in CI
 * ({@code CI} set), where {@code .ci/run} installs it.
 */
final class PostgresCluster implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final int port;

  private PostgresCluster(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  static Path binaries() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .sorted()
          .reduce((a, b) -> b)
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  static boolean available() {
    if (binaries() != null) {
      return true;
    }
    if (System.getenv("CI") != null) {
      throw new IllegalStateException(
          "PostgreSQL is not installed; .ci/run installs Debian's postgresql package");
    }
    return false;
  }

  static PostgresCluster start() throws IOException, InterruptedException {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("terrace-pg");
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    PostgresCluster cluster = new PostgresCluster(bin, dir, port);
    if (asRoot()) {
      run(List.of("chown", "postgres", dir.toString()));
    }
    cluster.pg(
        bin.resolve("initdb") + " -D " + dir.resolve("data") + " -A trust -U postgres --no-sync");
    cluster.pg(
        bin.resolve("pg_ctl")
            + " -D "
            + dir.resolve("data")
            + " -l "
            + dir.resolve("log")
            + " -o '-p "
            + port
            + " -c fsync=off -c listen_addresses=127.0.0.1 -k "
            + dir
            + "' -w start");
    return cluster;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  @Override
  public void close() throws IOException, InterruptedException {
    pg(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m immediate -w stop");
    run(List.of("rm", "-rf", dir.toString()));
  }

  private void pg(String command) throws IOException, InterruptedException {
    run(
        asRoot()
            ? List.of("su", "postgres", "-s", "/bin/sh", "-c", command)
            : List.of("/bin/sh", "-c", command));
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("'" + String.join(" ", command) + "' failed: " + output);
    }
  }
}
