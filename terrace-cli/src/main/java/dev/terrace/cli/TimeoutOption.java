package dev.terrace.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --timeout} of extract and batch: the deadline of each request to the engine in this
 * process, by which it answers with what it has read, every dataset not read in time {@code
 * missing} with a warning, rather than waiting on a slow source. A service ({@code --url}) keeps
 * its own deadline, its {@code serve --timeout}.
 */
final class TimeoutOption {

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = Values.DurationValue.class,
      description =
          "Deadline of each request here (extract: the one; batch: each chunk of --batch-size rows), e.g."
              + " 30s, 500ms or PT30S: by then every dataset not read is answered missing, with a warning (default:"
              + " none). A service (--url) answers by its own serve --timeout.")
  Duration timeout;

  /**
   * @return the deadline, or null for none
   * @throws IllegalArgumentException if it is not positive
   */
  Duration value() {
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new IllegalArgumentException(
          "--timeout must be more than 0, not " + timeout + "; leave it out for no deadline");
    }
    return timeout;
  }
}
