package dev.terrace.engine.internal.rows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A batch's temporary folder, made inside {@code --tmp} (or the system's temporary folder) and
 * deleted with everything in it on close, whether the run succeeded or failed.
 */
public final class SpillFolder implements AutoCloseable {

  private final Path folder;

  /**
   * @param parent where to make it, or null for the system's temporary folder
   */
  public SpillFolder(Path parent) throws IOException {
    this.folder =
        parent == null
            ? Files.createTempDirectory("terrace-batch-")
            : Files.createTempDirectory(parent, "terrace-batch-");
  }

  Path file(String name) {
    return folder.resolve(name);
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
