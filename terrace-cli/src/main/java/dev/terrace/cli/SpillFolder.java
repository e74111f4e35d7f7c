package dev.terrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A batch's temporary folder, made inside {@code --tmp} (or the system's temporary folder) and
 * deleted with everything in it on close, whether the run succeeded or failed.
 */
final class SpillFolder implements AutoCloseable {

  private final Path folder;

  /**
   * @param parent where to make it, or null for the system's temporary folder
   * @throws IllegalArgumentException when {@code parent} is not a writable folder
   */
  SpillFolder(Path parent) throws IOException {
    if (parent != null && !(Files.isDirectory(parent) && Files.isWritable(parent))) {
      throw new IllegalArgumentException(
          "--tmp " + parent + ": not a folder this run can write in");
    }
    this.folder =
        parent == null
            ? Files.createTempDirectory("terrace-batch-")
            : Files.createTempDirectory(parent, "terrace-batch-");
  }

  Path file(String name) {
    return folder.resolve(name);
  }

  Path path() {
    return folder;
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
