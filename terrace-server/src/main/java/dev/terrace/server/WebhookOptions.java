package dev.terrace.server;

import dev.terrace.engine.internal.io.Cidr;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the service delivers webhooks.
 *
 * <pre>{@code
 * WebhookOptions tests = WebhookOptions.defaults().withAllowed(List.of("127.0.0.0/8"));
 * }</pre>
 *
 * @param allowed address blocks ({@code 127.0.0.0/8}, {@code fd00::/8}) that webhook URLs may reach
 *     although they are loopback, private, link-local or otherwise internal, over plain {@code
 *     http} too; empty in production, so that no webhook reaches the service's own network
 * @param retryBase the wait after the first failed attempt; each further failure doubles it
 * @param retryCap the longest wait between two attempts
 * @param retryFor how long after its event a delivery is retried before it is given up as failed
 * @param attemptTimeout how long one attempt may take, connecting included, so that a stalled
 *     receiver holds up nobody else
 */
public record WebhookOptions(
    List<String> allowed,
    Duration retryBase,
    Duration retryCap,
    Duration retryFor,
    Duration attemptTimeout) {

  /**
   * @throws IllegalArgumentException if a block is not an address block or a duration is not
   *     positive
   */
  public WebhookOptions {
    allowed = List.copyOf(allowed);
    allowed.forEach(Cidr::parse);
    for (Duration d : List.of(retryBase, retryCap, retryFor, attemptTimeout)) {
      if (Objects.requireNonNull(d).isNegative() || d.isZero()) {
        throw new IllegalArgumentException("webhook durations must be positive, got " + d);
      }
    }
  }

  /**
   * No internal address allowed; retries 10 s after the first failure, doubling up to an hour
   * apart, for a day; 10 s per attempt.
   *
   * @return the defaults
   */
  public static WebhookOptions defaults() {
    return new WebhookOptions(
        List.of(),
        Duration.ofSeconds(10),
        Duration.ofHours(1),
        Duration.ofDays(1),
        Duration.ofSeconds(10));
  }

  /**
   * @param blocks address blocks webhook URLs may reach despite being internal
   * @return a copy allowing them
   * @throws IllegalArgumentException if one is not an address block
   */
  public WebhookOptions withAllowed(List<String> blocks) {
    return new WebhookOptions(blocks, retryBase, retryCap, retryFor, attemptTimeout);
  }

  /**
   * @param base the wait after the first failure
   * @param cap the longest wait
   * @param giveUpAfter how long after its event a delivery is retried
   * @return a copy retrying so
   */
  public WebhookOptions withRetry(Duration base, Duration cap, Duration giveUpAfter) {
    return new WebhookOptions(allowed, base, cap, giveUpAfter, attemptTimeout);
  }

  /**
   * @param timeout how long one attempt may take
   * @return a copy with that timeout
   */
  public WebhookOptions withAttemptTimeout(Duration timeout) {
    return new WebhookOptions(allowed, retryBase, retryCap, retryFor, timeout);
  }
}
