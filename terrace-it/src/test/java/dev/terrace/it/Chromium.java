package dev.terrace.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A headless Chromium and its ChromeDriver found on the {@code PATH}, as Debian's {@code chromium}
 * and {@code chromium-driver} install them. Without them a browser test is skipped locally and
 * fails in CI ({@code CI} set), where {@code .ci/run} installs both.
 */
record Chromium(Path browser, Path driver) {

  /**
   * @return the browser and driver, or empty when either is missing and this is not CI
   * @throws IllegalStateException when either is missing in CI
   */
  static Optional<Chromium> find() {
    Optional<Path> browser = onPath(List.of("chromium", "chromium-browser"));
    Optional<Path> driver = onPath(List.of("chromedriver"));
    if (browser.isPresent() && driver.isPresent()) {
      return Optional.of(new Chromium(browser.get(), driver.get()));
    }
    if (System.getenv("CI") != null) {
      throw new IllegalStateException(
          "Chromium or ChromeDriver is not on the PATH; .ci/run installs Debian's chromium and"
              + " chromium-driver");
    }
    return Optional.empty();
  }

  private static Optional<Path> onPath(List<String> names) {
    String path = System.getenv().getOrDefault("PATH", "");
    return names.stream()
        .flatMap(
            name ->
                Arrays.stream(path.split(File.pathSeparator))
                    .filter(dir -> !dir.isEmpty())
                    .map(dir -> Path.of(dir, name)))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
