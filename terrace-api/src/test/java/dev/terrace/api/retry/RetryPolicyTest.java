package dev.terrace.api.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one retry policy of the SDK and the engine's HTTP reader: statuses, jitter bounds and {@code
 * Retry-After}.
 */
class RetryPolicyTest {

  /** 1994-11-06T08:49:37Z, RFC 9110's example date. */
  private static final Instant NOW = Instant.parse("1994-11-06T08:49:37Z");

  private static final RetryPolicy SDK =
      new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void theStatusesThatSayNotNowAreRetried(int status) {
    assertThat(RetryPolicy.isRetryable(status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      ints = {200, 304, 400, 401, 403, 404, 405, 409, 410, 413, 416, 422, 501, 505, 507, 599})
  void theStatusesThatSayNotThisAreNot(int status) {
    assertThat(RetryPolicy.isRetryable(status)).isFalse();
  }

  @Test
  void backoffDoublesFromTheInitialPauseUpToTheCap() {
    RetryPolicy top = SDK.withJitter(() -> 1);

    assertThat(IntStream.rangeClosed(1, 7).mapToObj(top::backoff))
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(8),
            Duration.ofSeconds(8));
    assertThat(top.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(8));
    assertThatThrownBy(() -> top.backoff(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalJitterKeepsEachPauseInTheUpperHalfOfItsNominalValue() {
    assertThat(SDK.withJitter(() -> 0).backoff(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(SDK.withJitter(() -> 0.5).backoff(2)).isEqualTo(Duration.ofMillis(750));
    assertThat(SDK.withJitter(() -> 0).backoff(9)).isEqualTo(Duration.ofSeconds(4));
    assertThat(SDK.withJitter(() -> -3).backoff(1)).as("clamped").isEqualTo(Duration.ofMillis(250));
    assertThat(SDK.withJitter(() -> 7).backoff(1)).as("clamped").isEqualTo(Duration.ofMillis(500));
    for (int attempt = 1; attempt <= 6; attempt++) {
      Duration nominal = SDK.withJitter(() -> 1).backoff(attempt);
      for (int i = 0; i < 200; i++) {
        assertThat(SDK.backoff(attempt))
            .as("random jitter, attempt %d", attempt)
            .isBetween(nominal.dividedBy(2), nominal);
      }
    }
  }

  @Test
  void retryAfterReplacesTheBackoffUnlessItIsLongerThanTheCap() {
    RetryPolicy policy = SDK.withJitter(() -> 1);

    assertThat(policy.delay(1, null)).hasValue(Duration.ofMillis(500));
    assertThat(policy.delay(3, "7")).hasValue(Duration.ofSeconds(7));
    assertThat(policy.delay(1, "0")).hasValue(Duration.ZERO);
    assertThat(policy.delay(1, "60")).hasValue(Duration.ofSeconds(60));
    assertThat(policy.delay(1, "61")).as("longer than the cap: do not retry").isEmpty();
    assertThat(policy.delay(2, "soon")).as("unreadable: back off").hasValue(Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "7                             | PT7S",
        " 120 |PT2M",
        "1.5                           | PT1.5S",
        "0                             | PT0S",
        "Sun, 06 Nov 1994 08:50:07 GMT | PT30S",
        "Sun, 06 Nov 1994 09:49:37 GMT | PT1H",
        "Sun, 06 Nov 1994 08:49:00 GMT | PT0S",
        "Sat, 05 Nov 1994 08:49:37 GMT | PT0S"
      })
  void retryAfterIsSecondsOrAnHttpDateCountedFromNow(String value, Duration wait) {
    assertThat(RetryPolicy.retryAfter(value, NOW)).hasValue(wait);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "-1",
        "1e3",
        "NaN",
        "Infinity",
        "0x10",
        "7 seconds",
        "tomorrow",
        "1994-11-06T08:50:07Z"
      })
  void anythingElseIsNoRetryAfter(String value) {
    assertThat(RetryPolicy.retryAfter(value, NOW)).isEmpty();
  }

  @Test
  void anHttpDateIsReadAgainstThePolicysClock() {
    RetryPolicy policy = SDK.withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(policy.delay(1, "Sun, 06 Nov 1994 08:50:37 GMT")).hasValue(Duration.ofMinutes(1));
    assertThat(policy.delay(1, "Sun, 06 Nov 1994 08:50:38 GMT")).isEmpty();
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(
            () -> new RetryPolicy(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not exceed");
    assertThatThrownBy(
            () -> new RetryPolicy(Duration.ofSeconds(-1), Duration.ofSeconds(2), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SDK)
        .hasToString("RetryPolicy[initialBackoff=PT0.5S, maxBackoff=PT8S, maxRetryAfter=PT1M]");
  }

  @Test
  void aRecordingSleeperIsALambdaAndItsDelayRecordsToo() throws Exception {
    List<Duration> waits = new ArrayList<>();
    Sleeper recording = waits::add;

    recording.sleep(Duration.ofSeconds(5));
    recording.delay(Duration.ofSeconds(6), Runnable::run).get(1, TimeUnit.SECONDS);

    assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(6));
  }

  @Test
  void theSystemSleeperWaitsWithoutAThreadAndCanBeCancelled() throws Exception {
    Sleeper.SYSTEM.sleep(Duration.ZERO);
    Sleeper.SYSTEM.sleep(Duration.ofMillis(-5));
    CompletableFuture<Void> never = Sleeper.SYSTEM.delay(Duration.ofDays(1), Runnable::run);
    assertThat(never).isNotDone();
    never.cancel(true);
    assertThat(never).isCancelled();
    Sleeper.SYSTEM.delay(Duration.ZERO, Runnable::run).get(5, TimeUnit.SECONDS);
  }
}
