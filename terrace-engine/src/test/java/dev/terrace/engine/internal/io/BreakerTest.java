package dev.terrace.engine.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The breaker's states: closed, open after consecutive failures or one stall, half open for one
 * probe.
 */
class BreakerTest {

  private static final Duration COOL_DOWN = Duration.ofMillis(200);

  /** The breaker's clock, moved by the tests rather than by waiting. */
  private final AtomicLong now = new AtomicLong();

  private final Breaker breaker = new Breaker("example.org", 3, COOL_DOWN, now::get);

  private void coolDownPasses() {
    now.addAndGet(COOL_DOWN.toNanos());
  }

  @Test
  void opensAfterConsecutiveFailuresAndClosesAfterASuccessfulProbe() {
    for (int i = 0; i < 2; i++) {
      assertThat(breaker.admit()).isNull();
      breaker.failed("HTTP 503", false);
    }
    assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED);
    assertThat(breaker.admit()).isNull();
    breaker.failed("HTTP 503", false);
    assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN);
    assertThat(breaker.admit())
        .startsWith("example.org failed 3 times in a row (last: HTTP 503); not asked again");
    assertThat(breaker.timesOpened()).isEqualTo(1);

    coolDownPasses();
    assertThat(breaker.state()).isEqualTo(Breaker.State.HALF_OPEN);
    assertThat(breaker.admit()).as("the probe").isNull();
    assertThat(breaker.admit()).as("while it probes").contains("while one request probes it");
    breaker.succeeded();
    assertThat(breaker.state()).isEqualTo(Breaker.State.CLOSED);
    assertThat(breaker.admit()).isNull();
  }

  @Test
  void aFailedProbeReopensAndAStallOpensAtOnce() {
    breaker.admit();
    breaker.failed("no answer in 1500 ms", true);
    assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN);
    coolDownPasses();
    assertThat(breaker.admit()).isNull();
    breaker.failed("HTTP 500", false);
    assertThat(breaker.state()).isEqualTo(Breaker.State.OPEN);
    assertThat(breaker.timesOpened()).isEqualTo(2);
  }

  @Test
  void aProbeGivenUpEarlyLetsTheNextRequestProbe() {
    breaker.failed("no answer in 900 ms", true);
    coolDownPasses();
    assertThat(breaker.admit()).isNull();
    breaker.released();
    assertThat(breaker.admit()).isNull();
  }
}
