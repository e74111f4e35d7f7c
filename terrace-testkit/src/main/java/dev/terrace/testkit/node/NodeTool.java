package dev.terrace.testkit.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool from the npm registry at a pinned version, installed on first use into a
 * cache under the user's home ({@code ~/.cache/terrace/npm/NAME@VERSION}) and reused after. Tests
 * that need one (a local S3 server, the STAC validator) call {@link #find}: without npm they are
 * skipped locally and fail in CI ({@code CI} set), where {@code .ci/run} installs Node.js.
 */
public final class NodeTool {

  private static final long INSTALL_TIMEOUT_MINUTES = 10;

  private final Path home;

  private NodeTool(Path home) {
    this.home = home;
  }

  /**
   * Finds the package, installing it first if it is not in the cache.
   *
   * @param name the npm package
   * @param version its exact version
   * @return the installed package, or empty if npm is not installed and this is not CI
   * @throws IllegalStateException if npm is missing in CI or the install fails
   */
  public static synchronized Optional<NodeTool> find(String name, String version) {
    if (!onPath("npm") || !onPath("node")) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(
            "Node.js and npm are not installed; .ci/run installs Debian's nodejs and npm");
      }
      return Optional.empty();
    }
    Path home =
        Path.of(System.getProperty("user.home"), ".cache", "terrace", "npm", name + "@" + version);
    Path marker = home.resolve(".installed");
    if (!Files.exists(marker)) {
      install(home, name + "@" + version);
      try {
        Files.writeString(marker, version);
      } catch (IOException e) {
        throw new IllegalStateException("cannot mark " + home + " installed", e);
      }
    }
    return Optional.of(new NodeTool(home));
  }

  /**
   * @param bin the name of one of the package's commands
   * @return the command's path, to run with {@link ProcessBuilder}
   */
  public Path bin(String bin) {
    return home.resolve("node_modules").resolve(".bin").resolve(bin);
  }

  /**
   * @return where the package's own files are ({@code node_modules/NAME} under the cache)
   */
  public Path modules() {
    return home.resolve("node_modules");
  }

  private static void install(Path home, String spec) {
    try {
      Files.createDirectories(home);
      Path log = home.resolve("install.log");
      Process npm =
          new ProcessBuilder(
                  List.of(
                      "npm",
                      "install",
                      "--prefix",
                      home.toString(),
                      "--no-audit",
                      "--no-fund",
                      "--loglevel=error",
                      spec))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!npm.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        npm.destroyForcibly();
        throw new IllegalStateException(
            "npm install " + spec + " took over " + INSTALL_TIMEOUT_MINUTES + " minutes");
      }
      if (npm.exitValue() != 0) {
        throw new IllegalStateException(
            "npm install " + spec + " failed:\n" + Files.readString(log));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot install " + spec + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted installing " + spec, e);
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
