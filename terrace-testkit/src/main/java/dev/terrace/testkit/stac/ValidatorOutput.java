package dev.terrace.testkit.stac;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits what one run of the validator's command line printed into what it said about each file. It
 * prints a {@code - FILE} line before each file, in the order given, then nothing more for a valid
 * file and the reasons for an invalid one, and closes with a {@code Files: N} count.
 */
final class ValidatorOutput {

  private ValidatorOutput() {}

  /**
   * @param files the files as given to the validator, in order
   * @param output its standard output and error, interleaved
   * @return for each file, the non-blank lines printed about it
   * @throws IllegalStateException if the output does not name every file, as when the validator
   *     stopped early
   */
  static List<List<String>> perFile(List<String> files, String output) {
    List<List<String>> sections = new ArrayList<>();
    List<String> current = null;
    for (String line : output.split("\\R")) {
      if (sections.size() < files.size() && line.equals("- " + files.get(sections.size()))) {
        current = new ArrayList<>();
        sections.add(current);
      } else if (sections.size() == files.size() && line.equals("Files: " + files.size())) {
        break;
      } else if (current != null && !line.isBlank()) {
        current.add(line.stripTrailing());
      }
    }
    if (sections.size() < files.size()) {
      throw new IllegalStateException(
          "the STAC validator stopped before " + files.get(sections.size()) + ":\n" + output);
    }
    return sections;
  }
}
