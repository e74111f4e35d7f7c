package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Command line" examples are the command lines the tests run, character for
 * character, and it shows no other; every file a README command line reads is in the repository,
 * where it says.
 */
class ReadmeExamplesTest {

  /**
   * The options whose value is a file the command reads; {@code --geometry} reads one when given
   * {@code @FILE}.
   */
  private static final Set<String> READS = Set.of("--in", "--catalog", "--config");

  private static String readme() throws Exception {
    return Files.readString(Launcher.ROOT.resolve("README.md"));
  }

  private static String commandLineSection() throws Exception {
    String readme = readme();
    int section = readme.indexOf("## Command line");
    assertThat(section).as("a Command line section").isNotNegative();
    int next = readme.indexOf("\n## ", section + 1);
    return next < 0 ? readme.substring(section) : readme.substring(section, next);
  }

  /**
   * The command lines of indented code blocks, as {@code terrace …}, a trailing {@code # comment}
   * left off.
   */
  private static List<String> commandLines(String text) {
    return text.lines()
        .filter(l -> l.startsWith("    ") && l.contains("./terrace "))
        .map(l -> l.substring(l.indexOf("./terrace ") + 2).replaceFirst("\\s+#.*$", "").strip())
        .toList();
  }

  @Test
  void theReadmeShowsTheTestedExamples() throws Exception {
    String text = commandLineSection();
    for (String example : Examples.ALL) {
      assertThat(text).contains(example);
    }
    assertThat(text)
        .contains(
            Examples.EXTRACT_POINT.replace("terrace extract", "terrace extract" + Examples.REMOTE));
  }

  /** Jobs need a service, so their command lines all have --url; JobsCommandTest runs them. */
  @Test
  void theReadmeShowsTheTestedJobsExamples() throws Exception {
    String text = commandLineSection();
    assertThat(text).contains("### Jobs from the command line");
    for (String example : Examples.JOBS) {
      assertThat(text).contains("    ./" + example);
    }
  }

  @Test
  void theCommandLineSectionShowsNoUntestedExample() throws Exception {
    List<String> shown =
        commandLines(commandLineSection()).stream()
            .filter(c -> !c.contains(Examples.REMOTE.strip()))
            .toList();
    assertThat(shown).isNotEmpty();
    assertThat(Examples.ALL).containsAll(shown);
  }

  @Test
  void everyFileAReadmeCommandReadsIsInTheRepository() throws Exception {
    List<String> files =
        commandLines(readme()).stream()
            .flatMap(
                c -> {
                  List<String> words = Launcher.split(c);
                  return IntStream.range(0, words.size())
                      .mapToObj(
                          i -> {
                            String w = words.get(i);
                            return w.startsWith("@")
                                ? w.substring(1)
                                : i > 0 && READS.contains(words.get(i - 1)) ? w : null;
                          })
                      .filter(Objects::nonNull);
                })
            .toList();
    assertThat(files)
        .contains(
            "examples/parcel.geojson",
            "examples/parcels.geojson",
            "examples/points.csv",
            "examples/catalog.yaml",
            "examples/terrace.yaml");
    for (String f : files) {
      assertThat(Launcher.ROOT.resolve(f))
          .as("%s, read by a README example run at the repository's root", f)
          .isRegularFile();
    }
  }
}
