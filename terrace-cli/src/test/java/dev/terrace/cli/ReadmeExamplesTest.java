package dev.terrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's "Command line" examples are the command lines the tests run, character for character. */
class ReadmeExamplesTest {

  @Test
  void theReadmeShowsTheTestedExamples() throws Exception {
    String readme = Files.readString(Launcher.ROOT.resolve("README.md"));
    int section = readme.indexOf("## Command line");
    assertThat(section).as("a Command line section").isNotNegative();
    String text = readme.substring(section);
    for (String example : Examples.ALL) {
      assertThat(text).contains(example);
    }
    assertThat(text).contains(Examples.EXTRACT_POINT.replace("terrace extract", "terrace extract" + Examples.REMOTE));
  }
}
