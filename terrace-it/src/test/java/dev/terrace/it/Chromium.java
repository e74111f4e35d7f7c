package dev.terrace.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Debian's headless Chromium and its ChromeDriver, where installed. Without them a browser test is
 * skipped locally and fails in CI ({@code CI} set), where {@code .ci/run} installs {@code chromium}
 * and {@code chromium-driver}.
 */
record Chromium(Path browser, Path driver) {

  private static final List<Path> BROWSERS =
      List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"));
  private static final List<Path> DRIVERS =
      List.of(Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver"));

  /**
   * @return the browser and driver, or empty when either is missing and this is not CI
   * @throws IllegalStateException when either is missing in CI
   */
  static Optional<Chromium> find() {
    Optional<Path> browser = BROWSERS.stream().filter(Files::isExecutable).findFirst();
    Optional<Path> driver = DRIVERS.stream().filter(Files::isExecutable).findFirst();
    if (browser.isPresent() && driver.isPresent()) {
      return Optional.of(new Chromium(browser.get(), driver.get()));
    }
    if (System.getenv("CI") != null) {
      throw new IllegalStateException(
          "Chromium or ChromeDriver is not installed; .ci/run installs Debian's chromium and"
              + " chromium-driver");
    }
    return Optional.empty();
  }
}
