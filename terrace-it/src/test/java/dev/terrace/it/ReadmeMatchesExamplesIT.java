package dev.terrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's Java examples are the code of {@link ReadmeExamplesIT}: each region marked {@code //
 * README: name} … {@code // README: end} appears in README.md verbatim (indentation removed), and
 * every Java block of README.md's in-process and SDK sections is one of those regions.
 */
class ReadmeMatchesExamplesIT {

  private static final Path EXAMPLES =
      Path.of("src/test/java/dev/terrace/it/ReadmeExamplesIT.java");
  private static final Path README = Path.of("../README.md");
  private static final Pattern REGION =
      Pattern.compile("(?m)^( *)// README: (.+)\\n((?s:.*?))^ *// README: end$");
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");

  @Test
  void everyExampleIsInTheReadme() throws IOException {
    Map<String, String> regions = regions();
    String readme = Files.readString(README);

    assertThat(regions.keySet())
        .containsExactly(
            "in-process",
            "time series",
            "blocking",
            "estimate",
            "jobs",
            "async fan-out",
            "raw response",
            "error handling",
            "pagination",
            "catalog search",
            "embedded");
    regions.forEach(
        (name, code) -> assertThat(readme).as("README example '%s'", name).contains(code));
  }

  @Test
  void everyJavaBlockOfTheClientSectionsIsAnExample() throws IOException {
    String readme = Files.readString(README);
    String sections =
        readme.substring(
            readme.indexOf("## Extracting values in-process"),
            readme.indexOf("## Reading a GeoTIFF"));
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(sections);
    while (m.find()) {
      blocks.add(m.group(1));
    }

    assertThat(blocks).isNotEmpty();
    assertThat(regions().values()).containsAll(blocks);
  }

  /** The marked regions of the examples, by name, each without the indentation of its marker. */
  private static Map<String, String> regions() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    Matcher m = REGION.matcher(Files.readString(EXAMPLES));
    while (m.find()) {
      String indent = m.group(1);
      StringBuilder code = new StringBuilder();
      m.group(3)
          .lines()
          .forEach(
              line ->
                  code.append(line.startsWith(indent) ? line.substring(indent.length()) : line)
                      .append('\n'));
      regions.put(m.group(2).strip(), code.toString());
    }
    return regions;
  }
}
