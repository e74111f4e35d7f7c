package dev.terrace.testkit.stac;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one {@link StacValidator} run found, file by file.
 *
 * @param files one report for each file, in the order they were given
 * @param output everything the validator printed, for a failure that the reports do not explain
 */
public record StacReport(List<FileReport> files, String output) {

  /** Copies the list. */
  public StacReport {
    files = List.copyOf(files);
  }

  /**
   * @return whether every file is valid
   */
  public boolean valid() {
    return files.stream().allMatch(FileReport::valid);
  }

  /**
   * @param source a file's path or a JSON text's name, as in {@link FileReport#source()}
   * @return that file's report
   * @throws IllegalArgumentException if no file has that source
   */
  public FileReport file(String source) {
    return files.stream()
        .filter(file -> file.source().equals(source))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no file " + source + " was validated"));
  }

  /**
   * @throws AssertionError naming each invalid file with the validator's messages about it
   */
  public void assertValid() {
    List<FileReport> invalid = files.stream().filter(file -> !file.valid()).toList();
    if (!invalid.isEmpty()) {
      throw new AssertionError(
          invalid.size()
              + " of "
              + files.size()
              + " STAC files are invalid:\n"
              + invalid.stream()
                  .map(file -> file.source() + ":\n  " + String.join("\n  ", file.messages()))
                  .collect(Collectors.joining("\n")));
    }
  }
}
